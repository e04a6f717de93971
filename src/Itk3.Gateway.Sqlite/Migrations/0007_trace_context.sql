-- The W3C trace context (traceparent, tracestate) of the span that wrote each row: the send of an outbox item continues
-- its submit's (or response's) trace, a delivery continues its receive's, and a business response reported later
-- continues the receive of the message it answers, across the store and restarts. NULL on rows written before this
-- migration (and when nothing was traced): those are sent and delivered in a fresh trace.
ALTER TABLE outbox ADD COLUMN trace_parent TEXT NULL;
ALTER TABLE outbox ADD COLUMN trace_state TEXT NULL;
ALTER TABLE deliveries ADD COLUMN trace_parent TEXT NULL;
ALTER TABLE deliveries ADD COLUMN trace_state TEXT NULL;
ALTER TABLE inbound_messages ADD COLUMN trace_parent TEXT NULL;
ALTER TABLE inbound_messages ADD COLUMN trace_state TEXT NULL;
