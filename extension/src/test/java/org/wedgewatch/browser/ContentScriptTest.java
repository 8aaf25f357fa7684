package org.wedgewatch.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.wedgewatch.rules.ListCompiler;
import org.wedgewatch.rules.ListParser;
import org.wedgewatch.rules.Match;
import org.wedgewatch.rules.PatternList;

/** The built Chrome extension on the fixture timeline, served as https://x.com/home. */
class ContentScriptTest {
    private static final Path TEXTS = FixtureServer.FIXTURES.resolve("x-home-timeline.texts.jsonl");
    private static final Path DEFAULT_LIST = HeadlessChromium.repoRoot().resolve("lists/coalition-defense.txt");
    private static final String POSTS = "article[data-testid=\"tweet\"]";
    private static final String SMEAR = "Berniebros are the real racists, always have been";
    private static final String HARMLESS = "Phone bank tonight 6-9pm, snacks provided.";

    private FixtureServer server;
    private Chromium chromium;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        chromium = new Chromium(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        chromium.close();
        server.close();
    }

    @Test
    void everyPostGetsTheVerdictOfItsTexts() throws Exception {
        List<String> actual = openTimeline();
        assertEquals(expectedVerdicts(), actual);
    }

    @Test
    void showPostRevealsThePostAndRemembersIt() throws Exception {
        openTimeline();
        WebElement article = firstWarned();
        String href = permalink(article);
        WebElement show = shadowButton(article, "show");
        assertEquals(chromium.js("return arguments[0].textContent", show), "Show post");
        show.sendKeys(Keys.ENTER); // keyboard operable: a real button
        chromium.waiting().until(d -> "revealed".equals(article.getAttribute("data-wedgewatch")));
        assertEquals("none", chromium.js("return getComputedStyle(arguments[0].lastElementChild).filter", article));

        openTimeline();
        WebElement again = chromium.driver.findElement(By.cssSelector(POSTS + ":has(a[href='" + href + "'])"));
        assertEquals("revealed", again.getAttribute("data-wedgewatch"));
    }

    @Test
    void clicksAndKeysOnThePanelActThereAndNeverReachThePage() throws Exception {
        openTimeline();
        WebElement article = firstWarned();
        // X's handlers stand in: listeners of the page's own script on the article and the document.
        chromium.js("window.reached = []; for (const type of ['click', 'keydown', 'keyup', 'mousedown', 'pointerdown']) {"
                + " arguments[0].addEventListener(type, () => reached.push('article ' + type), true);"
                + " document.addEventListener(type, () => reached.push('document ' + type)); }", article);
        WebElement why = shadowButton(article, "why");
        why.click();
        chromium.waiting().until(d -> "true".equals(why.getAttribute("aria-expanded")));
        why.sendKeys(Keys.ENTER); // from the keyboard: closes it again
        chromium.waiting().until(d -> "false".equals(why.getAttribute("aria-expanded")));
        assertEquals(List.of(), chromium.js("return reached"), "nothing done on the panel reached the page's handlers");

        chromium.js("arguments[0].querySelector('[data-testid=tweetText]').dispatchEvent(new MouseEvent('click', {bubbles: true}))", article);
        assertEquals(List.of("article click", "document click"), chromium.js("return reached"), "a click on the post itself still does");
    }

    @Test
    void aPostInsertedLaterIsJudged() throws Exception {
        openTimeline();
        chromium.js("const a = document.querySelectorAll(arguments[0])[arguments[1]];"
                + "const cell = a.closest('[data-testid=cellInnerDiv]').cloneNode(true);"
                + "const c = cell.querySelector('article');"
                + "c.removeAttribute('data-wedgewatch'); c.id = 'later';"
                + "c.querySelector('[data-testid=tweetText] span').textContent = arguments[2];"
                + "a.closest('[data-testid=cellInnerDiv]').parentElement.append(cell);",
                POSTS, firstPassIndex(), SMEAR);
        chromium.waiting().until(d -> "warn".equals(d.findElement(By.id("later")).getAttribute("data-wedgewatch")));
        assertTrue(chromium.panelText(chromium.driver.findElement(By.id("later"))).contains(explanationOf(SMEAR)));
    }

    @Test
    void aCopyOfAWarnedPostGetsAPanelOfItsOwnThatActsOnTheCopy() throws Exception {
        openTimeline();
        WebElement original = firstWarned();
        // A page script copies a warned post: our panel's shadow root is clonable, so a copy of it comes along.
        chromium.js("const cell = arguments[0].closest('[data-testid=cellInnerDiv]').cloneNode(true);"
                + "const c = cell.querySelector('article'); c.id = 'copy';"
                + "c.querySelector('[data-wedgewatch-overlay]').setAttribute('data-copied', '');"
                + "arguments[0].closest('[data-testid=cellInnerDiv]').parentElement.append(cell);", original);
        WebElement copy = chromium.driver.findElement(By.id("copy"));
        chromium.waiting().until(d -> (Boolean) chromium.js("const h = arguments[0].querySelectorAll('[data-wedgewatch-overlay]');"
                + "return h.length === 1 && !h[0].hasAttribute('data-copied')", copy));
        assertEquals("warn", copy.getAttribute("data-wedgewatch"));
        shadowButton(copy, "show").sendKeys(Keys.ENTER);
        chromium.waiting().until(d -> "revealed".equals(copy.getAttribute("data-wedgewatch")));
    }

    @Test
    void aCellWhoseTextIsSwappedIsJudgedAgain() throws Exception {
        openTimeline();
        int i = firstPassIndex();
        WebElement article = chromium.driver.findElements(By.cssSelector(POSTS)).get(i);
        // As React does when it reuses a cell: the text node's data changes in place.
        chromium.js("arguments[0].querySelector('[data-testid=tweetText] span').firstChild.data = arguments[1]", article, SMEAR);
        chromium.waiting().until(d -> "warn".equals(article.getAttribute("data-wedgewatch")));
        chromium.js("arguments[0].querySelector('[data-testid=tweetText] span').firstChild.data = arguments[1]", article, HARMLESS);
        chromium.waiting().until(d -> "pass".equals(article.getAttribute("data-wedgewatch")));
        assertTrue(article.findElements(By.cssSelector("[data-wedgewatch-overlay]")).isEmpty());
    }

    @Test
    void theOverlayExplainsTheMatchAndWhy() throws Exception {
        openTimeline();
        WebElement article = firstWarned();
        String text = (String) chromium.js("return arguments[0].querySelector('[data-testid=tweetText]').textContent", article);
        Match m = matchOf(text);
        String panel = chromium.panelText(article);
        assertTrue(panel.contains(m.explanation), panel);
        assertTrue(panel.contains(m.family), panel);
        assertEquals("region", chromium.js("return arguments[0].querySelector('[data-wedgewatch-overlay]').shadowRoot"
                + ".querySelector('[aria-label]').getAttribute('role')", article));

        WebElement why = shadowButton(article, "why");
        why.click();
        assertEquals("true", why.getAttribute("aria-expanded"));
        assertTrue((Boolean) chromium.js("return !arguments[0].querySelector('[data-wedgewatch-overlay]').shadowRoot"
                + ".querySelector('.details').hidden", article));
        assertTrue(chromium.panelText(article).contains(m.ruleId));
        String words = text.substring(m.start, m.end);
        assertTrue(chromium.panelText(article).contains("The words it matched: “" + words + "”"), "the box quotes the matched words: " + words);
    }

    @Test
    void aListWhoseTextLooksLikeHtmlShowsAsInertText() throws Exception {
        String payload = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";
        String list = "! Title: <b>Bold</b> list\n! Id: xss-test\n! Homepage: javascript:document.title='pwned'\n! Version: 1\n\n"
                + "rule evil\n  family: <i>F9</i>\n  explain: " + payload + " stays text\n"
                + "  match: the turnips are plotting\n  warn: the turnips are plotting\n";
        server.page("/xss", FixtureServer.postsPage(new String[] {"member01", "the turnips are plotting"}));
        putList("xss-test", list, "<i>pub</i>", "javascript:document.title='pwned'");
        chromium.driver.get("https://x.com/xss");
        WebElement article = chromium.driver.findElement(By.cssSelector(POSTS));
        chromium.waiting().until(d -> "warn".equals(article.getAttribute("data-wedgewatch")));
        shadowButton(article, "why").click();
        String panel = chromium.panelText(article);
        assertTrue(panel.contains(payload + " stays text"), panel);
        assertTrue(panel.contains("<b>Bold</b> list"), panel);
        assertEquals(0L, chromium.js("return arguments[0].querySelector('[data-wedgewatch-overlay]').shadowRoot"
                + ".querySelectorAll('img, script, b, i, a[href^=javascript]').length", article));
        assertFalse(chromium.driver.getTitle().contains("pwned"));
    }

    @Test
    void aListUpdateRedoesThePanelOfAPostItStillWarns() throws Exception {
        String list = "! Title: Turnip watch\n! Id: turnips\n! Version: %d\n\nrule plot\n  family: F9 turnips\n"
                + "  explain: Turnips plot.\n  match: the turnips are plotting\n  warn: %s\n";
        server.page("/turnips", FixtureServer.postsPage(new String[] {"member01", "the turnips are plotting"}));
        putList("turnips", list.formatted(1, "the turnips are plotting"), null, null);
        chromium.driver.get("https://x.com/turnips");
        WebElement article = chromium.driver.findElement(By.cssSelector(POSTS));
        chromium.waiting().until(d -> "warn".equals(article.getAttribute("data-wedgewatch")));
        shadowButton(article, "why").click();
        chromium.waiting().until(d -> chromium.panelText(article).contains("Wordings this rule warns about:"));

        // Same rule, same words matched, new example: the open "Why?" box must not keep the old one.
        putList("turnips", list.formatted(2, "the turnips are plotting tonight"), null, null);
        chromium.waiting().until(d -> {
            if (!chromium.whyBoxOpen(article)) shadowButton(article, "why").click();
            return chromium.panelText(article).contains("the turnips are plotting tonight");
        });
    }

    // --- helpers ---

    /**
     * Puts list `text` in the extension's storage as subscription `id` (publisher and homepage may
     * be null), from a tab of the extension's own: what a subscription or an update writes.
     */
    private void putList(String id, String text, String publisher, String homepage) {
        String page = chromium.driver.getWindowHandle();
        chromium.driver.switchTo().newWindow(WindowType.TAB);
        chromium.driver.get("chrome-extension://" + chromium.extensionId() + "/lists/coalition-defense.txt");
        // Wait for the background to seed the bundled list first: it rewrites `lists` when it does.
        chromium.jsAsync("const done = arguments[arguments.length - 1]; (async () => {"
                + " for (let i = 0; i < 300; i++) { const got = await chrome.storage.local.get('lists');"
                + "   if (got.lists && got.lists['coalition-defense']) break; await new Promise(r => setTimeout(r, 100)); }"
                + " const {lists} = await chrome.storage.local.get('lists');"
                + " lists[arguments[0]] = {id: arguments[0], title: 'x', text: arguments[1], version: 1,"
                + " source: 'url', url: 'https://example.org/x.txt', enabled: true, action: null,"
                + " publisher: arguments[2] || undefined, homepage: arguments[3] || undefined};"
                + " await chrome.storage.local.set({lists}); done(); })()", id, text, publisher, homepage);
        chromium.driver.close();
        chromium.driver.switchTo().window(page);
    }

    /** Opens the timeline and waits until every post is judged; returns the verdicts in page order. */
    @SuppressWarnings("unchecked")
    private List<String> openTimeline() {
        chromium.driver.get("https://x.com/home");
        return chromium.waiting().until(d -> {
            List<String> v = (List<String>) chromium.js("return [...document.querySelectorAll(arguments[0])]"
                    + ".map(a => a.getAttribute('data-wedgewatch'))", POSTS);
            return v.isEmpty() || v.contains(null) ? null : v;
        });
    }

    /** An article warns when its own text or its quoted post's text should: texts are in page order. */
    @SuppressWarnings("unchecked")
    private List<String> expectedVerdicts() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> expect = new ArrayList<>();
        for (String line : Files.readAllLines(TEXTS)) {
            if (!line.isBlank()) expect.add(json.readTree(line).get("expect").asText());
        }
        List<Long> textsPerPost = (List<Long>) chromium.js("return [...document.querySelectorAll(arguments[0])]"
                + ".map(a => a.querySelectorAll('[data-testid=tweetText]').length)", POSTS);
        List<String> verdicts = new ArrayList<>();
        int next = 0;
        for (long n : textsPerPost) {
            boolean warn = false;
            for (int k = 0; k < n; k++) warn |= expect.get(next++).equals("warn");
            verdicts.add(warn ? "warn" : "pass");
        }
        assertEquals(expect.size(), next, "every text of the texts file is on the page");
        return verdicts;
    }

    /** The first warned post on screen (the fixture hides some reposts, as the extension it was saved with did). */
    private WebElement firstWarned() {
        return (WebElement) chromium.js("return [...document.querySelectorAll(arguments[0])]"
                + ".find(a => a.getAttribute('data-wedgewatch') === 'warn' && a.getClientRects().length)", POSTS);
    }

    private int firstPassIndex() {
        return ((Long) chromium.js("return [...document.querySelectorAll(arguments[0])].findIndex(a =>"
                + " a.getAttribute('data-wedgewatch') === 'pass' && a.getClientRects().length && a.querySelectorAll('[data-testid=tweetText]').length === 1)",
                POSTS)).intValue();
    }

    private String permalink(WebElement article) {
        return (String) chromium.js("return arguments[0].querySelector('a[href*=\"/status/\"]:has(> time)').getAttribute('href')", article);
    }

    private WebElement shadowButton(WebElement article, String action) {
        return article.findElement(By.cssSelector("[data-wedgewatch-overlay]")).getShadowRoot()
                .findElement(By.cssSelector("button[data-action=" + action + "]"));
    }

    private static Match matchOf(String text) throws Exception {
        PatternList list = ListParser.parse(Files.readString(DEFAULT_LIST)).list();
        return ListCompiler.compile(List.of(list)).match(text).get(0);
    }

    private static String explanationOf(String text) throws Exception {
        return matchOf(text).explanation;
    }
}
