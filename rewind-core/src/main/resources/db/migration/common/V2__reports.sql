-- Rewind state store, version 2: user reports and release baselines. Same conventions as V1.

-- One user's report of a problem with an environment (seed 001: 3+ unique reporters → evaluate).
CREATE TABLE reports (
    id          TEXT NOT NULL PRIMARY KEY,
    environment TEXT NOT NULL,
    reporter    TEXT NOT NULL,
    note        TEXT,
    reported_at TEXT NOT NULL
);
CREATE INDEX reports_environment_reported_at ON reports (environment, reported_at);

-- The signals measured while a release was healthy, for rules such as `metrics.p99 > 2.0 * baseline.p99`.
CREATE TABLE baselines (
    release_id TEXT             NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    name       TEXT             NOT NULL,
    value      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (release_id, name)
);
