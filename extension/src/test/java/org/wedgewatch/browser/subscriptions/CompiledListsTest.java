package org.wedgewatch.browser.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.wedgewatch.browser.FixtureServer;

/**
 * The matcher the background compiles for tabs (`compiled` in storage): stored once the lists are
 * there, compiled again when what a tab would compile changes, and a tab whose stored form is
 * damaged still judges with the current lists (it compiles them itself).
 */
class CompiledListsTest {
    private static final String[][] POSTS = {
        {"alice", FixtureServer.defaultListExamples("warn").get(0)},
        {"bob", "The transit plan needs more bus lanes."},
    };
    private static final String MINE = "! Title: Mine\n! Id: mine\n! Version: 1\n\nrule lanes\n  family: F1 test\n"
            + "  explain: A rule of the reader's own.\n  match: more bus lanes\n  warn: We need more bus lanes.\n";

    private FixtureServer x;
    private ExtensionBrowser browser;

    @BeforeEach
    void start() throws Exception {
        x = new FixtureServer();
        x.page("/posts", FixtureServer.postsPage(POSTS));
        browser = new ExtensionBrowser(x.asX());
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
        x.close();
    }

    @Test
    void theBackgroundCompilesForTabsAgainWhenTheListsChangeAndADamagedFormFallsBack() {
        browser.openOptions();
        browser.waiting().until(d -> browser.stored("compiled").has("key"));
        JsonNode compiled = browser.stored("compiled");
        assertTrue(compiled.get("form").asText().startsWith("WWC1"), "a compiled form");
        assertEquals("coalition-defense", compiled.get("lists").get(0).get("list").get("id").asText());
        String key = compiled.get("key").asText();

        browser.driver.get("https://x.com/posts");
        browser.waiting().until(d -> d.findElements(By.cssSelector("article[data-testid=tweet]:not([data-wedgewatch])")).isEmpty());
        assertEquals(1, browser.driver.findElements(By.cssSelector("article[data-wedgewatch=warn]")).size());

        // The reader's own rules change what a tab compiles: the background compiles again.
        browser.openOptions();
        browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "chrome.storage.local.get('settings').then((g) =>"
                + "  chrome.storage.local.set({ settings: { ...(g.settings || {}), userRules: arguments[0] } })).then(() => done());", MINE);
        browser.waiting().until(d -> !browser.stored("compiled").get("key").asText().equals(key));
        assertEquals(2, browser.stored("compiled").get("lists").size());

        // A damaged form is not read: the tab compiles, and the reader's rule applies.
        browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "chrome.storage.local.get('compiled').then((g) =>"
                + "  chrome.storage.local.set({ compiled: { ...g.compiled, form: g.compiled.form.slice(0, 1000) } })).then(() => done());");
        browser.driver.get("https://x.com/posts");
        browser.waiting().until(d -> d.findElements(By.cssSelector("article[data-wedgewatch=warn]")).size() == 2);
    }
}
