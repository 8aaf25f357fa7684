-- Reports drop the rows of addresses not seen within the rate-limit window; this finds them
-- without a scan.
CREATE INDEX report_clients_last_at ON report_clients (last_at);
