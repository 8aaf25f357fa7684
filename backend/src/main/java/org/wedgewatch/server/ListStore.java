package org.wedgewatch.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wedgewatch.rules.PatternList;

/**
 * Lists and their versions in the database. A publish is one transaction: insert the version
 * (unique on list id and version), then move lists.current_version from the base the publisher
 * saw to the new one (compare-and-set). Of two racing publishes exactly one commits.
 */
public final class ListStore {
    private static final String VERSION_COLUMNS = "v.list_id, l.group_name, v.version, v.body, v.sha256, v.size_bytes, "
            + "v.title, v.description, v.rule_count, v.expires_hours, v.published_at, v.published_by";

    private final Database db;
    private final SigningKeys keys;
    private final ActiveKey active;
    private final Duration signatureValidity;
    private final Quotas quotas;

    /** How much one publisher group may store; checked in the publish transaction. */
    public record Quotas(int listsPerGroup, int versionsPerGroup) {
    }

    public ListStore(Database db, SigningKeys keys, ActiveKey active, Duration signatureValidity, Quotas quotas) {
        this.db = db;
        this.keys = keys;
        this.active = active;
        this.signatureValidity = signatureValidity;
        this.quotas = quotas;
    }

    /** A version of the list's history, without its body. */
    public record HistoryEntry(long version, String publishedBy, long publishedAt, String sha256, long sizeBytes) {
    }

    /**
     * Stores a validated list as the new current version.
     *
     * @param expectedBase the version the publisher edited (If-Match), or null to accept any base
     */
    public StoredVersion publish(Tokens.Publisher publisher, PatternList list, String body, byte[] bodyBytes,
                                 Long expectedBase) throws SQLException {
        String id = list.id();
        long version = list.version();
        if (!active.isOurs()) {
            throw new ApiError(503, "this instance cannot sign right now (its signing key is not the active one); "
                    + "nothing was stored, try again or tell the operator");
        }
        String sha = Hashes.sha256Hex(bodyBytes);
        Instant now = Instant.now();
        SignedMetadata signed = SignedMetadata.sign(keys, id, version, sha, now, now.plus(signatureValidity));
        try {
            return db.transaction(c -> {
                String owner = null;
                long base = 0;
                try (PreparedStatement p = c.prepareStatement("SELECT group_name, current_version FROM lists WHERE id = ?")) {
                    p.setString(1, id);
                    try (ResultSet rs = p.executeQuery()) {
                        if (rs.next()) {
                            owner = rs.getString(1);
                            base = rs.getLong(2);
                        }
                    }
                }
                if (owner != null && !owner.equals(publisher.group())) {
                    throw new ApiError(403, "list '" + id + "' belongs to group '" + owner + "', this token publishes for '"
                            + publisher.group() + "'");
                }
                if (expectedBase != null && expectedBase != base) {
                    throw new ApiError(412, "you edited version " + expectedBase + " but the current version is " + base
                            + "; fetch it, merge your change and publish again");
                }
                requireQuota(c, publisher.group(), owner == null);
                if (version <= base) {
                    throw new ApiError(409, "versions only go up: this list says version " + version
                            + " but version " + base + " is already published; raise '! Version:'");
                }
                insertVersion(c, id, version, body, sha, bodyBytes.length, list, now.toEpochMilli(), publisher.who(), signed);
                if (owner == null) {
                    insertList(c, id, publisher.group(), version, signed, now.toEpochMilli());
                } else if (!moveCurrent(c, id, base, version, signed, now.toEpochMilli())) {
                    throw conflict(expectedBase, id);
                }
                AuditLog.append(c, AuditLog.PUBLISH, publisher.who(), id + "@" + version,
                        "sha256=" + sha + " bytes=" + bodyBytes.length + " group=" + publisher.group());
                return new StoredVersion(id, publisher.group(), version, body, sha, bodyBytes.length, list.title(),
                        list.description(), list.rules().size(), list.expiresHours(), now.toEpochMilli(), publisher.who(), signed);
            });
        } catch (SQLException e) {
            if (isUniqueViolation(e)) throw conflict(expectedBase, id);
            throw e;
        }
    }

    /**
     * Locks the group's row first (SQLite's write lock already serializes publishes), so two
     * publishes of one group cannot both pass the count.
     */
    private void requireQuota(Connection c, String group, boolean newList) throws SQLException {
        if (!db.isSqlite()) {
            try (PreparedStatement p = c.prepareStatement("SELECT name FROM publisher_groups WHERE name = ? FOR UPDATE")) {
                p.setString(1, group);
                p.executeQuery().close();
            }
        }
        if (newList && count(c, "SELECT COUNT(*) FROM lists WHERE group_name = ?", group) >= quotas.listsPerGroup()) {
            throw new ApiError(403, "group '" + group + "' already has " + quotas.listsPerGroup()
                    + " lists, its quota; ask the operator to raise --max-lists-per-group");
        }
        if (count(c, "SELECT COUNT(*) FROM list_versions v JOIN lists l ON l.id = v.list_id WHERE l.group_name = ?", group)
                >= quotas.versionsPerGroup()) {
            throw new ApiError(403, "group '" + group + "' already stores " + quotas.versionsPerGroup()
                    + " versions, its quota; ask the operator to raise --max-versions-per-group");
        }
    }

    private static long count(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static ApiError conflict(Long expectedBase, String id) {
        String msg = "someone published list '" + id + "' at the same moment; fetch the current version and try again";
        return new ApiError(expectedBase != null ? 412 : 409, msg);
    }

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                if ("23505".equals(s.getSQLState())) return true; // PostgreSQL unique_violation
                String m = String.valueOf(s.getMessage());
                if (m.contains("UNIQUE constraint failed") || m.contains("PRIMARYKEY")) return true; // SQLite
            }
        }
        return false;
    }

    private static void insertVersion(Connection c, String id, long version, String body, String sha, long size,
                                      PatternList list, long now, String who, SignedMetadata signed) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO list_versions (list_id, version, body, sha256, size_bytes, "
                + "title, description, rule_count, expires_hours, published_at, published_by, metadata, signature) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setLong(2, version);
            p.setString(3, body);
            p.setString(4, sha);
            p.setLong(5, size);
            p.setString(6, list.title());
            p.setString(7, list.description());
            p.setInt(8, list.rules().size());
            p.setInt(9, list.expiresHours());
            p.setLong(10, now);
            p.setString(11, who);
            p.setString(12, signed.metadata());
            p.setString(13, signed.signature());
            p.executeUpdate();
        }
    }

    private static void insertList(Connection c, String id, String group, long version, SignedMetadata signed, long now)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO lists (id, group_name, current_version, metadata, "
                + "signature, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, group);
            p.setLong(3, version);
            p.setString(4, signed.metadata());
            p.setString(5, signed.signature());
            p.setLong(6, now);
            p.executeUpdate();
        }
    }

    private static boolean moveCurrent(Connection c, String id, long base, long version, SignedMetadata signed, long now)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE lists SET current_version = ?, metadata = ?, signature = ?, "
                + "updated_at = ? WHERE id = ? AND current_version = ?")) {
            p.setLong(1, version);
            p.setString(2, signed.metadata());
            p.setString(3, signed.signature());
            p.setLong(4, now);
            p.setString(5, id);
            p.setLong(6, base);
            return p.executeUpdate() == 1;
        }
    }

    /** The current version with its current (possibly re-signed) metadata. */
    public Optional<StoredVersion> current(String id) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + VERSION_COLUMNS + ", l.metadata, l.signature "
                    + "FROM lists l JOIN list_versions v ON v.list_id = l.id AND v.version = l.current_version WHERE l.id = ?")) {
                p.setString(1, id);
                return one(p);
            }
        });
    }

    /** A version exactly as published, with the metadata signed at publish time. */
    public Optional<StoredVersion> version(String id, long version) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + VERSION_COLUMNS + ", v.metadata, v.signature "
                    + "FROM list_versions v JOIN lists l ON l.id = v.list_id WHERE v.list_id = ? AND v.version = ?")) {
                p.setString(1, id);
                p.setLong(2, version);
                return one(p);
            }
        });
    }

    private static Optional<StoredVersion> one(PreparedStatement p) throws SQLException {
        try (ResultSet rs = p.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            return Optional.of(new StoredVersion(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                    rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getInt(10),
                    rs.getLong(11), rs.getString(12), new SignedMetadata(rs.getString(13), rs.getString(14))));
        }
    }

    public List<HistoryEntry> history(String id) throws SQLException {
        return db.read(c -> {
            List<HistoryEntry> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT version, published_by, published_at, sha256, size_bytes "
                    + "FROM list_versions WHERE list_id = ? ORDER BY version DESC")) {
                p.setString(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5)));
                    }
                }
            }
            return out;
        });
    }

    /** Every list's current version and signature: what the cache compares against. */
    public Map<String, String> currentStamps() throws SQLException {
        return db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, current_version, signature FROM lists");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getLong(2) + ":" + rs.getString(3));
            }
            return out;
        });
    }

    /**
     * Signs the current version again with a fresh expiry (and the current key), so clients can tell
     * a live list from a frozen one. No-op when it changed meanwhile; any instance may do this.
     */
    public void resign(StoredVersion v, String oldSignature) throws SQLException {
        Instant now = Instant.now();
        SignedMetadata fresh = SignedMetadata.sign(keys, v.listId(), v.version(), v.sha256(),
                Instant.ofEpochMilli(v.publishedAt()), now.plus(signatureValidity));
        db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE lists SET metadata = ?, signature = ? "
                    + "WHERE id = ? AND current_version = ? AND signature = ?")) {
                p.setString(1, fresh.metadata());
                p.setString(2, fresh.signature());
                p.setString(3, v.listId());
                p.setLong(4, v.version());
                p.setString(5, oldSignature);
                return p.executeUpdate();
            }
        });
    }
}
