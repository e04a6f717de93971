-- Gateway store on PostgreSQL, first schema: the port of the SQLite store's 0001 (same tables and columns). Times are
-- UTC ticks (100 ns since 0001-01-01) in BIGINT columns, exactly as in SQLite, so values round-trip to the tick and
-- both stores order and compare them alike; states and kinds are enum member names.

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
    content            BYTEA   NOT NULL,
    state              TEXT    NOT NULL,
    message_header_id  TEXT    NULL,
    bundle_identifier  TEXT    NULL,
    document_id        TEXT    NULL,
    flow               TEXT    NULL,
    itk_code           TEXT    NULL,
    detail             TEXT    NULL,
    transaction_id     TEXT    NULL,
    received_at        BIGINT  NOT NULL,
    updated_at         BIGINT  NOT NULL,
    acknowledged_at    BIGINT  NULL
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
    infrastructure_due_at BIGINT  NULL,
    business_due_at       BIGINT  NULL,
    failure_code          TEXT    NULL,
    failure_detail        TEXT    NULL,
    created_at            BIGINT  NOT NULL,
    updated_at            BIGINT  NOT NULL
);
CREATE INDEX ix_transactions_bundle_identifier ON transactions (bundle_identifier);
CREATE INDEX ix_transactions_local_id ON transactions (local_id);
CREATE INDEX ix_transactions_mesh_message_id ON transactions (mesh_message_id);
CREATE INDEX ix_transactions_created_at ON transactions (created_at);
CREATE INDEX ix_transactions_state_created_at ON transactions (state, created_at);

CREATE TABLE transaction_events (
    seq            BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id TEXT    NOT NULL REFERENCES transactions (id),
    at             BIGINT  NOT NULL,
    kind           TEXT    NOT NULL,
    detail         TEXT    NULL,
    itk_code       TEXT    NULL
);
CREATE INDEX ix_transaction_events_transaction ON transaction_events (transaction_id, at, seq);

CREATE TABLE transaction_responses (
    seq                        BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id             TEXT    NOT NULL REFERENCES transactions (id),
    level                      TEXT    NOT NULL,
    code                       TEXT    NOT NULL,
    is_positive                BOOLEAN NOT NULL,
    response_message_header_id TEXT    NOT NULL,
    received_at                BIGINT  NOT NULL,
    UNIQUE (transaction_id, response_message_header_id)
);

CREATE TABLE outbox (
    seq                     BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                      TEXT    NOT NULL UNIQUE,
    recipient_mailbox       TEXT    NOT NULL,
    workflow_id             TEXT    NOT NULL,
    subject                 TEXT    NULL,
    local_id                TEXT    NULL,
    content                 BYTEA   NOT NULL,
    transaction_id          TEXT    NULL,
    inbound_mesh_message_id TEXT    NULL,
    state                   TEXT    NOT NULL,
    next_attempt_at         BIGINT  NOT NULL,
    attempts                INTEGER NOT NULL,
    lease_until             BIGINT  NULL,
    claimed_by              TEXT    NULL,
    mesh_message_id         TEXT    NULL,
    completed_at            BIGINT  NULL,
    last_error              TEXT    NULL,
    created_at              BIGINT  NOT NULL
);
CREATE INDEX ix_outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX ix_outbox_transaction ON outbox (transaction_id);

CREATE TABLE deliveries (
    seq                     BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                      TEXT    NOT NULL UNIQUE,
    idempotency_key         TEXT    NOT NULL UNIQUE,
    content                 BYTEA   NOT NULL,
    inbound_mesh_message_id TEXT    NULL,
    flow                    TEXT    NULL,
    state                   TEXT    NOT NULL,
    next_attempt_at         BIGINT  NOT NULL,
    attempts                INTEGER NOT NULL,
    lease_until             BIGINT  NULL,
    claimed_by              TEXT    NULL,
    completed_at            BIGINT  NULL,
    last_error              TEXT    NULL,
    created_at              BIGINT  NOT NULL
);
CREATE INDEX ix_deliveries_due ON deliveries (state, next_attempt_at);
