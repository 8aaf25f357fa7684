package org.wedgewatch.server;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Maintainer API tokens: 256 random bits, shown once, stored only as SHA-256 (a slow hash adds
 * nothing against a 256-bit secret). Each token belongs to one publisher group.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "wwt_";

    /** Who a valid token speaks for. */
    public record Publisher(String tokenId, String group, String label) {
        /** How the audit log and version history name this publisher. */
        public String who() {
            return label + " (" + tokenId + ")";
        }
    }

    /** A newly made token: the secret is never stored and never shown again. */
    public record Created(String id, String group, String secret) {
    }

    private Tokens() {
    }

    public static Created create(Database db, String group, String label) throws SQLException {
        if (group == null || !group.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}")) {
            throw new IllegalArgumentException("a group name is 1-64 letters, digits, spaces, '.', '_' or '-'");
        }
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        byte[] idBytes = new byte[6];
        RANDOM.nextBytes(idBytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        String id = "tok_" + HexFormat.of().formatHex(idBytes);
        String name = label == null || label.isBlank() ? group : label;
        long now = System.currentTimeMillis();
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO publisher_groups (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                p.setString(1, group);
                p.setLong(2, now);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO tokens (id, group_name, label, hash, created_at) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, id);
                p.setString(2, group);
                p.setString(3, name);
                p.setString(4, hash(secret));
                p.setLong(5, now);
                p.executeUpdate();
            }
            AuditLog.append(c, AuditLog.TOKEN_CREATE, "operator", id, "group=" + group + " label=" + name);
            return null;
        });
        return new Created(id, group, secret);
    }

    /** Revokes by token id; false when no such unrevoked token exists. */
    public static boolean revoke(Database db, String id) throws SQLException {
        return db.transaction(c -> {
            int n;
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                p.setLong(1, System.currentTimeMillis());
                p.setString(2, id);
                n = p.executeUpdate();
            }
            if (n > 0) AuditLog.append(c, AuditLog.TOKEN_REVOKE, "operator", id, "");
            return n > 0;
        });
    }

    /** The publisher behind a presented secret, if it is a live token. */
    public static Optional<Publisher> authenticate(Database db, String secret) throws SQLException {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) return Optional.empty();
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id, group_name, label FROM tokens WHERE hash = ? AND revoked_at IS NULL")) {
                p.setString(1, hash(secret));
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(new Publisher(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.<Publisher>empty();
                }
            }
        });
    }

    static String hash(String secret) {
        return Hashes.sha256Hex(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
