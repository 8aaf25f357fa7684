package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wedgewatch.cli.ServeCommand;

/** What an operator needs to see: the real cause of a failed write, a clear start-up error, refusals in the audit log. */
class OperatorVisibilityTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** A Java class name (org.sqlite.SQLiteException, SQLException, NullPointerException...) in a body. */
    static final Pattern CLASS_NAME = Pattern.compile("(\\b(org|java|javax|com)\\.[a-z]+\\.)|([A-Z][A-Za-z]*(Exception|Error)\\b)");

    @Test
    void aFailedRollbackDoesNotHideWhyTheTransactionFailed() throws Exception {
        Path dir = Files.createTempDirectory("ww-rollback-");
        try (Database db = Database.open(Database.defaultUrl(dir))) {
            SQLException cause = new SQLException("disk full while writing the new version");
            SQLException thrown = assertThrows(SQLException.class, () -> db.transaction(c -> {
                c.close(); // the rollback that follows fails too
                throw cause;
            }));
            assertSame(cause, thrown);
            assertEquals(1, thrown.getSuppressed().length, "the rollback's own failure is kept beside the cause");
            assertEquals("disk full while writing the new version", db.writes().failure());
        }
    }

    @Test
    void aFullDatabaseMakesPublishesFailClearlyAndHealthSay503WithTheCause() throws Exception {
        Path dir = Files.createTempDirectory("ww-full-");
        // SQLite's page limit stands in for a full disk: the same SQLITE_FULL, no root needed.
        String url = "jdbc:sqlite:" + dir.resolve("ww.db") + "?max_page_count=40";
        try (TestServer s = TestServer.start(url, c -> c.dataDir = dir)) {
            String token = s.token("coalition");
            assertEquals(200, s.http.getText("/health").statusCode());
            HttpResponse<String> big = s.http.publish("filled", token, TestLists.big("filled", 1, 400_000));
            assertEquals(503, big.statusCode(), big.body());
            assertFalse(CLASS_NAME.matcher(big.body()).find(), big.body());
            HttpResponse<String> health = s.http.getText("/health");
            assertEquals(503, health.statusCode(), health.body());
            String error = JSON.readTree(health.body()).path("error").asText();
            assertTrue(error.startsWith("the database cannot write: "), error);
            assertTrue(error.toLowerCase(Locale.ROOT).contains("full"), "the cause is the full database, not the failed rollback: " + error);
            assertFalse(error.contains("rollback"), error);
            // A write that fits clears it.
            assertEquals(201, s.http.publish("small", token, TestLists.valid("small", 1)).statusCode());
            assertEquals(200, s.http.getText("/health").statusCode());
        }
    }

    @Test
    void anUnusableDataFolderIsOneClearLine() throws Exception {
        Path file = Files.createTempFile("ww-not-a-folder-", ".txt");
        String[] unusable = {file.resolve("data").toString(), "/proc/wedgewatch-data"};
        for (String data : unusable) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = ServeCommand.run(new String[] {"--port", "0", "--host", "127.0.0.1", "--data", data, "--init-keys"},
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            String text = err.toString(StandardCharsets.UTF_8);
            assertEquals(1, code, text);
            assertEquals(1, text.strip().lines().count(), text);
            assertTrue(text.startsWith("wedgewatch: cannot start: the data folder "), text);
            assertTrue(text.contains(data), text);
            assertFalse(CLASS_NAME.matcher(text).find(), text);
        }
    }

    @Test
    void listsParseUnderATurkishLocale() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR"));
        try (TestServer s = TestServer.sqlite()) {
            String token = s.token("coalition");
            String list = TestLists.valid("turkish", 1).replace("! Id:", "! ID:").replace("! Title:", "! TITLE:")
                    .replace("  family:", "  action: hide\n  family:");
            HttpResponse<String> r = s.http.publish("turkish", token, list);
            assertEquals(201, r.statusCode(), r.body());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void versionsAboveTheMaximumAreRefusedWithLineAndColumn() throws Exception {
        try (TestServer s = TestServer.sqlite()) {
            String token = s.token("coalition");
            HttpResponse<String> r = s.http.publish("frozen", token, TestLists.valid("frozen", 999_999_999_999_999L));
            assertEquals(422, r.statusCode(), r.body());
            JsonNode p = JSON.readTree(r.body()).path("problems").get(0);
            assertEquals(4, p.path("line").asInt());
            assertEquals(12, p.path("column").asInt());
            assertTrue(p.path("message").asText().contains("2147483647"), p.toString());
            assertEquals(201, s.http.publish("frozen", token, TestLists.valid("frozen", ListHandlers.MAX_VERSION)).statusCode());
        }
    }

    @Test
    void forbiddenRequestsAndRejectedPublishesAreAudited() throws Exception {
        try (TestServer s = TestServer.sqlite()) {
            String owner = s.token("coalition");
            String stranger = s.token("elsewhere");
            assertEquals(201, s.http.publish("owned", owner, TestLists.valid("owned", 2)).statusCode());
            assertEquals(403, s.http.publish("owned", stranger, TestLists.valid("owned", 3)).statusCode());
            assertEquals(403, s.http.getText("/api/v1/lists/owned/reports", "Authorization", "Bearer " + stranger).statusCode());
            assertEquals(409, s.http.publish("owned", owner, TestLists.valid("owned", 1)).statusCode());
            assertEquals(422, s.http.publish("owned", owner, "! Title: broken\n").statusCode());
            List<AuditLog.Entry> log = AuditLog.recent(s.server.database(), 50);
            assertEquals(1, count(log, AuditLog.FORBIDDEN), log.toString());
            assertEquals(3, count(log, AuditLog.PUBLISH_REJECTED), log.toString());
            assertTrue(log.stream().anyMatch(e -> e.event().equals(AuditLog.PUBLISH_REJECTED) && e.detail().startsWith("403 ")));
            assertTrue(log.stream().anyMatch(e -> e.event().equals(AuditLog.PUBLISH_REJECTED) && e.detail().startsWith("409 ")));
            assertTrue(log.stream().anyMatch(e -> e.event().equals(AuditLog.PUBLISH_REJECTED) && e.detail().startsWith("422 ")));
        }
    }

    private static long count(List<AuditLog.Entry> log, String event) {
        return log.stream().filter(e -> e.event().equals(event)).count();
    }
}
