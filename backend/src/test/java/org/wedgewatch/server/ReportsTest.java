package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Readers' reports: accepted anonymously, rate-limited per address, readable only by the list's group. */
class ReportsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reportsAreStoredRateLimitedAndReadByMaintainers() throws Exception {
        try (TestServer s = TestServer.start(null, c -> {
            c.reportsPerHour = 3;
            c.trustForwardedFor = true;
        })) {
            String token = s.token("coalition");
            String stranger = s.token("elsewhere");
            assertEquals(201, s.http.publish("reported", token, TestLists.valid("reported", 1)).statusCode());
            String path = "/api/v1/lists/reported/reports";

            HttpResponse<String> withText = s.http.post(path, "application/json",
                    "{\"rule\":\"real-racists\",\"verdict\":\"false-positive\",\"text\":\"Progressives are the real racists? No.\"}",
                    "X-Forwarded-For", "203.0.113.7");
            assertEquals(202, withText.statusCode(), withText.body());
            assertEquals("*", withText.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            assertEquals(202, s.http.post(path, "application/json", "{\"rule\":\"real-racists\",\"verdict\":\"missed-smear\"}",
                    "X-Forwarded-For", "203.0.113.7").statusCode());
            assertEquals(202, s.http.post(path, "application/json", "{\"rule\":\"real-racists\",\"verdict\":\"missed-smear\"}",
                    "X-Forwarded-For", "203.0.113.7").statusCode());
            HttpResponse<String> limited = s.http.post(path, "application/json",
                    "{\"rule\":\"real-racists\",\"verdict\":\"missed-smear\"}", "X-Forwarded-For", "203.0.113.7");
            assertEquals(429, limited.statusCode());
            assertTrue(limited.headers().firstValue("Retry-After").isPresent());
            // Another address is not limited by the first one's reports.
            assertEquals(202, s.http.post(path, "application/json", "{\"rule\":\"real-racists\",\"verdict\":\"missed-smear\"}",
                    "X-Forwarded-For", "198.51.100.1").statusCode());

            assertEquals(400, s.http.post(path, "application/json", "{\"rule\":\"real-racists\",\"verdict\":\"maybe\"}",
                    "X-Forwarded-For", "198.51.100.2").statusCode());
            assertEquals(400, s.http.post(path, "application/json", "not json", "X-Forwarded-For", "198.51.100.2").statusCode());
            assertEquals(415, s.http.post(path, "text/plain", "{}", "X-Forwarded-For", "198.51.100.2").statusCode());
            assertEquals(404, s.http.post("/api/v1/lists/unknown/reports", "application/json",
                    "{\"rule\":\"a\",\"verdict\":\"missed-smear\"}").statusCode());

            HttpResponse<String> preflight = s.http.send(s.http.request(path)
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "chrome-extension://abc").header("Access-Control-Request-Method", "POST").build());
            assertEquals(204, preflight.statusCode());
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow().contains("POST"));

            assertEquals(401, s.http.getText(path).statusCode());
            assertEquals(403, s.http.getText(path, "Authorization", "Bearer " + stranger).statusCode());
            HttpResponse<String> read = s.http.getText(path, "Authorization", "Bearer " + token);
            assertEquals(200, read.statusCode());
            JsonNode reports = JSON.readTree(read.body()).path("reports");
            assertEquals(4, reports.size());
            int withPostText = 0;
            for (JsonNode r : reports) {
                assertEquals("real-racists", r.path("rule").asText());
                assertEquals(1, r.path("version").asLong());
                assertFalse(r.has("client_hash") || r.has("client"), "addresses never leave the server");
                if (r.has("text")) withPostText++;
            }
            assertEquals(1, withPostText, "the post text is kept only when the reader included it");
        }
    }
}
