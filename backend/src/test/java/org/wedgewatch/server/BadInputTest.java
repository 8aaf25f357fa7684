package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Hostile or broken requests get a clear JSON 4xx, store nothing, and leave the server serving. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    static final ObjectMapper JSON = new ObjectMapper();
    TestServer server;
    Http http;
    String token;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(null, c -> c.maxListBytes = 200_000);
        http = server.http;
        token = server.token("coalition");
        assertEquals(201, http.publish("baseline", token, TestLists.valid("baseline", 1)).statusCode());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** After every case: the server answers, and only the baseline list exists, unchanged. */
    @AfterEach
    void serverStillServesAndNothingWasStored() throws Exception {
        assertEquals(200, http.getText("/health").statusCode());
        JsonNode lists = JSON.readTree(http.getText("/api/v1/lists").body()).path("lists");
        assertEquals(1, lists.size(), lists.toString());
        assertEquals("baseline", lists.get(0).path("id").asText());
        assertEquals(1, lists.get(0).path("version").asLong());
        assertEquals(TestLists.valid("baseline", 1), new String(http.get("/api/v1/lists/baseline").body(), StandardCharsets.UTF_8));
    }

    private static JsonNode error(HttpResponse<String> r) throws IOException {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonNode body = JSON.readTree(r.body());
        assertFalse(body.path("error").asText().isEmpty(), r.body());
        return body;
    }

    @Test
    void malformedUtf8Gets422WithLineAndColumn() throws Exception {
        byte[] good = TestLists.valid("baseline", 2).getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 2];
        int at = TestLists.valid("baseline", 2).indexOf("Republicans");
        System.arraycopy(good, 0, bad, 0, at);
        bad[at] = (byte) 0xC3;
        bad[at + 1] = (byte) 0x28; // an invalid continuation byte
        System.arraycopy(good, at, bad, at + 2, good.length - at);
        HttpResponse<String> r = http.publishBytes("baseline", token, bad);
        assertEquals(422, r.statusCode(), r.body());
        JsonNode p = error(r).path("problems").get(0);
        assertEquals(14, p.path("line").asInt());
        assertEquals(9, p.path("column").asInt());
    }

    @Test
    void oversizedBodyWithContentLengthGets413BeforeItIsSent() throws Exception {
        String response = raw("PUT /api/v1/lists/baseline HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: text/plain\r\nContent-Length: 5000000\r\n\r\n", null, 0);
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains("\"error\""), response);
    }

    @Test
    void oversizedStreamedBodyIsCutOffAt413() throws Exception {
        byte[] big = TestLists.big("baseline", 2, 300_000).getBytes(StandardCharsets.UTF_8);
        HttpRequest req = http.request("/api/v1/lists/baseline")
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))) // chunked
                .build();
        try {
            HttpResponse<String> r = http.send(req);
            assertEquals(413, r.statusCode(), r.body());
            error(r);
        } catch (IOException closedMidUpload) {
            // The server answered 413 and closed while the client was still sending: also a refusal.
        }
    }

    @Test
    void slowDripBodyIsCutOffWhileOthersAreServed() throws Exception {
        CompletableFuture<String> drip = CompletableFuture.supplyAsync(() -> {
            try {
                return raw("PUT /api/v1/lists/baseline HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: text/plain\r\nContent-Length: 10000\r\n\r\n", "!", 200);
            } catch (IOException e) {
                return "closed: " + e;
            }
        });
        // While the drip is in progress the server keeps answering everyone else.
        for (int i = 0; i < 5; i++) {
            assertEquals(200, http.get("/api/v1/lists/baseline").statusCode());
            Thread.sleep(100);
        }
        String response = drip.get();
        assertTrue(response.startsWith("HTTP/1.1 408") || response.startsWith("closed"), response);
    }

    @Test
    void pathTraversalAndSqlInIdsAreRefused() throws Exception {
        String[] ids = {"..%2F..%2Fetc%2Fpasswd", "%2e%2e", "a%00b", "x'%3B%20DROP%20TABLE%20lists%3B--",
            "1%20OR%201%3D1", "UPPER", "a".repeat(65), "%C3%A9t%C3%A9"};
        for (String id : ids) {
            HttpResponse<String> get = http.getText("/api/v1/lists/" + id);
            assertTrue(get.statusCode() == 400 || get.statusCode() == 404, id + " -> " + get.statusCode());
            error(get);
            HttpResponse<String> put = http.send(http.request("/api/v1/lists/" + id)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                    .PUT(HttpRequest.BodyPublishers.ofString(TestLists.valid("baseline", 5))).build());
            assertTrue(put.statusCode() >= 400 && put.statusCode() < 500, id + " -> " + put.statusCode());
            error(put);
        }
        HttpResponse<String> dotted = http.getText("/api/v1/lists/../../../etc/passwd");
        assertTrue(dotted.statusCode() >= 400 && dotted.statusCode() < 500, "" + dotted.statusCode());
        HttpResponse<String> report = http.post("/api/v1/lists/x'%20OR%20'1'%3D'1/reports", "application/json",
                "{\"rule\":\"a\",\"verdict\":\"missed-smear\"}");
        assertEquals(400, report.statusCode());
    }

    @Test
    void combinatoriallyExplodingListGets422() throws Exception {
        HttpResponse<String> r = http.publish("explosive", token, TestLists.explosive("explosive"));
        assertEquals(422, r.statusCode(), r.body());
        JsonNode p = error(r).path("problems");
        assertEquals(1, p.size(), r.body());
        assertEquals(10, p.get(0).path("line").asInt());
        assertTrue(p.get(0).path("message").asText().contains("expands"), r.body());
    }

    @Test
    void wrongContentTypeGets415() throws Exception {
        HttpResponse<String> r = http.send(http.request("/api/v1/lists/baseline")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"list\": 1}")).build());
        assertEquals(415, r.statusCode());
        error(r);
        HttpResponse<String> latin1 = http.send(http.request("/api/v1/lists/baseline")
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain; charset=iso-8859-1")
                .PUT(HttpRequest.BodyPublishers.ofString(TestLists.valid("baseline", 2))).build());
        assertEquals(415, latin1.statusCode());
    }

    @Test
    void missingOrWrongTokenGets401() throws Exception {
        HttpResponse<String> none = http.publish("baseline", null, TestLists.valid("baseline", 2));
        assertEquals(401, none.statusCode());
        error(none);
        HttpResponse<String> basic = http.publish("baseline", null, TestLists.valid("baseline", 2),
                "Authorization", "Basic dXNlcjpwYXNz");
        assertEquals(401, basic.statusCode());
        assertEquals(401, http.publish("baseline", "wwt_" + "A".repeat(43), TestLists.valid("baseline", 2)).statusCode());
    }

    @Test
    void nulCharacterAndBadIfMatchAreRefused() throws Exception {
        HttpResponse<String> nul = http.publish("baseline", token, TestLists.valid("baseline", 2).replace("Republicans", "Repub\0licans"));
        assertEquals(422, nul.statusCode());
        HttpResponse<String> ifMatch = http.publish("baseline", token, TestLists.valid("baseline", 2), "If-Match", "\"banana\"");
        assertEquals(400, ifMatch.statusCode());
        error(ifMatch);
    }

    /** Sends raw HTTP; with a drip string, sends it every dripMillis until the server answers or closes. */
    private String raw(String head, String drip, int dripMillis) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.server.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (drip != null) {
                try {
                    while (in.available() == 0) {
                        out.write(drip.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        Thread.sleep(dripMillis);
                    }
                } catch (IOException closed) {
                    // the server hung up; read what it said first
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            try {
                while ((n = in.read(buf)) != -1) {
                    got.write(buf, 0, n);
                    String text = got.toString(StandardCharsets.ISO_8859_1);
                    if (text.contains("\r\n\r\n") && text.contains("}")) break;
                }
            } catch (IOException reset) {
                if (got.size() == 0) throw reset;
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
