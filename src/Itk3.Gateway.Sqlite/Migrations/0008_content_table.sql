-- Payloads move out of the rows that change state. SQLite rewrites a whole row on every UPDATE: a state change of an
-- inbox, outbox or delivery row holding a 9 MB payload read and wrote the 9 MB again, and allocated about twice that in
-- SQLite's memory each time. New payloads are written once into contents (the blob last in its row, so a zero-filled
-- insert stays small, then filled a piece at a time) and referenced by content_seq; the content column of new rows is
-- an empty blob. Rows written before this migration keep their inline content (content_seq NULL) and are read as before.
CREATE TABLE contents (
    seq   INTEGER NOT NULL PRIMARY KEY,
    bytes BLOB    NOT NULL
);
ALTER TABLE inbound_messages ADD COLUMN content_seq INTEGER NULL;
ALTER TABLE outbox ADD COLUMN content_seq INTEGER NULL;
ALTER TABLE deliveries ADD COLUMN content_seq INTEGER NULL;
