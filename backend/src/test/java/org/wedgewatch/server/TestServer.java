package org.wedgewatch.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** A real server on a free loopback port, with its own data directory and database. */
final class TestServer implements AutoCloseable {
    final ServerConfig config;
    final WedgewatchServer server;
    final Http http;

    private TestServer(ServerConfig config, WedgewatchServer server) {
        this.config = config;
        this.server = server;
        this.http = new Http(server.port());
    }

    static TestServer start(String dbUrl, Consumer<ServerConfig> tweak) throws Exception {
        ServerConfig c = new ServerConfig();
        c.port = 0;
        c.host = "127.0.0.1";
        c.dataDir = Files.createTempDirectory("ww-server-test-");
        c.dbUrl = dbUrl;
        c.idleTimeout = Duration.ofSeconds(5);
        c.bodyReadTimeout = Duration.ofSeconds(3);
        c.initKeys = true;
        tweak.accept(c);
        return new TestServer(c, WedgewatchServer.start(c));
    }

    static TestServer sqlite() throws Exception {
        return start(null, c -> { });
    }

    String token(String group) throws Exception {
        return Tokens.create(server.database(), group, "tester-" + group).secret();
    }

    Path dataDir() {
        return config.dataDir;
    }

    @Override
    public void close() {
        server.close();
    }
}
