package org.wedgewatch.browser.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.wedgewatch.browser.FixtureServer;
import org.wedgewatch.rules.ListCompiler;
import org.wedgewatch.rules.ListParser;
import org.wedgewatch.rules.Match;
import org.wedgewatch.rules.Matcher;
import org.wedgewatch.rules.PatternList;

/**
 * Posts too long for the page's thread to match within a frame, on the slowest list the parser
 * accepts: the background matches their words, and each gets the verdict the JVM engine gives,
 * a match at the very end of 25,000 characters included, and a cell that shows other words while
 * it waits gets the verdict for those. The tab's count of answers from the background shows which
 * posts went there: the long ones, each text once, and never a short one.
 */
class LongPostsTest {
    private static final String MANY_GAPS = "! Title: Many gaps\n! Id: many-gaps\n! Version: 1\n\nrule gaps\n  family: F1 test\n"
            + "  explain: Six ab words close together.\n  match: ab *5 ab *5 ab *5 ab *5 ab *5 ab\n";
    /** Past the page's limit (content/long-posts.js LONG_CHARS, 1,000). */
    private static final int LONG = 1000;

    /**
     * The page's own script: the moment the last post is pending, X shows other words (SHOWN) in
     * its cell, as a reused cell does. The answer for the first words must not land on it.
     */
    private static final String REUSE_CELL = "<script>const reused = [...document.querySelectorAll('article')].pop();"
            + "new MutationObserver((_, o) => { if (reused.getAttribute('data-wedgewatch') !== 'pending') return; o.disconnect();"
            + "  reused.querySelector('[data-testid=tweetText]').replaceChildren('SHOWN'); })"
            + ".observe(reused, { attributes: true, attributeFilter: ['data-wedgewatch'] });</script>";

    private FixtureServer x;
    private ExtensionBrowser browser;

    @BeforeEach
    void start() throws Exception {
        x = new FixtureServer();
        browser = new ExtensionBrowser(x.asX());
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
        x.close();
    }

    @Test
    void longPostsAreMatchedInTheBackgroundAndGetTheEnginesVerdict() throws Exception {
        String spaced = "ab one two three four five six ".repeat(120); // 3,720 characters, gaps of six: no match
        String[][] posts = {
            {"long_warn", "ab ".repeat(1334).strip()}, // 4,001 characters, matched at the start
            {"late_warn", spaced + "ab ab ab ab ab ab"}, // matched only at the end
            {"long_pass", spaced.strip()},
            {"longest", spaced.repeat(6) + "cd ".repeat(890) + "ab ab ab ab ab ab"}, // 24,977 characters, matched at the end
            {"short_warn", "ab ab ab ab ab ab"},
            {"short_pass", "ab one two three four five six ab"},
            {"reused", "ab ".repeat(1400) + "reused"}, // X shows other words in this cell while it is pending
        };
        String shown = "ab one two three four five six ab";
        x.page("/posts", FixtureServer.postsPage(posts).replace("</body>", REUSE_CELL.replace("SHOWN", shown) + "</body>"));
        Matcher engine = ListCompiler.compile(List.of(parse(Files.readString(ExtensionBrowser.repoRoot().resolve("lists/coalition-defense.txt"))), parse(MANY_GAPS)));

        browser.openOptions();
        browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "chrome.runtime.sendMessage({ type: 'set-settings', patch: { userRules: arguments[0] } }).then(() => done());", MANY_GAPS);
        browser.waiting().until(d -> browser.stored("compiled").path("lists").size() == 2);
        String options = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.WINDOW); // a window of its own: it keeps drawing frames
        String timeline = browser.driver.getWindowHandle();
        browser.driver.get("https://x.com/posts");
        browser.waiting().until(d -> d.findElements(By.cssSelector("article[data-testid=tweet]:not([data-wedgewatch=warn]):not([data-wedgewatch=pass])")).isEmpty());
        // Every answer taken (the reused cell's may come after it shows its new words), and judged on: two frames later.
        browser.driver.switchTo().window(options);
        browser.waiting().until(d -> tabAnswers().equals(List.of(5L)));
        browser.driver.switchTo().window(timeline);
        browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => done())));");

        List<WebElement> articles = browser.driver.findElements(By.cssSelector("article[data-testid=tweet]"));
        assertEquals(posts.length, articles.size());
        int long_ = 0;
        for (int i = 0; i < posts.length; i++) {
            String text = i == posts.length - 1 ? shown : posts[i][1];
            if (i == posts.length - 1) long_++; // its first words went to the background
            if (text.length() > LONG) long_++;
            List<Match> expected = engine.match(text);
            WebElement article = articles.get(i);
            assertEquals(expected.isEmpty() ? "pass" : "warn", article.getAttribute("data-wedgewatch"), posts[i][0] + ", " + text.length() + " characters");
            if (!expected.isEmpty()) {
                String panel = article.findElement(By.cssSelector("[data-wedgewatch-overlay]")).getShadowRoot()
                        .findElement(By.cssSelector(".panel")).getText();
                assertTrue(panel.contains(expected.get(0).explanation), posts[i][0] + ": " + panel);
            }
        }
        assertEquals(List.of("warn", "warn", "pass", "warn", "warn", "pass", "pass"),
                articles.stream().map(a -> a.getAttribute("data-wedgewatch")).toList(), "the posts say what they test");
        assertEquals(5, long_);
        browser.driver.switchTo().window(options);
        assertTrue(!engine.match(posts[posts.length - 1][1]).isEmpty(), "the answer for the reused cell's first words was a warning");
        assertEquals(List.of((long) long_), tabAnswers(), "each long post's words matched once in the background, no short one");
    }

    private static PatternList parse(String text) {
        PatternList list = ListParser.parse(text).list();
        if (list == null) throw new IllegalStateException("a list that does not parse");
        return list;
    }

    /** How many answers from the background each open tab on X has taken (its stats, as the popup asks). */
    @SuppressWarnings("unchecked")
    private List<Object> tabAnswers() {
        List<Object> stats = new ArrayList<>((List<Object>) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "chrome.tabs.query({}).then((tabs) => Promise.all(tabs.map((tab) =>"
                + "  chrome.tabs.sendMessage(tab.id, { type: 'tab-stats' }).catch(() => null))))"
                + ".then((answers) => done(answers.filter((a) => a).map((a) => a.far)));"));
        return stats;
    }
}
