-- One row per reporting address (salted hash): a report's transaction updates it first, which
-- locks it, so concurrent reports from one address are counted one after another.
CREATE TABLE report_clients (
  client_hash TEXT PRIMARY KEY,
  last_at BIGINT NOT NULL
);
