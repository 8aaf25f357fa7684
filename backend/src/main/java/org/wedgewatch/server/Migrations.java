package org.wedgewatch.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the SQL files listed in db/migrations/index.txt, in order, each once. The same files
 * run on SQLite and PostgreSQL. Both have transactional DDL, so a migration applies whole or not.
 */
final class Migrations {
    private static final String DIR = "/db/migrations/";

    private Migrations() {
    }

    static void run(Database db) throws SQLException {
        db.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)");
                // Several instances may start together over one PostgreSQL: one migrates, the others wait.
                if (!db.isSqlite()) s.execute("SELECT pg_advisory_xact_lock(4711)");
            }
            Set<String> applied = new HashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM schema_migrations")) {
                while (rs.next()) applied.add(rs.getString(1));
            }
            for (String name : index()) {
                if (applied.contains(name)) continue;
                for (String sql : statements(resource(name))) {
                    try (Statement s = c.createStatement()) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)")) {
                    p.setString(1, name);
                    p.setLong(2, System.currentTimeMillis());
                    p.executeUpdate();
                }
            }
            return null;
        });
    }

    private static List<String> index() {
        List<String> names = new ArrayList<>();
        for (String line : resource("index.txt").split("\n")) {
            if (!line.isBlank()) names.add(line.trim());
        }
        return names;
    }

    private static String resource(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(DIR + name)) {
            if (in == null) throw new IllegalStateException("missing migration resource " + DIR + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DIR + name, e);
        }
    }

    /** Splits on semicolons at line ends, after dropping -- comments. Our SQL has no semicolons in strings. */
    static List<String> statements(String script) {
        StringBuilder clean = new StringBuilder();
        for (String line : script.split("\n")) {
            int dash = line.indexOf("--");
            clean.append(dash >= 0 ? line.substring(0, dash) : line).append('\n');
        }
        List<String> out = new ArrayList<>();
        for (String part : clean.toString().split(";")) {
            if (!part.isBlank()) out.add(part.trim());
        }
        return out;
    }
}
