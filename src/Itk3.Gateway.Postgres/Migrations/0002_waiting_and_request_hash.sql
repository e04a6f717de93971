-- Port of the SQLite store's 0002. Queue items whose fast retries are used up keep being retried, but are flagged as
-- waiting (needs attention, health degraded).
ALTER TABLE outbox ADD COLUMN waiting_since BIGINT NULL;
ALTER TABLE deliveries ADD COLUMN waiting_since BIGINT NULL;
-- The SHA-256 of a submission (payload, recipient, flow, reference): a reused transaction id with another request is refused.
ALTER TABLE transactions ADD COLUMN request_hash TEXT NULL;
