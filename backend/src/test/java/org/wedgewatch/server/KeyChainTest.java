package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wedgewatch.cli.KeysCommand;

/** Signing keys never appear by themselves, one key per database, and a root chain that rotates as TUF's does. */
class KeyChainTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static String keys(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = KeysCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMissingSigningKeyIsAnErrorNeverANewKey() throws Exception {
        Path data = Files.createTempDirectory("ww-nokey-");
        OperatorError e = assertThrows(OperatorError.class, () -> TestServer.start(null, c -> {
            c.dataDir = data;
            c.initKeys = false;
        }));
        assertTrue(e.getMessage().contains("no signing key"), e.getMessage());
        assertFalse(Files.exists(data.resolve("keys/signing.key")), "no key was made");
        keys("init", "--data", data.toString());
        try (TestServer s = TestServer.start(null, c -> {
            c.dataDir = data;
            c.initKeys = false;
        })) {
            assertEquals(200, s.http.getText("/health").statusCode());
        }
    }

    @Test
    void instancesOverOneDatabaseAgreeOnOneKey() throws Exception {
        String db = PostgresCluster.get().newDatabase();
        try (TestServer first = TestServer.start(db, c -> c.refreshInterval = Duration.ofMillis(100))) {
            String token = first.token("coalition");
            assertEquals(201, first.http.publish("shared", token, TestLists.valid("shared", 1)).statusCode());
            // A second instance with a key of its own refuses to start instead of re-signing every list.
            Path otherData = Files.createTempDirectory("ww-other-");
            OperatorError e = assertThrows(OperatorError.class, () -> TestServer.start(db, c -> c.dataDir = otherData));
            assertTrue(e.getMessage().contains("is not the key"), e.getMessage());
            // The operator rotates to that key: the first instance stops signing, the second re-signs once.
            keys("activate", "--data", otherData.toString(), "--db", db);
            try (TestServer second = TestServer.start(db, c -> {
                c.dataDir = otherData;
                c.refreshInterval = Duration.ofMillis(100);
            })) {
                String newKey = JSON.readTree(second.http.getText("/api/v1/keys").body()).path("keys").get(0).path("id").asText();
                String signature = null;
                for (int i = 0; i < 100; i++) {
                    var r = first.http.get("/api/v1/lists/shared");
                    if (newKey.equals(JSON.readTree(r.headers().firstValue("Wedgewatch-Metadata").orElseThrow()).path("key").asText())) {
                        signature = r.headers().firstValue("Wedgewatch-Signature").orElseThrow();
                        break;
                    }
                    Thread.sleep(100);
                }
                assertTrue(signature != null, "both instances serve the list signed with the active key");
                Thread.sleep(1_000); // ten refresh rounds of each: a re-signing loop would change the signature
                assertEquals(signature, first.http.get("/api/v1/lists/shared").headers().firstValue("Wedgewatch-Signature").orElseThrow());
                assertEquals(signature, second.http.get("/api/v1/lists/shared").headers().firstValue("Wedgewatch-Signature").orElseThrow());
                assertEquals(503, first.http.getText("/health").statusCode(), "the instance with the old key says so");
                assertEquals(503, first.http.publish("shared", token, TestLists.valid("shared", 2)).statusCode());
                assertEquals(201, second.http.publish("shared", token, TestLists.valid("shared", 2)).statusCode());
            }
        }
    }

    @Test
    void rootRotationAndSigningKeyRotationThroughTheCli() throws Exception {
        Path offline = Files.createTempDirectory("ww-offline-");
        Path data = Files.createTempDirectory("ww-online-");
        String o = offline.toString();
        ChainFixture.build(offline, data);
        try (TestServer s = TestServer.start(null, c -> {
            c.dataDir = data;
            c.initKeys = false;
        })) {
            JsonNode chain = JSON.readTree(s.http.getText("/api/v1/key-chain").body());
            assertEquals(2, chain.path("roots").size());
            List<KeyChain.Envelope> roots = KeyChain.roots(chain);
            KeyChain.Certificate cert = KeyChain.verify(roots, KeyChain.Envelope.parse(chain.path("signingKey")), Instant.now());
            String token = s.token("coalition");
            assertEquals(201, s.http.publish("chained", token, TestLists.valid("chained", 1)).statusCode());
            String metadata = s.http.get("/api/v1/lists/chained").headers().firstValue("Wedgewatch-Metadata").orElseThrow();
            assertEquals(cert.keyId(), JSON.readTree(metadata).path("key").asText());

            // A root 3 signed only by its own new key, none of root 2's, is refused before it reaches clients.
            keys("root-key", "--out", o, "--name", "e");
            keys("root", "--version", "3", "--threshold", "1", "--key", o + "/e.pub", "--out", o + "/root-3.json");
            keys("sign", o + "/root-3.json", "--key", o + "/e.key");
            keys("certify", "--root", o + "/root-3.json", "--data", data.toString(), "--out", o + "/cert-3.json");
            keys("sign", o + "/cert-3.json", "--key", o + "/e.key");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = KeysCommand.run(new String[] {"activate", "--data", data.toString(), "--root", o + "/root-1.json",
                "--root", o + "/root-2.json", "--root", o + "/root-3.json", "--cert", o + "/cert-3.json"},
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, code);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("root 3 lacks 1 signatures from the keys of root 2"), err.toString());
            // Dropping a root clients already trust is refused too.
            err.reset();
            code = KeysCommand.run(new String[] {"activate", "--data", data.toString(), "--root", o + "/root-1.json",
                "--cert", o + "/cert-1.json"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertNotEquals(0, code);
        }
    }
}
