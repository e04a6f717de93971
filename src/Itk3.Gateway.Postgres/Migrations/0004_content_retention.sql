-- Port of the SQLite store's 0004. Retention: when an item's payload bytes were blanked by the purge (the record,
-- timeline, states and ids stay).
ALTER TABLE inbound_messages ADD COLUMN content_purged_at BIGINT NULL;
ALTER TABLE outbox ADD COLUMN content_purged_at BIGINT NULL;
ALTER TABLE deliveries ADD COLUMN content_purged_at BIGINT NULL;
