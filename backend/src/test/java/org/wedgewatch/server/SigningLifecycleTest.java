package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keys are owner-only on disk; current lists are re-signed before they expire and after a key rotation. */
class SigningLifecycleTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void currentListIsResignedWithAFreshExpiryBeforeItGoesStale() throws Exception {
        try (TestServer s = TestServer.start(null, c -> {
            c.signatureValidity = Duration.ofSeconds(4);
            c.refreshInterval = Duration.ofMillis(200);
        })) {
            String token = s.token("coalition");
            assertEquals(201, s.http.publish("fresh", token, TestLists.valid("fresh", 1)).statusCode());
            HttpResponse<byte[]> first = s.http.get("/api/v1/lists/fresh");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            JsonNode meta1 = JSON.readTree(first.headers().firstValue("Wedgewatch-Metadata").orElseThrow());

            HttpResponse<byte[]> later;
            int polls = 0;
            do { // polls until the refresher re-signs: no timing is asserted, only the outcome
                Thread.sleep(200);
                later = s.http.get("/api/v1/lists/fresh", "If-None-Match", etag);
            } while (later.statusCode() == 304 && ++polls < 150);
            assertEquals(200, later.statusCode(), "a re-signed list has a new ETag, so clients fetch the fresh expiry");
            String metadata = later.headers().firstValue("Wedgewatch-Metadata").orElseThrow();
            JsonNode meta2 = JSON.readTree(metadata);
            assertEquals(meta1.path("version"), meta2.path("version"));
            assertEquals(meta1.path("sha256"), meta2.path("sha256"));
            assertEquals(meta1.path("published"), meta2.path("published"));
            assertTrue(meta2.path("expires").asText().compareTo(meta1.path("expires").asText()) > 0);
            String key = JSON.readTree(s.http.getText("/api/v1/keys").body()).path("keys").get(0).path("publicKey").asText();
            assertTrue(Signatures.verify(key, metadata.getBytes(StandardCharsets.UTF_8),
                    later.headers().firstValue("Wedgewatch-Signature").orElseThrow()));
            // The immutable version keeps its publish-time signature.
            assertEquals(meta1.toString(), JSON.readTree(s.http.get("/api/v1/lists/fresh/versions/1").headers()
                    .firstValue("Wedgewatch-Metadata").orElseThrow()).toString());
        }
    }

    @Test
    void keyFilesAreOwnerOnlyAndRotationResignsWithTheNewKey() throws Exception {
        Path data = Files.createTempDirectory("ww-keys-");
        String oldKeyId;
        String token;
        try (TestServer s = TestServer.start(null, c -> c.dataDir = data)) {
            Path key = data.resolve("keys/signing.key");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys"))));
            token = s.token("coalition");
            assertEquals(201, s.http.publish("rotated", token, TestLists.valid("rotated", 1)).statusCode());
            oldKeyId = JSON.readTree(s.http.getText("/api/v1/keys").body()).path("keys").get(0).path("id").asText();
        }
        // The documented rotation: retire the pair, make a new one, make it the active key, restart.
        Path retired = Files.createDirectories(data.resolve("keys/retired"));
        Files.move(data.resolve("keys/signing.pub"), retired.resolve(oldKeyId + ".pub"));
        Files.move(data.resolve("keys/signing.key"), retired.resolve(oldKeyId + ".key"));
        assertEquals(0, org.wedgewatch.cli.KeysCommand.run(new String[] {"init", "--data", data.toString()}, System.out, System.err));
        assertEquals(0, org.wedgewatch.cli.KeysCommand.run(new String[] {"activate", "--data", data.toString()}, System.out, System.err));
        try (TestServer s = TestServer.start(null, c -> c.dataDir = data)) {
            JsonNode keys = JSON.readTree(s.http.getText("/api/v1/keys").body()).path("keys");
            assertEquals(2, keys.size());
            assertEquals("current", keys.get(0).path("status").asText());
            assertEquals("retired", keys.get(1).path("status").asText());
            assertEquals(oldKeyId, keys.get(1).path("id").asText());
            String newKeyId = keys.get(0).path("id").asText();
            assertNotEquals(oldKeyId, newKeyId);
            HttpResponse<byte[]> get = s.http.get("/api/v1/lists/rotated");
            String metadata = get.headers().firstValue("Wedgewatch-Metadata").orElseThrow();
            assertEquals(newKeyId, JSON.readTree(metadata).path("key").asText());
            assertTrue(Signatures.verify(keys.get(0).path("publicKey").asText(), metadata.getBytes(StandardCharsets.UTF_8),
                    get.headers().firstValue("Wedgewatch-Signature").orElseThrow()));
        }
    }
}
