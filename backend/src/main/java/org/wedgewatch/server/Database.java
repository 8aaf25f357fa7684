package org.wedgewatch.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.sqlite.SQLiteConfig;

/**
 * The one place that knows SQLite from PostgreSQL: how to open a connection. Everything else
 * speaks portable SQL. Connections are pooled because opening a PostgreSQL connection costs
 * a round trip and a backend process.
 */
public final class Database implements AutoCloseable {
    private final String url;
    private final boolean sqlite;
    private final BlockingQueue<Connection> idle;
    private final WriteHealth writes = new WriteHealth();

    private Database(String url, int poolSize) {
        this.url = url;
        this.sqlite = url.startsWith("jdbc:sqlite:");
        this.idle = new ArrayBlockingQueue<>(poolSize);
    }

    /** Opens the database at a JDBC URL (jdbc:sqlite:FILE or jdbc:postgresql://...) and migrates it. */
    public static Database open(String url) throws SQLException {
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new SQLException("unsupported database URL (use jdbc:sqlite:FILE or jdbc:postgresql://...): " + url);
        }
        if (url.startsWith("jdbc:sqlite:")) {
            Path file = Path.of(url.substring("jdbc:sqlite:".length()));
            try {
                if (file.getParent() != null) Files.createDirectories(file.getParent());
            } catch (java.io.IOException e) {
                throw new SQLException("cannot create the directory for " + file + ": " + e.getMessage(), e);
            }
        }
        Database db = new Database(url, 16);
        Migrations.run(db);
        return db;
    }

    /** The embedded default: an SQLite file under the data directory. */
    public static String defaultUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve("wedgewatch.db");
    }

    public boolean isSqlite() {
        return sqlite;
    }

    /** A connection with auto-commit on; give it back with {@link #release}. */
    public Connection borrow() throws SQLException {
        Connection c = idle.poll();
        if (c != null) return c;
        return connect();
    }

    /** Returns a healthy connection to the pool; a broken one (or one mid-transaction) is closed. */
    public void release(Connection c, boolean healthy) {
        if (c == null) return;
        try {
            if (healthy && !c.isClosed() && c.getAutoCommit() && idle.offer(c)) return;
            c.close();
        } catch (SQLException ignored) {
            // already broken; nothing more to do
        }
    }

    private Connection connect() throws SQLException {
        if (!sqlite) return DriverManager.getConnection(url);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL); // readers never block the writer
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL); // a commit survives a crash
        config.setBusyTimeout(15_000);
        config.enforceForeignKeys(true);
        // Take the write lock at BEGIN: a read-then-write transaction can then never fail with
        // SQLITE_BUSY_SNAPSHOT halfway, it waits its turn instead.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config.createConnection(url);
    }

    /** Runs work on a pooled connection with auto-commit on. */
    public <T> T read(Work<T> work) throws SQLException {
        Connection c = borrow();
        boolean ok = false;
        try {
            T result = work.apply(c);
            ok = true;
            return result;
        } finally {
            release(c, ok);
        }
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(Work<T> work) throws SQLException {
        Connection c = borrow();
        boolean ok = false;
        try {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.apply(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackKeeping(c, e);
                if (e instanceof SQLException s && !ListStore.isUniqueViolation(s)) writes.failed(s);
                throw e;
            }
            c.setAutoCommit(true);
            ok = true;
            writes.succeeded();
            return result;
        } finally {
            release(c, ok); // a connection whose rollback failed is closed, never pooled
        }
    }

    /**
     * Rolls back without hiding why: SQLite may already have rolled back by itself (a full disk),
     * so ROLLBACK fails too, and that second error must not replace the first.
     */
    private static void rollbackKeeping(Connection c, Exception cause) {
        try {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException | RuntimeException second) {
            cause.addSuppressed(second);
        }
    }

    /** Whether the last write committed, and if not, why. */
    public WriteHealth writes() {
        return writes;
    }

    @Override
    public void close() {
        Connection c;
        while ((c = idle.poll()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    /** A unit of database work. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }
}
