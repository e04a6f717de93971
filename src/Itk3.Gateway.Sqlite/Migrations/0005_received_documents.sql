-- Documents accepted by the receiver, for replacement checks (ITK3 R43, response code 20014): the document id
-- (document Bundle.id), the Composition.identifier shared by every version, and a one-way patient key (SHA-256 of the
-- NHS number; the number itself is not held here).
CREATE TABLE received_documents (
    document_id            TEXT    NOT NULL PRIMARY KEY,
    composition_identifier TEXT    NULL,
    patient_key            TEXT    NULL,
    mesh_message_id        TEXT    NOT NULL,
    received_at            INTEGER NOT NULL
);
CREATE INDEX ix_received_documents_composition_identifier ON received_documents (composition_identifier);
