package org.wedgewatch.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * "The same wording from many accounts" in the built Chrome extension: the fixture timeline with one wording posted by four
 * accounts (small edits each) gets "seen from 4 accounts" on those four posts and on nothing else,
 * the count outlives the page, and the options switch it off, change the threshold and clear it.
 */
class CampaignBadgeTest {
    private static final String POSTS = "article[data-testid=\"tweet\"]";
    private static final String BADGE = "[data-wedgewatch-campaign]";
    /** Harmless fixture posts (shown, no quote, one author) whose words and authors the test rewrites. */
    private static final List<String> REWRITTEN = List.of(
            "Reading the new report on union density by state. Wild how much it dropped since the 1950s.",
            "I think the platform should say more about child care. Writing my delegate today.",
            "Who else thinks the transit plan needs more bus lanes?",
            "Minimum wage ballot measure passed in three counties!");
    private static final List<String> WORDING = List.of(
            "The party leadership never wanted you to win, they only wanted your vote in November.",
            "The party leadership never wanted you to win, they just wanted your vote in November.",
            "The party leadership never wanted you to win. They only wanted your vote in November! #WakeUp",
            "RT @lakeview_voter: the party leadership never wanted you to win, they only wanted your vote in november");
    /** A smear the default list flags, posted by four accounts with small edits. */
    private static final List<String> SMEAR = List.of(
            "Honestly the Berniebros lost the election for everyone and they still refuse to take any responsibility.",
            "Honestly the Berniebros lost the election for everyone and they still refuse to take responsibility.",
            "Honestly the Berniebros lost the election for everyone, and they still refuse to take any responsibility!",
            "RT @corner_caucus: honestly the berniebros lost the election for everyone and they still refuse to take any responsibility");
    private static final List<String> ACCOUNTS = List.of("camp_a", "camp_b", "camp_c", "camp_d");

    private FixtureServer server;
    private Chromium chromium;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        String html = Files.readString(FixtureServer.FIXTURES.resolve("x-home-timeline.html"), StandardCharsets.UTF_8);
        server.page("/four", withRewrites(html, 4, WORDING));
        server.page("/one", withRewrites(html, 1, WORDING));
        server.page("/smear", withRewrites(html, 4, SMEAR));
        chromium = new Chromium(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        chromium.close();
        server.close();
    }

    @Test
    void oneWordingFromFourAccountsIsBadgedFourAndNothingElseIs() {
        open("/four");
        Map<String, String> badges = waitForBadges(4);
        for (String w : WORDING) assertEquals("4", badges.get(w), "badge on: " + w + " in " + badges);
        assertEquals(4, badges.size(), "unrelated posts get no badge: " + badges);
        String line = badgeText(postWith(WORDING.get(0)));
        assertTrue(line.contains("Same wording seen from 4 accounts this week"), line);
    }

    @Test
    void theCountOutlivesThePage() {
        open("/four");
        waitForBadges(4);
        // A new page that shows only one of the four: the other three sightings are remembered.
        open("/one");
        Map<String, String> badges = waitForBadges(1);
        assertEquals(Map.of(WORDING.get(0), "4"), badges);
    }

    @Test
    void theDetailsListWhenTheWordingWasSeenAndOpenFromTheKeyboard() {
        open("/four");
        waitForBadges(4);
        // The fixture hides some posts (as the extension it was saved with did): use one on screen.
        WebElement article = (WebElement) chromium.js("return [...document.querySelectorAll(arguments[0])]"
                + ".find(a => a.querySelector(':scope > ' + arguments[1]) && a.getClientRects().length)", POSTS, BADGE);
        WebElement toggle = article.findElement(By.cssSelector(BADGE)).getShadowRoot()
                .findElement(By.cssSelector("button[data-action=campaign-details]"));
        // Focus, then Enter from the keyboard: a real button, operable without a mouse.
        toggle.sendKeys(Keys.ENTER);
        chromium.waiting().until(d -> "true".equals(toggle.getAttribute("aria-expanded")));
        Long times = chromium.waiting().until(d -> {
            Long n = (Long) chromium.js("return arguments[0].querySelector(arguments[1]).shadowRoot.querySelectorAll('li').length",
                    article, BADGE);
            return n >= 4 ? n : null;
        });
        assertEquals(4L, times);
        assertEquals("note", chromium.js("return arguments[0].querySelector(arguments[1]).shadowRoot"
                + ".querySelector('[aria-label]').getAttribute('role')", article, BADGE));
    }

    @Test
    void theOptionsSwitchItOffRaiseTheThresholdAndClearTheHistory() {
        String page = chromium.driver.getWindowHandle();
        open("/four");
        waitForBadges(4);
        chromium.driver.switchTo().newWindow(WindowType.TAB);
        options();
        String settings = chromium.driver.getWindowHandle();

        setNumber("campaign-threshold", "5");
        chromium.driver.switchTo().window(page);
        open("/one");
        assertEquals(Map.of(), badges(), "4 accounts are under a threshold of 5");

        chromium.driver.switchTo().window(settings);
        setNumber("campaign-threshold", "3");
        chromium.driver.findElement(By.id("campaign-enabled")).click();
        waitForSetting("enabled", false);
        chromium.driver.switchTo().window(page);
        open("/one");
        assertEquals(Map.of(), badges(), "switched off");

        chromium.driver.switchTo().window(settings);
        chromium.driver.findElement(By.id("campaign-enabled")).click();
        waitForSetting("enabled", true);
        chromium.driver.findElement(By.id("campaign-clear")).click();
        chromium.waiting().until(d -> !d.findElement(By.id("campaign-status")).getText().isEmpty());
        assertEquals(0L, accountsSeen(WORDING.get(0)));
        chromium.driver.switchTo().window(page);
        open("/one");
        chromium.driver.switchTo().window(settings);
        chromium.waiting().until(d -> accountsSeen(WORDING.get(0)) == 1L);
        chromium.driver.switchTo().window(page);
        assertEquals(Map.of(), badges(), "after clearing, the one post left is one account");
        open("/four");
        assertEquals(4, waitForBadges(4).size(), "and counting starts again");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWarnedPostThatIsAlsoRepeatedGetsOnePanelSayingBoth() {
        open("/smear");
        // verdict | the panel's text | how many separate badges: for each of the four posts
        List<String> posts = chromium.waiting().until(d -> {
            List<String> found = (List<String>) chromium.js("return [...document.querySelectorAll(arguments[0])]"
                    + ".filter(a => arguments[1].includes(a.querySelector('[data-testid=tweetText]')?.textContent))"
                    + ".map(a => a.getAttribute('data-wedgewatch') + '|'"
                    + " + (a.querySelector('[data-wedgewatch-overlay]')?.shadowRoot.textContent || '') + '|'"
                    + " + a.querySelectorAll(arguments[2]).length)", POSTS, SMEAR, BADGE);
            return found.size() == 4 && found.stream().allMatch(p -> p.contains("Same wording seen from 4 accounts")) ? found : null;
        });
        for (String p : posts) {
            assertTrue(p.startsWith("warn|"), p);
            assertTrue(p.contains("Possible wedge post"), "the warning and the count share one panel: " + p);
            assertTrue(p.endsWith("|0"), "no second badge beside the panel: " + p);
        }
    }

    @Test
    void aNewCountRedoesOnlyTheCountLineOfAPanelAndAnOpenWhyBoxStaysOpen() {
        String page = chromium.driver.getWindowHandle();
        open("/smear");
        WebElement article = chromium.waiting().until(d -> (WebElement) chromium.js("return [...document.querySelectorAll(arguments[0])]"
                + ".find(a => (a.querySelector('[data-wedgewatch-overlay]')?.shadowRoot.textContent || '')"
                + ".includes('Same wording seen from 4 accounts'))", POSTS));
        chromium.js("arguments[0].querySelector('[data-wedgewatch-overlay]').shadowRoot.querySelector('button[data-action=why]').click()", article);
        assertTrue(chromium.whyBoxOpen(article));

        chromium.driver.switchTo().newWindow(WindowType.TAB);
        options();
        setNumber("campaign-threshold", "5");
        chromium.driver.switchTo().window(page);
        chromium.waiting().until(d -> !chromium.panelText(article).contains("Same wording"));
        assertTrue(chromium.panelText(article).contains("Possible wedge post"), "the warning stays: " + chromium.panelText(article));
        assertTrue(chromium.whyBoxOpen(article), "the reader's open Why? box is not closed by a count under the threshold");

        chromium.driver.switchTo().newWindow(WindowType.TAB);
        options();
        setNumber("campaign-threshold", "3");
        chromium.driver.switchTo().window(page);
        chromium.waiting().until(d -> chromium.panelText(article).contains("Same wording seen from 4 accounts"));
        assertTrue(chromium.whyBoxOpen(article), "nor by a count over it");
    }

    @Test
    void pausedOnTheSiteNothingIsWarnedBadgedOrCounted() {
        String page = chromium.driver.getWindowHandle();
        chromium.driver.switchTo().newWindow(WindowType.TAB);
        options();
        String settings = chromium.driver.getWindowHandle();
        setPausedUntil("Date.now() + 3600000"); // what the popup's "Pause for an hour" sends

        chromium.driver.switchTo().window(page);
        open("/smear");
        assertEquals(List.of(), chromium.js("return [...document.querySelectorAll(arguments[0])]"
                + ".map(a => a.getAttribute('data-wedgewatch')).filter(v => v !== 'pass')", POSTS), "paused: every post passes");
        assertEquals(Map.of(), badges(), "paused: no badge");
        open("/four"); // seen while paused: must not count
        // Leave the page first: a page still open when the pause ends is judged again, and counts.
        chromium.driver.get("about:blank");

        chromium.driver.switchTo().window(settings);
        setPausedUntil("0");
        chromium.driver.switchTo().window(page);
        open("/one");
        chromium.driver.switchTo().window(settings);
        chromium.waiting().until(d -> accountsSeen(WORDING.get(0)) == 1L);
        assertEquals(0L, accountsSeen(SMEAR.get(0)), "the smears seen while paused were not counted");
        chromium.driver.switchTo().window(page);
        assertEquals(Map.of(), badges(), "only the one account seen after the pause counts");
    }

    // --- helpers ---

    /**
     * The fixture with the first {@code n} of {@link #REWRITTEN} turned into the shared wording, each
     * by its own account. The rewrite runs as a page script, before the extension's content script
     * (document_idle), as if X had served these posts.
     */
    private static String withRewrites(String html, int n, List<String> wording) {
        StringBuilder script = new StringBuilder("<script>(() => { const rewrites = [");
        for (int i = 0; i < n; i++) {
            script.append("[").append(js(REWRITTEN.get(i))).append(",").append(js(wording.get(i))).append(",")
                    .append(js(ACCOUNTS.get(i))).append("],");
        }
        script.append("]; for (const a of document.querySelectorAll('article[data-testid=tweet]')) {"
                + " const t = a.querySelector('[data-testid=tweetText]'); if (!t) continue;"
                + " const r = rewrites.find(([from]) => t.textContent === from); if (!r) continue;"
                + " t.replaceChildren(document.createTextNode(r[1]));"
                + " for (const s of a.querySelectorAll('[data-testid=User-Name] span'))"
                + "   if (s.children.length === 0 && s.textContent.startsWith('@')) s.textContent = '@' + r[2]; } })();</script>");
        int end = html.lastIndexOf("</body>");
        return html.substring(0, end) + script + html.substring(end);
    }

    private static String js(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void open(String path) {
        chromium.driver.get("https://x.com" + path);
        waitForJudged();
    }

    private void waitForJudged() {
        chromium.waiting().until(d -> (Boolean) chromium.js("const a = [...document.querySelectorAll(arguments[0])];"
                + "return a.length > 0 && a.every(x => x.hasAttribute('data-wedgewatch'))", POSTS));
    }

    /** Distinct accounts the background holds for this wording; asked from the options page. */
    private long accountsSeen(String text) {
        return (Long) chromium.jsAsync("const done = arguments[arguments.length - 1];"
                + "chrome.runtime.sendMessage({type: 'campaign-details', text: arguments[0]}).then(r => done(r.accounts))", text);
    }

    /** post text -> count shown, for every badged post on the page. */
    @SuppressWarnings("unchecked")
    private Map<String, String> badges() {
        return (Map<String, String>) chromium.js("const out = {};"
                + "for (const a of document.querySelectorAll(arguments[0])) {"
                + "  const host = a.querySelector(':scope > ' + arguments[1]); if (!host) continue;"
                + "  out[a.querySelector('[data-testid=tweetText]').textContent] ="
                + "    host.shadowRoot.querySelector('[data-campaign-count]').getAttribute('data-campaign-count'); }"
                + "return out;", POSTS, BADGE);
    }

    /** Waits until {@code n} posts show a badge and every count has settled at its final value. */
    private Map<String, String> waitForBadges(int n) {
        return chromium.waiting().until(d -> {
            Map<String, String> b = badges();
            return b.size() == n && b.values().stream().allMatch("4"::equals) ? b : null;
        });
    }

    private WebElement postWith(String text) {
        return (WebElement) chromium.js("return [...document.querySelectorAll(arguments[0])]"
                + ".find(a => a.querySelector('[data-testid=tweetText]')?.textContent === arguments[1])", POSTS, text);
    }

    private String badgeText(WebElement article) {
        return (String) chromium.js("return arguments[0].querySelector(arguments[1]).shadowRoot.textContent", article, BADGE);
    }

    private void options() {
        chromium.driver.get("chrome-extension://" + chromium.extensionId() + "/options/options.html");
        chromium.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-campaign-ready")));
    }

    /** Sets the pause from the options page, as the popup does, and waits until it is stored. */
    private void setPausedUntil(String expression) {
        chromium.jsAsync("const done = arguments[arguments.length - 1];"
                + "chrome.runtime.sendMessage({type: 'set-settings', patch: {pausedUntil: " + expression + "}}).then(() => done(true))");
        chromium.waiting().until(d -> (Boolean) chromium.jsAsync("const done = arguments[arguments.length - 1];"
                + "chrome.storage.local.get('settings').then(s => done((s.settings.pausedUntil > Date.now()) === " + !expression.equals("0") + "))"));
    }

    private void setNumber(String id, String value) {
        WebElement input = chromium.driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value, Keys.TAB); // change fires on blur
        waitForSetting(id.equals("campaign-threshold") ? "threshold" : "windowDays", Long.parseLong(value));
    }

    private void waitForSetting(String key, Object value) {
        chromium.waiting().until(d -> value.equals(chromium.jsAsync("const done = arguments[arguments.length - 1];"
                + "chrome.storage.local.get('settings').then(s => done(s.settings && s.settings.campaign"
                + " ? s.settings.campaign[arguments[0]] : null))", key)));
    }
}
