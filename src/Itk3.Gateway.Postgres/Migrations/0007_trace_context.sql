-- Port of the SQLite store's 0007. The W3C trace context (traceparent, tracestate) of the span that wrote each row,
-- so sends, deliveries and later business responses continue its trace across the store and restarts; NULL on rows
-- written before this migration (they are sent and delivered in a fresh trace). Nullable, no default: no table rewrite.
ALTER TABLE outbox ADD COLUMN trace_parent TEXT NULL;
ALTER TABLE outbox ADD COLUMN trace_state TEXT NULL;
ALTER TABLE deliveries ADD COLUMN trace_parent TEXT NULL;
ALTER TABLE deliveries ADD COLUMN trace_state TEXT NULL;
ALTER TABLE inbound_messages ADD COLUMN trace_parent TEXT NULL;
ALTER TABLE inbound_messages ADD COLUMN trace_state TEXT NULL;
