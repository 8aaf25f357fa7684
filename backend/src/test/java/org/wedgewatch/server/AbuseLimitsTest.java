package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Limits that must hold under concurrency and floods: the report rate limit, failed authentication, group quotas. */
class AbuseLimitsTest {
    @Test
    void reportLimitIsExactUnderConcurrencyOnSqlite() throws Exception {
        exactlyTheLimitIsAccepted(null);
    }

    @Test
    void reportLimitIsExactUnderConcurrencyOnPostgres() throws Exception {
        exactlyTheLimitIsAccepted(PostgresCluster.get().newDatabase());
    }

    private static void exactlyTheLimitIsAccepted(String dbUrl) throws Exception {
        try (TestServer s = TestServer.start(dbUrl, c -> {
            c.reportsPerHour = 5;
            c.bodiesPerClient = 100; // the rate limit, not the body gate, is what this counts
            c.bodiesInFlight = 100;
        })) {
            String token = s.token("coalition");
            assertEquals(201, s.http.publish("raced", token, TestLists.valid("raced", 1)).statusCode());
            ExecutorService pool = Executors.newFixedThreadPool(50);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return s.http.post("/api/v1/lists/raced/reports", "application/json",
                            "{\"rule\":\"real-racists\",\"verdict\":\"false-positive\"}").statusCode();
                }));
            }
            go.countDown();
            int accepted = 0;
            int limited = 0;
            for (Future<Integer> f : answers) {
                int status = f.get();
                if (status == 202) accepted++;
                if (status == 429) limited++;
            }
            pool.shutdown();
            assertEquals(5, accepted);
            assertEquals(45, limited);
        }
    }

    @Test
    void reportClientRowsOlderThanTheWindowArePrunedOnSqlite() throws Exception {
        clientRowsArePruned(null);
    }

    @Test
    void reportClientRowsOlderThanTheWindowArePrunedOnPostgres() throws Exception {
        clientRowsArePruned(PostgresCluster.get().newDatabase());
    }

    /** Rows of addresses silent for longer than the hour the limit counts go; the rest stay. */
    private static void clientRowsArePruned(String dbUrl) throws Exception {
        try (TestServer s = TestServer.start(dbUrl, c -> {
            c.trustForwardedFor = true;
            c.reportsPerHour = 5;
        })) {
            assertEquals(201, s.http.publish("pruned", s.token("coalition"), TestLists.valid("pruned", 1)).statusCode());
            long now = System.currentTimeMillis();
            long hour = 3_600_000L;
            s.server.database().transaction(c -> {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO report_clients (client_hash, last_at) VALUES (?, ?)")) {
                    for (int i = 0; i < 500; i++) {
                        p.setString(1, "old-" + i);
                        p.setLong(2, now - hour - 60_000 - i * 1000L); // silent for over an hour
                        p.addBatch();
                    }
                    p.setString(1, "recent");
                    p.setLong(2, now - hour + 600_000); // last seen 50 minutes ago: still counted
                    p.addBatch();
                    p.executeBatch();
                }
                return null;
            });
            assertEquals(501, clientRows(s, "%"));
            assertEquals(202, s.http.post("/api/v1/lists/pruned/reports", "application/json",
                    "{\"rule\":\"real-racists\",\"verdict\":\"false-positive\"}", "X-Forwarded-For", "203.0.113.7").statusCode());
            assertEquals(0, clientRows(s, "old-%"));
            assertEquals(1, clientRows(s, "recent"));
            assertEquals(2, clientRows(s, "%"), "the recent row and the reporter's own");
            // The limit still counts the reporter after the prune: five an hour, then 429.
            for (int i = 0; i < 4; i++) {
                assertEquals(202, s.http.post("/api/v1/lists/pruned/reports", "application/json",
                        "{\"rule\":\"real-racists\",\"verdict\":\"false-positive\"}", "X-Forwarded-For", "203.0.113.7").statusCode());
            }
            assertEquals(429, s.http.post("/api/v1/lists/pruned/reports", "application/json",
                    "{\"rule\":\"real-racists\",\"verdict\":\"false-positive\"}", "X-Forwarded-For", "203.0.113.7").statusCode());
        }
    }

    private static int clientRows(TestServer s, String like) throws Exception {
        return s.server.database().read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM report_clients WHERE client_hash LIKE ?")) {
                p.setString(1, like);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Test
    void failedAuthenticationIsThrottledAndItsAuditRowsBounded() throws Exception {
        try (TestServer s = TestServer.start(null, c -> {
            c.trustForwardedFor = true;
            c.authFailuresPerMinute = 10;
            c.authFailureRowsPerMinute = 60;
        })) {
            int unauthorized = 0;
            int throttled = 0;
            for (int i = 0; i < 100; i++) {
                int status = s.http.publish("guessed", "wwt_guess" + i, TestLists.valid("guessed", 1),
                        "X-Forwarded-For", "203.0.113.9").statusCode();
                if (status == 401) unauthorized++;
                if (status == 429) throttled++;
            }
            assertEquals(10, unauthorized);
            assertEquals(90, throttled);
            // Many addresses, one failure each: each gets its 401, the audit log only a bounded number of rows.
            for (int i = 0; i < 300; i++) {
                assertEquals(401, s.http.publish("guessed", "wwt_guess", TestLists.valid("guessed", 1),
                        "X-Forwarded-For", "198.19." + (i / 200) + "." + (i % 200 + 1)).statusCode());
            }
            long rows = AuditLog.recent(s.server.database(), 10_000).stream()
                    .filter(e -> e.event().startsWith(AuditLog.AUTH_FAILED)).count();
            assertTrue(rows <= 2 * 60 + 2, "failed-authentication rows stay bounded: " + rows); // the run may span two minutes
        }
    }

    @Test
    void groupsHaveQuotasOnListsAndVersions() throws Exception {
        try (TestServer s = TestServer.start(null, c -> {
            c.maxListsPerGroup = 2;
            c.maxVersionsPerGroup = 4;
        })) {
            String token = s.token("coalition");
            assertEquals(201, s.http.publish("first", token, TestLists.valid("first", 1)).statusCode());
            assertEquals(201, s.http.publish("second", token, TestLists.valid("second", 1)).statusCode());
            HttpResponse<String> third = s.http.publish("third", token, TestLists.valid("third", 1));
            assertEquals(403, third.statusCode(), third.body());
            assertTrue(third.body().contains("quota"), third.body());
            assertEquals(201, s.http.publish("first", token, TestLists.valid("first", 2)).statusCode());
            assertEquals(201, s.http.publish("first", token, TestLists.valid("first", 3)).statusCode());
            HttpResponse<String> fifth = s.http.publish("first", token, TestLists.valid("first", 4));
            assertEquals(403, fifth.statusCode(), fifth.body());
            assertTrue(fifth.body().contains("versions"), fifth.body());
            // Another group has its own quota.
            assertEquals(201, s.http.publish("theirs", s.token("elsewhere"), TestLists.valid("theirs", 1)).statusCode());
        }
    }
}
