-- Rewind state store, version 4: API tokens of `rewind serve`. Same conventions as V1.

-- One token: only the SHA-256 of its secret is kept (hex), never the secret. A revoked token stays listed; a name
-- can be given to a new token once its old one is revoked.
CREATE TABLE tokens (
    sha256       TEXT NOT NULL PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    revoked_at   TEXT,
    last_used_at TEXT
);
CREATE UNIQUE INDEX tokens_one_active_per_name ON tokens (name) WHERE revoked_at IS NULL;
