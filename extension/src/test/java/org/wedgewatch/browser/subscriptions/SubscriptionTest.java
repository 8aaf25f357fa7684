package org.wedgewatch.browser.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.WindowType;
import org.wedgewatch.browser.FixtureServer;

/** The options page against a list server on this machine: subscribe, update, refuse bad lists. */
class SubscriptionTest {
    private static final String V1 = ListServer.DEMO_LIST;
    private static final String TRAITORS = """

            rule traitors
              family: F8 traitors
              explain: Calling allies traitors splits the coalition.
              match: liberals are traitors
              warn: Liberals are traitors.
            """;

    private ListServer server;
    private FixtureServer x;
    private ExtensionBrowser browser;

    @BeforeEach
    void start() throws Exception {
        server = new ListServer();
        x = new FixtureServer();
        x.page("/traitors", FixtureServer.postsPage(new String[] {"erin", "Liberals are traitors."}));
        browser = new ExtensionBrowser(x.asX());
        browser.openOptions();
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
        x.close();
        server.close();
    }

    @Test
    void theBundledListWorksWithNoServer() throws Exception {
        JsonNode builtin = lists().get("coalition-defense");
        assertEquals("builtin", builtin.get("source").asText());
        assertTrue(builtin.get("enabled").asBoolean());
        assertTrue(card("coalition-defense").getText().contains("Included with Wedgewatch."));
    }

    @Test
    void aSignedListIsSubscribedUpdatedAndATamperedOrBrokenOneRefused() throws Exception {
        server.publish("demo", 1, V1.formatted(1));
        subscribe(server.url("/api/v1/lists/demo"));
        JsonNode demo = lists().get("demo");
        assertEquals(1, demo.get("version").asInt());
        assertEquals("test-key", demo.get("keyId").asText());
        assertTrue(card("demo").getText().contains("Up to date."));

        String v2 = V1.formatted(2) + TRAITORS;
        server.publish("demo", 2, v2);
        checkNow("demo");
        browser.waiting().until(d -> lists().get("demo").get("version").asInt() == 2);
        assertTrue(traitorsPostWarns());

        // A mirror serving other bytes under the real signature.
        server.publishClaiming("demo", 3, V1.formatted(3) + TRAITORS, V1.formatted(3) + TRAITORS + "  match: allies are traitors\n");
        checkNow("demo");
        String status = waitForError("demo");
        assertTrue(status.contains("do not match the list (sha256"), status);
        assertEquals(2, lists().get("demo").get("version").asInt());
        assertTrue(traitorsPostWarns(), "the previous list keeps working");

        // Properly signed, but an example fails: the engine's own check refuses it.
        server.publish("demo", 4, V1.formatted(4) + TRAITORS + "  warn: Liberals are lovely.\n");
        checkNow("demo");
        status = waitForError("demo", "problem");
        assertTrue(status.contains("1 problem(s)"), status);
        assertTrue(card("demo").findElement(By.cssSelector("ul.problems")).getText().startsWith("line "));
        assertEquals(2, lists().get("demo").get("version").asInt());
        assertTrue(traitorsPostWarns(), "the previous list keeps working");
    }

    @Test
    void aPlainListFileRefusesAnOlderVersion() throws Exception {
        server.file("/plain.txt", V1.formatted(5));
        subscribe(server.url("/plain.txt"));
        assertEquals(5, lists().get("demo").get("version").asInt());
        server.file("/plain.txt", V1.formatted(4));
        checkNow("demo");
        String status = waitForError("demo");
        assertTrue(status.contains("older than version 5"), status);
        assertEquals(5, lists().get("demo").get("version").asInt());
    }

    @Test
    void aListSwitchedOffStaysOffAndItsRulesCanBeToggled() throws Exception {
        WebElement enabled = card("coalition-defense").findElement(By.id("list-coalition-defense-enabled"));
        enabled.click();
        browser.waiting().until(d -> !lists().get("coalition-defense").get("enabled").asBoolean());
        // The page draws its cards again from the stored lists (later when the background is busy
        // compiling them for tabs): the rule boxes to click are the new ones.
        browser.waiting().until(ExpectedConditions.stalenessOf(enabled));
        WebElement details = card("coalition-defense").findElement(By.tagName("details"));
        details.findElement(By.tagName("summary")).click();
        // Each rule shows its id and family, from the summary the background kept when the list arrived.
        String firstId = FixtureServer.defaultListRuleIds().get(0);
        WebElement first = details.findElement(By.cssSelector("li"));
        assertEquals(firstId, first.findElement(By.tagName("code")).getText());
        assertTrue(!first.findElement(By.className("family")).getText().isBlank());
        first.findElement(By.cssSelector("input[type=checkbox]")).click();
        browser.waiting().until(d -> settings().get("disabledRules").size() == 1);
        assertEquals("coalition-defense/" + firstId, settings().get("disabledRules").get(0).asText());
    }

    @Test
    void ownRulesShowLineAndColumnErrorsAsTheReaderTypes() throws Exception {
        WebElement rules = browser.driver.findElement(By.id("user-rules"));
        rules.sendKeys("rule mine\n  match: (oops\n");
        // The page may draw the box again while it checks: read the text inside the wait.
        String problems = browser.waiting().until(d -> {
            String text = d.findElement(By.id("user-rules-problems")).getText();
            return text.isEmpty() ? null : text;
        });
        assertTrue(problems.matches("(?s)line \\d+, column \\d+: .*"), problems);
        assertTrue(!browser.driver.findElement(By.id("user-rules-save")).isEnabled());
    }

    private void subscribe(String url) {
        browser.subscribe(url, "demo");
    }

    private void checkNow(String id) {
        long before = lists().get(id).get("lastCheck").asLong();
        browser.driver.findElement(By.id("list-" + id + "-check")).click();
        browser.waiting().until(d -> lists().get(id).get("lastCheck").asLong() > before);
    }

    private String waitForError(String id, String... containing) {
        return browser.waiting().until(d -> {
            String s = d.findElement(By.id("list-" + id + "-status")).getText();
            if (!s.startsWith("Last check failed")) return null;
            for (String c : containing) if (!s.contains(c)) return null;
            return s;
        });
    }

    private WebElement card(String id) {
        return browser.driver.findElement(By.id("list-" + id));
    }

    /** Whether a post "Liberals are traitors." on X gets a warning, in a tab of its own. */
    private boolean traitorsPostWarns() {
        String options = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.driver.get("https://x.com/traitors");
        String verdict = browser.waiting().until(d -> d.findElement(By.cssSelector("article[data-testid=tweet]")).getAttribute("data-wedgewatch"));
        browser.driver.close();
        browser.driver.switchTo().window(options);
        return "warn".equals(verdict);
    }

    private JsonNode lists() {
        return stored("lists");
    }

    private JsonNode settings() {
        return stored("settings");
    }

    private JsonNode stored(String key) {
        return browser.stored(key);
    }
}
