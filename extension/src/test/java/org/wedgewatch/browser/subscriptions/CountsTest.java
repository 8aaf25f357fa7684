package org.wedgewatch.browser.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The counts a reader sees: posts judged and warned per list (options page, from what each tab
 * sends the background every few seconds) and on the tab (what the popup asks the tab). Only posts
 * count: not the engine's warm-up over the list's examples, and not a post judged again after a
 * settings change. Tabs that send their counts at once lose none of them.
 */
class CountsTest {
    /** Author and words of each post on the page: two of the bundled list's warn examples, three that pass. */
    private static final String[][] POSTS = {
        {"alice", FixtureServer.defaultListExamples("warn").get(0)},
        {"bob", "Who else thinks the transit plan needs more bus lanes?"},
        {"carol", FixtureServer.defaultListExamples("warn").get(1)},
        {"dana", FixtureServer.defaultListExamples("pass").get(0)},
        {"erin", "Minimum wage ballot measure passed in three counties!"},
    };
    private static final String LIST = "coalition-defense";

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
    void theListAndTheTabCountEachPostOnce() {
        browser.driver.get("https://x.com/posts");
        browser.waiting().until(d -> d.findElements(By.cssSelector("article[data-testid=tweet]:not([data-wedgewatch])")).isEmpty());
        String timeline = browser.driver.getWindowHandle();

        // Trusting alice makes every post be judged again (the settings changed): none counts twice,
        // and alice's post, already counted as warned, stays so.
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.openOptions();
        browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "chrome.storage.local.get('settings').then((g) =>"
                + "  chrome.storage.local.set({ settings: { ...(g.settings || {}), allowlist: ['alice'] } })).then(() => done());");
        String options = browser.driver.getWindowHandle();
        browser.driver.switchTo().window(timeline);
        browser.waiting().until(d -> d.findElements(By.cssSelector("article[data-wedgewatch=warn]")).size() == 1);
        browser.driver.switchTo().window(options);
        assertEquals(List.of(Map.of("judged", 5L, "warned", 2L)), tabAnswers());

        // The content script writes its counts at most every 5 s; by then its warm-up is long over.
        browser.waiting().until(d -> browser.stored("stats").has(LIST));
        JsonNode counts = browser.stored("stats").get(LIST);
        assertEquals(5, counts.get("judged").asInt(), counts.toString());
        assertEquals(2, counts.get("warned").asInt(), counts.toString());
        browser.waiting().until(d -> !d.findElements(By.xpath(
                "//article[@id='list-" + LIST + "']//dt[.='Posts judged / warned']/following-sibling::dd[1][.='5 / 2']")).isEmpty());
    }

    @Test
    void countsFromSeveralTabsAtOnceAllAddUp() {
        int tabs = 4;
        for (int i = 0; i < tabs; i++) {
            if (i > 0) browser.driver.switchTo().newWindow(WindowType.TAB);
            browser.driver.get("https://x.com/posts");
            browser.waiting().until(d -> d.findElements(By.cssSelector("article[data-testid=tweet]:not([data-wedgewatch])")).isEmpty());
        }
        // Every tab counted the same five posts and sends them within the same few seconds.
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.openOptions();
        assertEquals(Collections.nCopies(tabs, Map.of("judged", 5L, "warned", 2L)), tabAnswers());
        browser.waiting().until(d -> browser.stored("stats").has(LIST) && browser.stored("stats").get(LIST).get("judged").asInt() >= 5 * tabs);
        JsonNode counts = browser.stored("stats").get(LIST);
        assertEquals(5 * tabs, counts.get("judged").asInt(), counts.toString());
        assertEquals(2 * tabs, counts.get("warned").asInt(), counts.toString());
    }

    /** What the open tabs answer when asked for their counts, as the popup asks its tab. */
    @SuppressWarnings("unchecked")
    private List<Object> tabAnswers() {
        return (List<Object>) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "chrome.tabs.query({}).then((tabs) => Promise.all(tabs.map((tab) =>"
                + "  chrome.tabs.sendMessage(tab.id, { type: 'tab-stats' }).catch(() => null))))"
                + ".then((answers) => done(answers.filter((a) => a).map((a) => ({ judged: a.judged, warned: a.warned }))));");
    }
}
