package org.wedgewatch.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The append-only audit log: publishes and rejected publishes, tokens, refusals (401, 403), key activation. */
public final class AuditLog {
    public static final String PUBLISH = "publish";
    public static final String TOKEN_CREATE = "token.create";
    public static final String TOKEN_REVOKE = "token.revoke";
    public static final String AUTH_FAILED = "auth.failed";
    /** One row standing for failed authentications not written one by one (see {@link AuthThrottle}). */
    public static final String AUTH_FAILED_SUPPRESSED = "auth.failed.suppressed";
    public static final String FORBIDDEN = "forbidden";
    public static final String PUBLISH_REJECTED = "publish.rejected";
    public static final String KEY_ACTIVATE = "key.activate";

    /** One entry, as read back by tests and operators. */
    public record Entry(long at, String event, String actor, String subject, String detail) {
    }

    private AuditLog() {
    }

    /** Appends inside the caller's transaction, so the entry exists exactly when the action does. */
    public static void append(Connection c, String event, String actor, String subject, String detail) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO audit_log (id, at, event, actor, subject, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, UUID.randomUUID().toString());
            p.setLong(2, System.currentTimeMillis());
            p.setString(3, event);
            p.setString(4, actor);
            p.setString(5, subject);
            p.setString(6, detail);
            p.executeUpdate();
        }
    }

    public static void append(Database db, String event, String actor, String subject, String detail) throws SQLException {
        db.read(c -> {
            append(c, event, actor, subject, detail);
            return null;
        });
    }

    public static List<Entry> recent(Database db, int limit) throws SQLException {
        return db.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT at, event, actor, subject, detail FROM audit_log ORDER BY at DESC LIMIT ?")) {
                p.setInt(1, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }
}
