package org.wedgewatch.server.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.wedgewatch.server.Database;

/**
 * Console sessions in the database, so every instance behind a load balancer knows them. The
 * cookie holds 256 random bits and the database only their SHA-256; a session ends at its
 * expiry, at sign-out, or as soon as its token is revoked.
 */
final class Sessions {
    static final Duration LIFETIME = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;

    Sessions(Database db) {
        this.db = db;
    }

    /** A new session for a live token; returns the cookie value. */
    String create(String tokenId) throws SQLException {
        String secret = random();
        long now = System.currentTimeMillis();
        db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM console_sessions WHERE expires_at < ?")) {
                p.setLong(1, now);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO console_sessions (id_hash, token_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, hash(secret));
                p.setString(2, tokenId);
                p.setString(3, random());
                p.setLong(4, now);
                p.setLong(5, now + LIFETIME.toMillis());
                return p.executeUpdate();
            }
        });
        return secret;
    }

    Optional<Session> find(String cookie) throws SQLException {
        if (cookie == null || cookie.length() != 43) return Optional.empty();
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT t.id, t.group_name, t.label, t.role, s.csrf "
                    + "FROM console_sessions s JOIN tokens t ON t.id = s.token_id "
                    + "WHERE s.id_hash = ? AND s.expires_at > ? AND t.revoked_at IS NULL")) {
                p.setString(1, hash(cookie));
                p.setLong(2, System.currentTimeMillis());
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) return Optional.<Session>empty();
                    return Optional.of(new Session(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        });
    }

    void delete(String cookie) throws SQLException {
        if (cookie == null) return;
        db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM console_sessions WHERE id_hash = ?")) {
                p.setString(1, hash(cookie));
                return p.executeUpdate();
            }
        });
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison for the form token. */
    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
