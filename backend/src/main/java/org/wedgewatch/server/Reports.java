package org.wedgewatch.server;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anonymous reports from readers who opted in. The client address is kept only as a salted hash,
 * and only to rate-limit; the limit is counted in the database so it holds across instances.
 */
public final class Reports {
    private static final Logger LOG = LoggerFactory.getLogger(Reports.class);

    /** One report as maintainers read it. */
    public record Report(String id, Long version, String rule, String verdict, String text, long receivedAt) {
    }

    private final Database db;
    private final String salt;

    public Reports(Database db) throws SQLException {
        this.db = db;
        this.salt = loadSalt(db);
    }

    private static String loadSalt(Database db) throws SQLException {
        byte[] fresh = new byte[16];
        new SecureRandom().nextBytes(fresh);
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO settings (name, value) VALUES ('report_salt', ?) ON CONFLICT (name) DO NOTHING")) {
                p.setString(1, HexFormat.of().formatHex(fresh));
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("SELECT value FROM settings WHERE name = 'report_salt'");
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    public String clientHash(String address) {
        return Hashes.sha256Hex((salt + address).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Stores a report unless the address sent {@code limit} since {@code since}; the count and the
     * insert are one transaction behind a lock on the address's row, so the limit is exact under
     * any concurrency, on one instance or many. Rows of addresses that sent nothing since
     * {@code since} count for nothing, so they are dropped afterwards (see {@link #forgetClientsBefore}).
     *
     * @return the report's id, or empty when over the limit
     */
    public Optional<String> addWithinLimit(String listId, Long version, String rule, String verdict, String text,
                                           String clientHash, int limit, long since) throws SQLException {
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        Optional<String> added = db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO report_clients (client_hash, last_at) VALUES (?, ?) "
                    + "ON CONFLICT (client_hash) DO UPDATE SET last_at = excluded.last_at")) {
                p.setString(1, clientHash);
                p.setLong(2, now);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT COUNT(*) FROM reports WHERE client_hash = ? AND received_at > ?")) {
                p.setString(1, clientHash);
                p.setLong(2, since);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= limit) return Optional.<String>empty();
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO reports (id, list_id, list_version, rule_id, "
                    + "verdict, post_text, client_hash, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, id);
                p.setString(2, listId);
                p.setObject(3, version);
                p.setString(4, rule);
                p.setString(5, verdict);
                p.setString(6, text);
                p.setString(7, clientHash);
                p.setLong(8, now);
                p.executeUpdate();
            }
            return Optional.of(id);
        });
        forgetClientsBefore(since);
        return added;
    }

    /**
     * Drops the rows of addresses last seen before {@code before}. Its own transaction, after the
     * report's: it never holds an address's row lock while waiting for another's, so concurrent
     * reports and prunes cannot deadlock. A prune that fails costs only a later retry.
     */
    private void forgetClientsBefore(long before) {
        try {
            db.transaction(c -> {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM report_clients WHERE last_at < ?")) {
                    p.setLong(1, before);
                    return p.executeUpdate();
                }
            });
        } catch (SQLException e) {
            LOG.warn("could not prune report_clients: {}", e.toString());
        }
    }

    public List<Report> forList(String listId, int limit) throws SQLException {
        return db.read(c -> {
            List<Report> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, list_version, rule_id, verdict, post_text, received_at "
                    + "FROM reports WHERE list_id = ? ORDER BY received_at DESC LIMIT ?")) {
                p.setString(1, listId);
                p.setInt(2, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        long v = rs.getLong(2);
                        Long version = rs.wasNull() ? null : v;
                        out.add(new Report(rs.getString(1), version, rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getLong(6)));
                    }
                }
            }
            return out;
        });
    }
}
