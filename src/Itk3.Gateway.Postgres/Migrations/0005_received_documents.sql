-- Port of the SQLite store's 0005: documents accepted by the receiver, for replacement checks (ITK3 R43, response code
-- 20014); the patient key is a SHA-256 of the NHS number, never the number.
CREATE TABLE received_documents (
    document_id            TEXT    NOT NULL PRIMARY KEY,
    composition_identifier TEXT    NULL,
    patient_key            TEXT    NULL,
    mesh_message_id        TEXT    NOT NULL,
    received_at            BIGINT  NOT NULL
);
CREATE INDEX ix_received_documents_composition_identifier ON received_documents (composition_identifier);
