-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Times are epoch milliseconds (BIGINT),
-- ids are random text, bodies are TEXT (validated UTF-8 without NUL), so no dialect types appear.

CREATE TABLE settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE publisher_groups (
  name TEXT PRIMARY KEY,
  created_at BIGINT NOT NULL
);

CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  group_name TEXT NOT NULL REFERENCES publisher_groups(name),
  label TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);

-- One row per list: which version is current and its current (possibly re-signed) metadata.
CREATE TABLE lists (
  id TEXT PRIMARY KEY,
  group_name TEXT NOT NULL REFERENCES publisher_groups(name),
  current_version BIGINT NOT NULL,
  metadata TEXT NOT NULL,
  signature TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- Immutable: a version is written once, in the same transaction that moves lists.current_version.
CREATE TABLE list_versions (
  list_id TEXT NOT NULL,
  version BIGINT NOT NULL,
  body TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  rule_count INTEGER NOT NULL,
  expires_hours INTEGER NOT NULL,
  published_at BIGINT NOT NULL,
  published_by TEXT NOT NULL,
  metadata TEXT NOT NULL,
  signature TEXT NOT NULL,
  PRIMARY KEY (list_id, version)
);

-- Append-only: the server only ever INSERTs here.
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at BIGINT NOT NULL,
  event TEXT NOT NULL,
  actor TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  list_id TEXT NOT NULL,
  list_version BIGINT,
  rule_id TEXT NOT NULL,
  verdict TEXT NOT NULL,
  post_text TEXT,
  client_hash TEXT NOT NULL,
  received_at BIGINT NOT NULL
);
CREATE INDEX reports_list ON reports (list_id, received_at);
CREATE INDEX reports_client ON reports (client_hash, received_at);
