-- The maintainer console: sign-in sessions, what maintainers decided about each report, and
-- which tokens may manage their group's tokens. Portable SQL, like every migration.

-- A session cookie is 256 random bits; only its SHA-256 is stored, like tokens.
CREATE TABLE console_sessions (
  id_hash TEXT PRIMARY KEY,
  token_id TEXT NOT NULL REFERENCES tokens(id),
  csrf TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);

-- One row per report a maintainer has dealt with: reviewed or dismissed.
CREATE TABLE console_report_reviews (
  report_id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  reviewed_by TEXT NOT NULL,
  reviewed_at BIGINT NOT NULL
);

-- Tokens the operator made (the CLI) are the group's admins; the console issues maintainer tokens too.
ALTER TABLE tokens ADD COLUMN role TEXT NOT NULL DEFAULT 'admin';
