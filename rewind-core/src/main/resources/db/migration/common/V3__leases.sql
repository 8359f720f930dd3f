-- Rewind state store, version 3: the environment lock. Same conventions as V1.

-- One row per locked environment: the run that holds it, who runs it where, and until when. The holder renews
-- heartbeat_at and expires_at while it works; a lease past expires_at, or held by a process that is gone, is stale
-- and may be taken over.
CREATE TABLE leases (
    environment  TEXT   NOT NULL PRIMARY KEY,
    run_id       TEXT   NOT NULL,
    holder       TEXT   NOT NULL,
    host         TEXT   NOT NULL,
    pid          BIGINT NOT NULL,
    acquired_at  TEXT   NOT NULL,
    heartbeat_at TEXT   NOT NULL,
    expires_at   TEXT   NOT NULL
);
