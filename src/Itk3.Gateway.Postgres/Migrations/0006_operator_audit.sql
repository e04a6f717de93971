-- Port of the SQLite store's 0006: operator actions and payload views (who, when, what, on which item), and the
-- indexes the dashboard's lists and overview need on large stores. Times are UTC ticks like everywhere else.
CREATE TABLE audit_events (
    seq                     BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at                      BIGINT  NOT NULL,
    actor                   TEXT    NOT NULL,
    action                  TEXT    NOT NULL,
    subject_kind            TEXT    NOT NULL,
    subject_id              TEXT    NOT NULL,
    transaction_id          TEXT    NULL,
    inbound_mesh_message_id TEXT    NULL,
    note                    TEXT    NULL
);
CREATE INDEX ix_audit_events_at ON audit_events (at);
CREATE INDEX ix_audit_events_transaction ON audit_events (transaction_id, at);
CREATE INDEX ix_audit_events_inbound ON audit_events (inbound_mesh_message_id, at);

CREATE INDEX ix_transactions_flow_created_at ON transactions (flow, created_at);
CREATE INDEX ix_transactions_recipient_created_at ON transactions (recipient, created_at);
CREATE INDEX ix_transaction_responses_received_at ON transaction_responses (received_at);
CREATE INDEX ix_inbound_messages_state_received_at ON inbound_messages (state, received_at);
CREATE INDEX ix_inbound_messages_transaction ON inbound_messages (transaction_id);
CREATE INDEX ix_outbox_created_at ON outbox (created_at);
CREATE INDEX ix_deliveries_created_at ON deliveries (created_at);
CREATE INDEX ix_deliveries_inbound ON deliveries (inbound_mesh_message_id);
