-- Rewind state store, version 1. Portable SQL for SQLite and PostgreSQL.
-- Times are ISO-8601 UTC text with milliseconds (2026-11-21T09:30:15.123Z): fixed width, so text order is time order.
-- Statuses and kinds are lower-case enum names. *_json columns hold JSON text.

CREATE TABLE releases (
    id             TEXT    NOT NULL PRIMARY KEY,
    environment    TEXT    NOT NULL,
    version        TEXT    NOT NULL,
    artifacts      TEXT    NOT NULL,
    deployed_by    TEXT    NOT NULL,
    deployed_at    TEXT    NOT NULL,
    schema_version TEXT,
    status         TEXT    NOT NULL,
    backup_id      TEXT,
    note           TEXT
);
CREATE INDEX releases_environment_deployed_at ON releases (environment, deployed_at);
-- At most one live release per environment (partial indexes work in SQLite and PostgreSQL alike).
CREATE UNIQUE INDEX releases_one_live_per_environment ON releases (environment) WHERE status = 'live';

CREATE TABLE backup_sets (
    id          TEXT   NOT NULL PRIMARY KEY,
    environment TEXT   NOT NULL,
    release_id  TEXT,
    created_at  TEXT   NOT NULL,
    status      TEXT   NOT NULL,
    size_bytes  BIGINT NOT NULL,
    manifest    TEXT
);
CREATE INDEX backup_sets_environment_created_at ON backup_sets (environment, created_at);

CREATE TABLE backup_items (
    backup_id  TEXT   NOT NULL REFERENCES backup_sets (id) ON DELETE CASCADE,
    datastore  TEXT   NOT NULL,
    kind       TEXT   NOT NULL,
    strategy   TEXT,
    location   TEXT   NOT NULL,
    size_bytes BIGINT NOT NULL,
    file_count BIGINT NOT NULL,
    sha256     TEXT,
    PRIMARY KEY (backup_id, datastore)
);

CREATE TABLE runs (
    id            TEXT NOT NULL PRIMARY KEY,
    environment   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    status        TEXT NOT NULL,
    actor         TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    finished_at   TEXT,
    from_release  TEXT,
    to_release    TEXT,
    parent_run_id TEXT,
    plan_json     TEXT,
    error         TEXT
);
CREATE INDEX runs_environment_started_at ON runs (environment, started_at);
CREATE INDEX runs_status ON runs (status);

CREATE TABLE run_steps (
    run_id      TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    started_at  TEXT,
    finished_at TEXT,
    output_json TEXT,
    error       TEXT,
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE decisions (
    id          TEXT NOT NULL PRIMARY KEY,
    environment TEXT NOT NULL,
    release_id  TEXT,
    decided_at  TEXT NOT NULL,
    action      TEXT NOT NULL,
    rules_json  TEXT NOT NULL,
    hold_id     TEXT
);
CREATE INDEX decisions_environment_decided_at ON decisions (environment, decided_at);

CREATE TABLE holds (
    id          TEXT NOT NULL PRIMARY KEY,
    environment TEXT NOT NULL,
    reason      TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    released_at TEXT,
    released_by TEXT
);
CREATE INDEX holds_environment_created_at ON holds (environment, created_at);

CREATE TABLE events (
    id          TEXT NOT NULL PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    environment TEXT,
    action      TEXT NOT NULL,
    subject     TEXT,
    detail_json TEXT
);
CREATE INDEX events_occurred_at ON events (occurred_at);
CREATE INDEX events_environment_occurred_at ON events (environment, occurred_at);
CREATE INDEX events_subject_occurred_at ON events (subject, occurred_at);
