package org.wedgewatch.browser.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.wedgewatch.browser.FixtureServer;

/**
 * The matcher the background compiles for tabs (`compiled` in storage): stored once the lists are
 * there, compiled again when what a tab would compile changes, and a tab whose stored form is
 * damaged still judges with the current lists. A change of lists costs one compile, in the
 * background: open tabs restore its form (each tab says how its loads went, as the popup asks it).
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
        assertTrue(compiled.get("form").asText().startsWith("WWC3"), "a compiled form");
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

    @Test
    void openTabsRestoreWhatTheBackgroundCompiledForANewListAndADamagedFormIsWrittenAgain() {
        int tabs = 3;
        browser.openOptions();
        browser.waiting().until(d -> browser.stored("compiled").has("key"));
        String first = browser.stored("compiled").get("form").asText();
        long compilesBefore = backgroundCompiles();
        for (int i = 0; i < tabs; i++) {
            browser.driver.switchTo().newWindow(WindowType.TAB);
            browser.driver.get("https://x.com/posts");
            browser.waiting().until(d -> d.findElements(By.cssSelector("article[data-wedgewatch=warn]")).size() == 1);
        }
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.openOptions();
        assertEquals(Collections.nCopies(tabs, Map.of("restored", 1L, "compiled", 0L)), tabLoads());

        // A list change (the reader's own rules, through the options page's message): every open tab
        // loads the lists again, and each restores the one form the background compiled.
        browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "chrome.runtime.sendMessage({ type: 'set-settings', patch: { userRules: arguments[0] } }).then(() => done());", MINE);
        browser.waiting().until(d -> tabLoads().stream().allMatch(l -> ((Map<?, ?>) l).get("restored").equals(2L)
                || !((Map<?, ?>) l).get("compiled").equals(0L)));
        assertEquals(Collections.nCopies(tabs, Map.of("restored", 2L, "compiled", 0L)), tabLoads());
        assertEquals(compilesBefore + 1, backgroundCompiles(), "one compile for the change, in the background");
        String second = browser.stored("compiled").get("form").asText();

        // A damaged form under the lists' own key: the next tab asks the background, which writes
        // it again, and restores that.
        browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "chrome.storage.local.get('compiled').then((g) =>"
                + "  chrome.storage.local.set({ compiled: { ...g.compiled, form: g.compiled.form.slice(0, 1000) } })).then(() => done());");
        String options = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.driver.get("https://x.com/posts");
        browser.waiting().until(d -> d.findElements(By.cssSelector("article[data-wedgewatch=warn]")).size() == 2);
        browser.driver.switchTo().window(options);
        assertEquals(second, browser.stored("compiled").get("form").asText(), "the damaged form is written again");
        assertTrue(!second.equals(first));
        List<Object> loads = tabLoads();
        assertEquals(Map.of("restored", 1L, "compiled", 0L), loads.get(loads.size() - 1), loads.toString());
        assertEquals(compilesBefore + 2, backgroundCompiles());
    }

    /** How each open tab on X loaded its lists so far: {restored, compiled}, in the order the tabs opened. */
    @SuppressWarnings("unchecked")
    private List<Object> tabLoads() {
        return new ArrayList<>((List<Object>) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "chrome.tabs.query({}).then((tabs) => Promise.all(tabs.sort((a, b) => a.id - b.id).map((tab) =>"
                + "  chrome.tabs.sendMessage(tab.id, { type: 'tab-stats' }).catch(() => null))))"
                + ".then((answers) => done(answers.filter((a) => a).map((a) => a.loads)));"));
    }

    /** Forms the background has compiled and stored since it started (it answers a compile request with the count). */
    private long backgroundCompiles() {
        return ((Number) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "chrome.runtime.sendMessage({ type: 'compile' }).then((r) => done(r.compiles));")).longValue();
    }
}
