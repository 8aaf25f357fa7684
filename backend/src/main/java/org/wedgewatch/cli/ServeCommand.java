package org.wedgewatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Duration;
import org.wedgewatch.server.DataFolder;
import org.wedgewatch.server.OperatorError;
import org.wedgewatch.server.ServerConfig;
import org.wedgewatch.server.WedgewatchServer;

/** {@code serve [--port 8080] [--db JDBC_URL] [--data DIR] ...}: runs the list server until killed. */
public final class ServeCommand {
    static final String USAGE = String.join("\n",
            "usage: serve [--port 8080] [--host 0.0.0.0] [--db JDBC_URL] [--data DIR] [--max-list-bytes N]",
            "             [--idle-timeout SECONDS] [--body-timeout SECONDS] [--reports-per-hour N]",
            "             [--trust-forwarded-for] [--public-url URL] [--report-timeout SECONDS]",
            "             [--max-lists-per-group N] [--max-versions-per-group N] [--init-keys]",
            "  --init-keys makes DATA/keys/signing.key if there is none (first start only; see 'keys init')",
            "  --db defaults to an SQLite file under --data (default ./data); jdbc:postgresql://... for PostgreSQL");

    private ServeCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        ServerConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        WedgewatchServer server;
        try {
            server = WedgewatchServer.start(config);
        } catch (OperatorError e) {
            err.println("wedgewatch: cannot start: " + e.getMessage());
            return 1;
        } catch (SQLException e) {
            err.println("wedgewatch: cannot start: the database " + describe(config) + " cannot be used: "
                    + String.valueOf(e.getMessage()).replace('\n', ' '));
            return 1;
        } catch (IOException e) {
            err.println("wedgewatch: cannot start: " + DataFolder.describe(e));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        out.println("wedgewatch server listening on port " + server.port() + " (database "
                + (server.database().isSqlite() ? config.jdbcUrl() : "postgresql") + ", keys in " + config.dataDir.resolve("keys") + ")");
        out.flush();
        return -1; // keep running
    }

    static ServerConfig parse(String[] args) {
        ServerConfig c = new ServerConfig();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> c.port = Integer.parseInt(value(args, ++i, a));
                case "--host" -> c.host = value(args, ++i, a);
                case "--db" -> c.dbUrl = value(args, ++i, a);
                case "--data" -> c.dataDir = Path.of(value(args, ++i, a));
                case "--max-list-bytes" -> c.maxListBytes = Integer.parseInt(value(args, ++i, a));
                case "--idle-timeout" -> c.idleTimeout = Duration.ofSeconds(Long.parseLong(value(args, ++i, a)));
                case "--body-timeout" -> c.bodyReadTimeout = Duration.ofSeconds(Long.parseLong(value(args, ++i, a)));
                case "--reports-per-hour" -> c.reportsPerHour = Integer.parseInt(value(args, ++i, a));
                case "--trust-forwarded-for" -> c.trustForwardedFor = true;
                case "--public-url" -> c.publicUrl = value(args, ++i, a).replaceAll("/+$", "");
                case "--report-timeout" -> c.reportReadTimeout = Duration.ofSeconds(Long.parseLong(value(args, ++i, a)));
                case "--max-lists-per-group" -> c.maxListsPerGroup = Integer.parseInt(value(args, ++i, a));
                case "--max-versions-per-group" -> c.maxVersionsPerGroup = Integer.parseInt(value(args, ++i, a));
                case "--init-keys" -> c.initKeys = true;
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        return c;
    }

    private static String describe(ServerConfig config) {
        return config.dbUrl == null ? config.jdbcUrl().substring("jdbc:sqlite:".length()) : "at --db";
    }

    static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }
}
