package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server as its own JVM, killed with SIGKILL in the middle of a publish: on restart the
 * database opens cleanly and serves a whole, correctly signed version (the previous one when the
 * kill came before the commit).
 */
class CrashRecoveryTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sigkillMidPublishLeavesThePreviousVersionIntact() throws Exception {
        Path data = Files.createTempDirectory("ww-crash-");
        String token;
        try (Database db = Database.open(Database.defaultUrl(data))) {
            token = Tokens.create(db, "coalition", "crash-tester").secret();
        }
        String v1 = TestLists.valid("crashy", 1);
        ServerProcess server = ServerProcess.start(data);
        try {
            assertEquals(201, server.http.publish("crashy", token, v1).statusCode());
        } finally {
            server.kill();
        }

        // Killed halfway through the upload: certainly before the commit.
        byte[] v2 = TestLists.big("crashy", 2, 1_500_000).getBytes(StandardCharsets.UTF_8);
        server = ServerProcess.start(data);
        try (Socket s = new Socket("127.0.0.1", server.port)) {
            OutputStream out = s.getOutputStream();
            out.write(head(token, v2.length));
            out.write(v2, 0, v2.length / 2);
            out.flush();
            server.kill();
        }
        server = ServerProcess.start(data);
        try {
            assertServes(server, v1, 1);
        } finally {
            server.kill();
        }
        assertIntegrity(data);

        // Killed with the whole body sent, while the server validates, signs and commits: either
        // version may be current afterwards, but whichever it is must be whole and verify.
        for (int delayMillis : new int[] {0, 20, 80, 200}) {
            server = ServerProcess.start(data);
            long before = currentVersion(server);
            byte[] next = TestLists.big("crashy", before + 1, 1_500_000).getBytes(StandardCharsets.UTF_8);
            try (Socket s = new Socket("127.0.0.1", server.port)) {
                OutputStream out = s.getOutputStream();
                out.write(head(token, next.length));
                out.write(next);
                out.flush();
                Thread.sleep(delayMillis);
                server.kill();
            }
            server = ServerProcess.start(data);
            try {
                long after = currentVersion(server);
                assertTrue(after == before || after == before + 1, "version " + after + " after " + before);
                String expected = after == 1 ? v1 : TestLists.big("crashy", after, 1_500_000);
                assertServes(server, expected, after);
            } finally {
                server.kill();
            }
            assertIntegrity(data);
        }
    }

    private static byte[] head(String token, int length) {
        return ("PUT /api/v1/lists/crashy HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static long currentVersion(ServerProcess server) throws Exception {
        JsonNode versions = JSON.readTree(server.http.getText("/api/v1/lists/crashy/versions").body()).path("versions");
        return versions.get(0).path("version").asLong();
    }

    private static void assertServes(ServerProcess server, String body, long version) throws Exception {
        HttpResponse<byte[]> get = server.http.get("/api/v1/lists/crashy");
        assertEquals(200, get.statusCode());
        assertEquals(body, new String(get.body(), StandardCharsets.UTF_8));
        String metadata = get.headers().firstValue("Wedgewatch-Metadata").orElseThrow();
        JsonNode meta = JSON.readTree(metadata);
        assertEquals(version, meta.path("version").asLong());
        assertEquals(Hashes.sha256Hex(get.body()), meta.path("sha256").asText());
        String key = JSON.readTree(server.http.getText("/api/v1/keys").body()).path("keys").get(0).path("publicKey").asText();
        assertTrue(Signatures.verify(key, metadata.getBytes(StandardCharsets.UTF_8),
                get.headers().firstValue("Wedgewatch-Signature").orElseThrow()));
    }

    private static void assertIntegrity(Path data) throws Exception {
        try (Connection c = DriverManager.getConnection(Database.defaultUrl(data));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1));
        }
    }

    /** `java org.wedgewatch.Main serve` as a child process on a free port. */
    static final class ServerProcess {
        final Process process;
        final int port;
        final Http http;

        private ServerProcess(Process process, int port) {
            this.process = process;
            this.port = port;
            this.http = new Http(port);
        }

        static ServerProcess start(Path data) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "org.wedgewatch.Main", "serve", "--init-keys", "--port", "0", "--host", "127.0.0.1", "--data", data.toString()))
                    .redirectError(data.resolve("server.log").toFile())
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                int at = line.indexOf("listening on port ");
                if (at >= 0) {
                    int port = Integer.parseInt(line.substring(at + 18).split(" ")[0]);
                    return new ServerProcess(p, port);
                }
            }
            throw new AssertionError("the server did not start: " + Files.readString(data.resolve("server.log")));
        }

        /** SIGKILL on Linux: no shutdown hooks, no flushing, nothing graceful. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }
    }
}
