package org.wedgewatch.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster on loopback for the tests, from Debian's postgresql package.
 * PostgreSQL refuses to run as root, so as root it runs as the postgres user. If it cannot start,
 * tests fail: a skipped PostgreSQL test must never look like a passing one.
 */
final class PostgresCluster {
    private static PostgresCluster instance;

    private final Path dir;
    private final int port;
    private final Path bin;

    private PostgresCluster(Path dir, int port, Path bin) {
        this.dir = dir;
        this.port = port;
        this.bin = bin;
    }

    /** One cluster per test JVM, stopped at exit. */
    static synchronized PostgresCluster get() throws Exception {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    /** A fresh, empty database in the cluster, as a JDBC URL. */
    String newDatabase() throws SQLException {
        String name = "ww_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    private static PostgresCluster start() throws Exception {
        Path bin = findBin();
        Path dir = Files.createTempDirectory("ww-pg-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) run(List.of("chown", "postgres:postgres", dir.toString()), false);
        Path data = dir.resolve("data");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
                "--no-sync", "-E", "UTF8"), root);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), root);
        return new PostgresCluster(dir, port, bin);
    }

    private static Path findBin() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                for (Path v : versions.sorted(Comparator.reverseOrder()).toList()) {
                    if (Files.isExecutable(v.resolve("bin/initdb"))) return v.resolve("bin");
                }
            }
        }
        throw new AssertionError("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
                + "run scripts/deps.sh postgresql; the PostgreSQL tests cannot be skipped");
    }

    private void stop() {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
                    "stop"), root);
        } catch (Exception ignored) {
            // exiting anyway
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind
        }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("PostgreSQL set-up failed: " + String.join(" ", cmd) + "\n" + output);
        }
    }
}
