-- PostgreSQL only (several instances share one database): who polls each MESH mailbox. A row per mailbox; the holder
-- renews lease_until by heartbeat and another instance may take it over once lease_until has passed. term grows at every
-- change of holder, so a holder can tell that it lost the lease in between. Numbered from 1001 so that ports of the
-- SQLite store's migrations keep their own numbers.
CREATE TABLE poller_leases (
    mailbox     TEXT    NOT NULL PRIMARY KEY,
    holder      TEXT    NOT NULL,
    term        BIGINT  NOT NULL,
    lease_until BIGINT  NOT NULL,
    acquired_at BIGINT  NOT NULL
);
