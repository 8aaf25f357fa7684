package org.wedgewatch.server;

import java.sql.SQLException;

/**
 * The outcome of the most recent write transaction, so /health can say the database cannot write
 * (a full disk, a read-only file, a lost primary) instead of "ok" while every publish fails.
 */
public final class WriteHealth {
    private volatile String failure;
    private volatile long lastAttempt;

    void failed(SQLException e) {
        failure = describe(e);
        lastAttempt = System.currentTimeMillis();
    }

    void succeeded() {
        failure = null;
        lastAttempt = System.currentTimeMillis();
    }

    /** Why the last write failed, or null when it committed (or none was tried). */
    public String failure() {
        return failure;
    }

    long lastAttempt() {
        return lastAttempt;
    }

    /** The driver's own words for the first cause, without Java class names. */
    static String describe(SQLException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "SQL state " + e.getSQLState() : m.replace('\n', ' ');
    }
}
