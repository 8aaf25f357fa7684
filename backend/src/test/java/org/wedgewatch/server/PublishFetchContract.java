package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every database must do: publish, fetch, 304, signatures, history, ownership, races. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PublishFetchContract {
    static final ObjectMapper JSON = new ObjectMapper();
    TestServer server;
    Http http;
    String token;

    /** null for the embedded SQLite default. */
    abstract String dbUrl() throws Exception;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(dbUrl(), c -> { });
        http = server.http;
        token = server.token("coalition");
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void publishedListIsServedWithStrongEtagAndA304RoundTrip() throws Exception {
        String body = TestLists.valid("round-trip", 1);
        HttpResponse<String> put = http.publish("round-trip", token, body);
        assertEquals(201, put.statusCode(), put.body());

        HttpResponse<byte[]> get = http.get("/api/v1/lists/round-trip");
        assertEquals(200, get.statusCode());
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), get.body());
        String etag = get.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("\"1-") && etag.endsWith("\""), etag);
        assertEquals(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length),
                get.headers().firstValue("Content-Length").orElseThrow());
        assertTrue(get.headers().firstValue("Cache-Control").orElseThrow().contains("max-age"));
        assertEquals("*", get.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(get.headers().firstValue("Access-Control-Expose-Headers").orElseThrow().contains("Wedgewatch-Signature"));

        HttpResponse<byte[]> again = http.get("/api/v1/lists/round-trip", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());

        HttpResponse<byte[]> other = http.get("/api/v1/lists/round-trip", "If-None-Match", "\"0-nothing\"");
        assertEquals(200, other.statusCode());
    }

    @Test
    void gzipIsSentWhenAskedWithItsOwnEtag() throws Exception {
        String body = TestLists.big("gzipped", 1, 50_000);
        assertEquals(201, http.publish("gzipped", token, body).statusCode());
        HttpResponse<byte[]> gz = http.get("/api/v1/lists/gzipped", "Accept-Encoding", "gzip");
        assertEquals(200, gz.statusCode());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElseThrow());
        assertTrue(gz.body().length < body.length() / 2);
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
        assertEquals(body, new String(unzipped, StandardCharsets.UTF_8));
        String etag = gz.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, http.get("/api/v1/lists/gzipped", "Accept-Encoding", "gzip", "If-None-Match", etag).statusCode());
    }

    @Test
    void signatureVerifiesWithThePublishedKeyAndFailsForAChangedByte() throws Exception {
        String body = TestLists.valid("signed", 3);
        assertEquals(201, http.publish("signed", token, body).statusCode());
        HttpResponse<byte[]> get = http.get("/api/v1/lists/signed");
        String metadata = get.headers().firstValue("Wedgewatch-Metadata").orElseThrow();
        String signature = get.headers().firstValue("Wedgewatch-Signature").orElseThrow();
        JsonNode keys = JSON.readTree(http.getText("/api/v1/keys").body()).path("keys");
        String key = keys.get(0).path("publicKey").asText();
        assertEquals(32, java.util.Base64.getDecoder().decode(key).length);

        JsonNode meta = JSON.readTree(metadata);
        assertEquals("signed", meta.path("list").asText());
        assertEquals(3, meta.path("version").asLong());
        assertEquals(Hashes.sha256Hex(get.body()), meta.path("sha256").asText());
        assertEquals(keys.get(0).path("id").asText(), meta.path("key").asText());
        assertTrue(meta.path("expires").asText().compareTo(meta.path("published").asText()) > 0);

        assertTrue(Signatures.verify(key, metadata.getBytes(StandardCharsets.UTF_8), signature));
        byte[] tampered = metadata.getBytes(StandardCharsets.UTF_8);
        tampered[metadata.indexOf("\"version\":3") + 10] = '4';
        assertFalse(Signatures.verify(key, tampered, signature));
        byte[] otherBody = get.body().clone();
        otherBody[0] ^= 1;
        assertFalse(Hashes.sha256Hex(otherBody).equals(meta.path("sha256").asText()));

        JsonNode companion = JSON.readTree(http.getText("/api/v1/lists/signed/signature").body());
        assertEquals(metadata, companion.path("metadata").asText());
        assertEquals(signature, companion.path("signature").asText());
    }

    @Test
    void versionsGoUpAndHistoryKeepsEveryVersionImmutable() throws Exception {
        assertEquals(201, http.publish("history", token, TestLists.valid("history", 1)).statusCode());
        assertEquals(201, http.publish("history", token, TestLists.valid("history", 2)).statusCode());
        HttpResponse<String> same = http.publish("history", token, TestLists.valid("history", 2));
        assertEquals(409, same.statusCode(), same.body());
        assertTrue(same.body().contains("versions only go up"));
        assertEquals(409, http.publish("history", token, TestLists.valid("history", 1)).statusCode());

        JsonNode history = JSON.readTree(http.getText("/api/v1/lists/history/versions").body()).path("versions");
        assertEquals(2, history.size());
        assertEquals(2, history.get(0).path("version").asLong());
        assertTrue(history.get(0).path("publishedBy").asText().contains("tester-coalition"));

        HttpResponse<byte[]> v1 = http.get("/api/v1/lists/history/versions/1");
        assertEquals(200, v1.statusCode());
        assertEquals(TestLists.valid("history", 1), new String(v1.body(), StandardCharsets.UTF_8));
        assertTrue(v1.headers().firstValue("Cache-Control").orElseThrow().contains("max-age=31536000"));
        assertEquals(404, http.get("/api/v1/lists/history/versions/9").statusCode());
        assertEquals(400, http.get("/api/v1/lists/history/versions/abc").statusCode());

        JsonNode catalogue = JSON.readTree(http.getText("/api/v1/lists").body()).path("lists");
        JsonNode entry = null;
        for (JsonNode l : catalogue) if (l.path("id").asText().equals("history")) entry = l;
        assertEquals(2, entry.path("version").asLong());
        assertEquals(1, entry.path("rules").asInt());
        assertEquals("coalition", entry.path("group").asText());
        assertTrue(entry.path("url").asText().endsWith("/api/v1/lists/history"));
    }

    @Test
    void ifMatchWithAStaleVersionGets412() throws Exception {
        HttpResponse<String> first = http.publish("edited", token, TestLists.valid("edited", 1), "If-Match", "\"0\"");
        assertEquals(201, first.statusCode(), first.body());
        String etag = JSON.readTree(first.body()).path("etag").asText();
        assertEquals(201, http.publish("edited", token, TestLists.valid("edited", 2), "If-Match", etag).statusCode());
        HttpResponse<String> stale = http.publish("edited", token, TestLists.valid("edited", 3), "If-Match", etag);
        assertEquals(412, stale.statusCode(), stale.body());
        assertEquals(2, JSON.readTree(http.getText("/api/v1/lists/edited/versions").body()).path("versions").size());
    }

    @Test
    void twoConcurrentPublishesFromOneBaseHaveExactlyOneWinner() throws Exception {
        // Even rounds race two bodies for the same version (unique key), odd rounds race versions 2
        // and 3 from the same base (compare-and-set on the current version).
        for (int round = 0; round < 6; round++) {
            String id = "raced-" + round;
            assertEquals(201, http.publish(id, token, TestLists.valid(id, 1)).statusCode());
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                long target = round % 2 == 0 ? 2 : 2 + i;
                String body = TestLists.valid(id, target) + "! racer " + i + "\n";
                results.add(pool.submit(() -> {
                    go.await();
                    return http.publish(id, token, body, "If-Match", "\"1\"");
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            List<String> winners = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = results.get(i).get();
                codes.add(r.statusCode());
                if (r.statusCode() == 201) winners.add("! racer " + i);
            }
            pool.shutdown();
            codes.sort(null);
            assertEquals(List.of(201, 412), codes, "round " + round);
            JsonNode versions = JSON.readTree(http.getText("/api/v1/lists/" + id + "/versions").body()).path("versions");
            assertEquals(2, versions.size(), "exactly one new version is stored");
            String served = new String(http.get("/api/v1/lists/" + id).body(), StandardCharsets.UTF_8);
            assertTrue(served.contains(winners.get(0)), "the winner's body is served");
        }
    }

    @Test
    void tokensPublishOnlyTheirGroupsListsAndRevokedTokensFail() throws Exception {
        String other = server.token("someone-else");
        assertEquals(201, http.publish("owned", token, TestLists.valid("owned", 1)).statusCode());
        HttpResponse<String> foreign = http.publish("owned", other, TestLists.valid("owned", 2));
        assertEquals(403, foreign.statusCode(), foreign.body());

        HttpResponse<String> missing = http.publish("owned", null, TestLists.valid("owned", 2));
        assertEquals(401, missing.statusCode());
        assertTrue(missing.headers().firstValue("WWW-Authenticate").isPresent());
        assertEquals(401, http.publish("owned", "wwt_not-a-real-token", TestLists.valid("owned", 2)).statusCode());

        Tokens.Created t = Tokens.create(server.server.database(), "coalition", "leaver");
        assertTrue(Tokens.revoke(server.server.database(), t.id()));
        assertEquals(401, http.publish("owned", t.secret(), TestLists.valid("owned", 2)).statusCode());
        assertEquals(1, JSON.readTree(http.getText("/api/v1/lists/owned/versions").body()).path("versions").size());

        List<AuditLog.Entry> audit = AuditLog.recent(server.server.database(), 500);
        assertTrue(audit.stream().anyMatch(e -> e.event().equals(AuditLog.PUBLISH) && e.subject().equals("owned@1")));
        assertTrue(audit.stream().anyMatch(e -> e.event().equals(AuditLog.TOKEN_REVOKE) && e.subject().equals(t.id())));
        assertTrue(audit.stream().anyMatch(e -> e.event().equals(AuditLog.TOKEN_CREATE) && e.subject().equals(t.id())));
        assertTrue(audit.stream().filter(e -> e.event().equals(AuditLog.AUTH_FAILED)).count() >= 3);
    }

    @Test
    void invalidListGets422WithEveryProblemAndNothingIsStored() throws Exception {
        String broken = TestLists.valid("broken", 1)
                .replace("  warn: Progressives are the real racists.", "  warn: Nothing here matches.")
                .replace("match: {left} are", "match: {nosuchgroup} are");
        HttpResponse<String> r = http.publish("broken", token, broken);
        assertEquals(422, r.statusCode(), r.body());
        JsonNode problems = JSON.readTree(r.body()).path("problems");
        assertTrue(problems.size() >= 1);
        for (JsonNode p : problems) {
            assertTrue(p.path("line").asInt() >= 1);
            assertTrue(p.path("column").asInt() >= 1);
            assertFalse(p.path("message").asText().isEmpty());
        }
        HttpResponse<String> wrongId = http.publish("not-this-id", token, TestLists.valid("broken", 1));
        assertEquals(422, wrongId.statusCode());
        assertTrue(wrongId.body().contains("\"line\":2"), wrongId.body());
        assertEquals(404, http.get("/api/v1/lists/broken").statusCode());
        assertEquals(404, http.get("/api/v1/lists/not-this-id").statusCode());
    }

    @Test
    void healthAndOpenApiAnswer() throws Exception {
        HttpResponse<String> health = http.getText("/health");
        assertEquals(200, health.statusCode());
        assertEquals("ok", JSON.readTree(health.body()).path("status").asText());
        JsonNode openapi = JSON.readTree(http.getText("/openapi.json").body());
        assertTrue(openapi.path("openapi").asText().startsWith("3."));
        assertTrue(openapi.path("paths").has("/api/v1/lists/{id}"));
    }

    @Test
    void requestsTheFastPathPassesOnGetJavalinsJsonAnswers() throws Exception {
        // ListFastPath answers cached lists on the selector thread and hands the rest to the pool
        HttpResponse<String> missing = http.getText("/api/v1/lists/never-published");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("\"error\""), missing.body());
        HttpResponse<String> unknown = http.getText("/no/such/path");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("\"error\""), unknown.body());
    }
}
