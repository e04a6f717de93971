-- Gateway store, first schema. Times are UTC ticks (100 ns since 0001-01-01) in INTEGER columns; states and kinds are
-- enum member names. Kept close to portable SQL: the rowid aliases (INTEGER PRIMARY KEY) are the SQLite-specific part.

CREATE TABLE inbound_messages (
    mesh_message_id    TEXT    NOT NULL PRIMARY KEY,
    sender_mailbox     TEXT    NOT NULL,
    recipient_mailbox  TEXT    NOT NULL,
    workflow_id        TEXT    NULL,
    subject            TEXT    NULL,
    local_id           TEXT    NULL,
    file_name          TEXT    NULL,
    mesh_message_type  TEXT    NULL,
    linked_message_id  TEXT    NULL,
    content            BLOB    NOT NULL,
    state              TEXT    NOT NULL,
    message_header_id  TEXT    NULL,
    bundle_identifier  TEXT    NULL,
    document_id        TEXT    NULL,
    flow               TEXT    NULL,
    itk_code           TEXT    NULL,
    detail             TEXT    NULL,
    transaction_id     TEXT    NULL,
    received_at        INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    acknowledged_at    INTEGER NULL
);
CREATE INDEX ix_inbound_messages_message_header_id ON inbound_messages (message_header_id);
CREATE INDEX ix_inbound_messages_document_id ON inbound_messages (document_id);
CREATE INDEX ix_inbound_messages_received_at ON inbound_messages (received_at);
CREATE INDEX ix_inbound_messages_unacknowledged ON inbound_messages (acknowledged_at, received_at);

CREATE TABLE transactions (
    id                    TEXT    NOT NULL PRIMARY KEY,
    flow                  TEXT    NOT NULL,
    recipient_kind        TEXT    NOT NULL,
    recipient             TEXT    NOT NULL,
    message_header_id     TEXT    NOT NULL UNIQUE,
    bundle_id             TEXT    NULL,
    bundle_identifier     TEXT    NULL,
    local_id              TEXT    NULL,
    mesh_message_id       TEXT    NULL,
    state                 TEXT    NOT NULL,
    infrastructure_due_at INTEGER NULL,
    business_due_at       INTEGER NULL,
    failure_code          TEXT    NULL,
    failure_detail        TEXT    NULL,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL
);
CREATE INDEX ix_transactions_bundle_identifier ON transactions (bundle_identifier);
CREATE INDEX ix_transactions_local_id ON transactions (local_id);
CREATE INDEX ix_transactions_mesh_message_id ON transactions (mesh_message_id);
CREATE INDEX ix_transactions_created_at ON transactions (created_at);
CREATE INDEX ix_transactions_state_created_at ON transactions (state, created_at);

CREATE TABLE transaction_events (
    seq            INTEGER NOT NULL PRIMARY KEY,
    transaction_id TEXT    NOT NULL REFERENCES transactions (id),
    at             INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    detail         TEXT    NULL,
    itk_code       TEXT    NULL
);
CREATE INDEX ix_transaction_events_transaction ON transaction_events (transaction_id, at, seq);

CREATE TABLE transaction_responses (
    seq                        INTEGER NOT NULL PRIMARY KEY,
    transaction_id             TEXT    NOT NULL REFERENCES transactions (id),
    level                      TEXT    NOT NULL,
    code                       TEXT    NOT NULL,
    is_positive                INTEGER NOT NULL,
    response_message_header_id TEXT    NOT NULL,
    received_at                INTEGER NOT NULL,
    UNIQUE (transaction_id, response_message_header_id)
);

CREATE TABLE outbox (
    seq                     INTEGER NOT NULL PRIMARY KEY,
    id                      TEXT    NOT NULL UNIQUE,
    recipient_mailbox       TEXT    NOT NULL,
    workflow_id             TEXT    NOT NULL,
    subject                 TEXT    NULL,
    local_id                TEXT    NULL,
    content                 BLOB    NOT NULL,
    transaction_id          TEXT    NULL,
    inbound_mesh_message_id TEXT    NULL,
    state                   TEXT    NOT NULL,
    next_attempt_at         INTEGER NOT NULL,
    attempts                INTEGER NOT NULL,
    lease_until             INTEGER NULL,
    claimed_by              TEXT    NULL,
    mesh_message_id         TEXT    NULL,
    completed_at            INTEGER NULL,
    last_error              TEXT    NULL,
    created_at              INTEGER NOT NULL
);
CREATE INDEX ix_outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX ix_outbox_transaction ON outbox (transaction_id);

CREATE TABLE deliveries (
    seq                     INTEGER NOT NULL PRIMARY KEY,
    id                      TEXT    NOT NULL UNIQUE,
    idempotency_key         TEXT    NOT NULL UNIQUE,
    content                 BLOB    NOT NULL,
    inbound_mesh_message_id TEXT    NULL,
    flow                    TEXT    NULL,
    state                   TEXT    NOT NULL,
    next_attempt_at         INTEGER NOT NULL,
    attempts                INTEGER NOT NULL,
    lease_until             INTEGER NULL,
    claimed_by              TEXT    NULL,
    completed_at            INTEGER NULL,
    last_error              TEXT    NULL,
    created_at              INTEGER NOT NULL
);
CREATE INDEX ix_deliveries_due ON deliveries (state, next_attempt_at);
