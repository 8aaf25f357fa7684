package org.wedgewatch.server.console;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.wedgewatch.server.AuditLog;
import org.wedgewatch.server.Database;

/**
 * A group's named tokens as its admins manage them in the console: the same tokens table and
 * secret format as the list tool's {@code token create}, with a role (admin or maintainer).
 */
final class GroupTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    record Token(String id, String label, String role, long createdAt, Long revokedAt) {
    }

    /** A live token's id, group, label and role. */
    record Holder(String id, String group, String label, String role) {
    }

    private final Database db;

    GroupTokens(Database db) {
        this.db = db;
    }

    /** Who a presented secret belongs to, revoked or not (a revoked token's failed sign-in still counts for its group). */
    Optional<Holder> holder(String secret, boolean liveOnly) throws SQLException {
        if (secret == null || !secret.startsWith("wwt_") || secret.length() > 100) return Optional.empty();
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id, group_name, label, role FROM tokens WHERE hash = ?"
                    + (liveOnly ? " AND revoked_at IS NULL" : ""))) {
                p.setString(1, Sessions.hash(secret));
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(new Holder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                            : Optional.<Holder>empty();
                }
            }
        });
    }

    List<Token> of(String group) throws SQLException {
        return db.read(c -> {
            List<Token> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, label, role, created_at, revoked_at FROM tokens "
                    + "WHERE group_name = ? ORDER BY created_at")) {
                p.setString(1, group);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        long revoked = rs.getLong(5);
                        out.add(new Token(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.wasNull() ? null : revoked));
                    }
                }
            }
            return out;
        });
    }

    /** Issues a token; returns the secret, which is shown once and never stored. */
    String issue(Session by, String label, String role) throws SQLException {
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        byte[] idBytes = new byte[6];
        RANDOM.nextBytes(idBytes);
        String secret = "wwt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        String id = "tok_" + HexFormat.of().formatHex(idBytes);
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO tokens (id, group_name, label, hash, created_at, role) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setString(1, id);
                p.setString(2, by.group());
                p.setString(3, label);
                p.setString(4, Sessions.hash(secret));
                p.setLong(5, System.currentTimeMillis());
                p.setString(6, role);
                p.executeUpdate();
            }
            AuditLog.append(c, AuditLog.TOKEN_CREATE, by.who(), id, "group=" + by.group() + " label=" + label + " role=" + role);
            return null;
        });
        return secret;
    }

    /** Revokes a token of the admin's own group; false when there is no such live token. */
    boolean revoke(Session by, String tokenId) throws SQLException {
        return db.transaction(c -> {
            int n;
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE tokens SET revoked_at = ? WHERE id = ? AND group_name = ? AND revoked_at IS NULL")) {
                p.setLong(1, System.currentTimeMillis());
                p.setString(2, tokenId);
                p.setString(3, by.group());
                n = p.executeUpdate();
            }
            if (n > 0) AuditLog.append(c, AuditLog.TOKEN_REVOKE, by.who(), tokenId, "group=" + by.group());
            return n > 0;
        });
    }
}
