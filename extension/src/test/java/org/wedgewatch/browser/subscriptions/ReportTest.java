package org.wedgewatch.browser.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.wedgewatch.browser.FixtureServer;

/**
 * "Not a wedge post" on warned posts of a page served as x.com: always a mark kept in this
 * browser; a report to the list's own server only once the reader opted in; the post's words in
 * it only once they allowed that too; and a panel that says which of these happened.
 */
class ReportTest {
    /** Author and words of each post on the page; the last is a smear of the bundled list, which has no server. */
    private static final String[][] POSTS = {
        {"alice", "Progressives are sellouts."},
        {"bob", "Progressives are sellouts, all of them."},
        {"carol", "progressives are SELLOUTS"},
        {"dana", "Berniebros are the real racists, always have been"},
    };

    private ListServer lists;
    private FixtureServer x;
    private ExtensionBrowser browser;

    @BeforeEach
    void start() throws Exception {
        lists = new ListServer();
        lists.publish("demo", 3, ListServer.DEMO_LIST.formatted(3));
        x = new FixtureServer();
        x.page("/posts", FixtureServer.postsPage(POSTS));
        browser = new ExtensionBrowser(x.asX());
        browser.openOptions();
        browser.subscribe(lists.url("/api/v1/lists/demo"), "demo");
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
        x.close();
        lists.close();
    }

    @Test
    void aMarkStaysHereUntilTheReaderOptsInAndTheWordsGoOnlyWhenAllowed() throws Exception {
        markNotWedge("alice");
        assertTrue(note("alice").contains("The mark stays in this browser."), note("alice"));

        browser.openOptions();
        browser.driver.findElement(By.id("reports-opt-in")).click();
        browser.waiting().until(d -> settings().path("reportsOptIn").asBoolean());
        markNotWedge("bob");
        browser.waiting().until(d -> note("bob").contains("a report went to the list's publisher"));
        assertEquals(1, lists.reports.size(), "only bob's post was reported: " + lists.reports);
        JsonNode bob = report(0);
        assertEquals("sellouts", bob.get("rule").asText());
        assertEquals("false-positive", bob.get("verdict").asText());
        assertEquals(3, bob.get("version").asInt());
        assertFalse(bob.has("text"), "the post's words were not allowed: " + bob);

        browser.openOptions();
        browser.driver.findElement(By.id("reports-include-text")).click();
        browser.waiting().until(d -> settings().path("reportsIncludeText").asBoolean());
        markNotWedge("carol");
        browser.waiting().until(d -> note("carol").contains("a report went to the list's publisher"));
        assertEquals(2, lists.reports.size(), String.valueOf(lists.reports));
        assertEquals("progressives are SELLOUTS", report(1).get("text").asText());

        // The bundled list has no server: the mark stands, and the panel does not claim a report.
        markNotWedge("dana");
        browser.waiting().until(d -> note("dana").contains("no report was sent"));
        assertTrue(note("dana").contains("This list has no Wedgewatch server to report to."), note("dana"));
        assertEquals(2, lists.reports.size(), String.valueOf(lists.reports));
    }

    /** Opens the page, waits for author's post to be warned and clicks its panel's "Not a wedge post". */
    private void markNotWedge(String author) {
        browser.driver.get("https://x.com/posts");
        WebElement post = browser.waiting().until(d -> {
            WebElement a = article(author);
            return "warn".equals(a.getAttribute("data-wedgewatch")) ? a : null;
        });
        post.findElement(By.cssSelector("[data-wedgewatch-overlay]")).getShadowRoot()
                .findElement(By.cssSelector("button[data-action='not-wedge']")).click();
        browser.waiting().until(d -> "revealed".equals(article(author).getAttribute("data-wedgewatch")));
    }

    private WebElement article(String author) {
        return (WebElement) ((JavascriptExecutor) browser.driver).executeScript("return [...document.querySelectorAll('article[data-testid=tweet]')]"
                + ".find((a) => a.querySelector('[data-testid=User-Name]').textContent.includes('@' + arguments[0]))", author);
    }

    /** The note on the reader's mark in author's panel, or "" while there is none. */
    private String note(String author) {
        Object text = ((JavascriptExecutor) browser.driver).executeScript("const o = arguments[0].querySelector('[data-wedgewatch-overlay]');"
                + " const n = o && o.shadowRoot.querySelector('p.note[role=status]'); return n ? n.textContent : '';", article(author));
        return String.valueOf(text);
    }

    private JsonNode report(int i) throws Exception {
        String r = lists.reports.get(i);
        assertTrue(r.startsWith("demo: "), r);
        return new ObjectMapper().readTree(r.substring(6));
    }

    private JsonNode settings() {
        return browser.stored("settings");
    }
}
