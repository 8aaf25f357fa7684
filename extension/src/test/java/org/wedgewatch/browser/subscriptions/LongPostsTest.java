package org.wedgewatch.browser.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.wedgewatch.browser.HeadlessChromium;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
 * it waits gets the verdict for those. The states each post shows say which went there: each long
 * one is "pending" until its answer comes, and no short one ever is.
 */
class LongPostsTest {
    private static final String MANY_GAPS = "! Title: Many gaps\n! Id: many-gaps\n! Version: 1\n\nrule gaps\n  family: F1 test\n"
            + "  explain: Six ab words close together.\n  match: ab *5 ab *5 ab *5 ab *5 ab *5 ab\n";
    /** Past the page's limit (content/long-posts.js LONG_CHARS, 1,000). */
    private static final int LONG = 1000;

    /**
     * The page's own script: records every state each post shows, and the moment the last post is
     * pending, shows other words (SHOWN) in its cell, as X does when it reuses a cell. The answer
     * for its first words must not land on it.
     */
    private static final String WATCH = "<script>const arts = [...document.querySelectorAll('article')]; window.seen = arts.map(() => []);"
            + "new MutationObserver(() => arts.forEach((a, i) => { const v = a.getAttribute('data-wedgewatch');"
            + "  if (!v || window.seen[i].at(-1) === v) return; window.seen[i].push(v);"
            + "  if (i === arts.length - 1 && v === 'pending') a.querySelector('[data-testid=tweetText]').replaceChildren('SHOWN'); }))"
            + ".observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-wedgewatch'] });</script>";

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
        String reusedFirst = "ab ".repeat(1400) + "reused"; // a warning, but X shows other words in its cell while it waits
        String shown = "ab one two three four five six ab";
        String[][] posts = {
            {"long_warn", "ab ".repeat(1334).strip()}, // 4,001 characters, matched at the start
            {"late_warn", spaced + "ab ab ab ab ab ab"}, // matched only at the end
            {"long_pass", spaced.strip()},
            {"longest", spaced.repeat(6) + "cd ".repeat(890) + "ab ab ab ab ab ab"}, // 24,977 characters, matched at the end
            {"short_warn", "ab ab ab ab ab ab"},
            {"short_pass", shown},
            {"twin", reusedFirst}, // the same words as the reused cell's first ones: its answer says theirs came
            {"reused", reusedFirst},
        };
        x.page("/posts", FixtureServer.postsPage(posts).replace("</body>", WATCH.replace("SHOWN", shown) + "</body>"));
        Matcher engine = ListCompiler.compile(List.of(parse(Files.readString(HeadlessChromium.repoRoot().resolve("lists/coalition-defense.txt"))), parse(MANY_GAPS)));
        assertTrue(!engine.match(reusedFirst).isEmpty(), "the reused cell's first words warn");

        browser.openOptions();
        browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "chrome.runtime.sendMessage({ type: 'set-settings', patch: { userRules: arguments[0] } }).then(() => done());", MANY_GAPS);
        browser.waiting().until(d -> browser.stored("compiled").path("lists").size() == 2);
        browser.driver.get("https://x.com/posts");
        browser.waiting().until(d -> d.findElements(By.cssSelector("article[data-testid=tweet]:not([data-wedgewatch=warn]):not([data-wedgewatch=pass])")).isEmpty());
        // The twin's answer was the reused cell's too: the page has been judged again on it, two frames on.
        browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => done())));");

        List<WebElement> articles = browser.driver.findElements(By.cssSelector("article[data-testid=tweet]"));
        assertEquals(posts.length, articles.size());
        @SuppressWarnings("unchecked")
        List<List<String>> seen = (List<List<String>>) browser.js("return window.seen;");
        for (int i = 0; i < posts.length; i++) {
            String text = posts[i][0].equals("reused") ? shown : posts[i][1];
            List<Match> expected = engine.match(text);
            String verdict = expected.isEmpty() ? "pass" : "warn";
            WebElement article = articles.get(i);
            assertEquals(verdict, article.getAttribute("data-wedgewatch"), posts[i][0] + ", " + text.length() + " characters");
            if (!expected.isEmpty()) {
                String panel = article.findElement(By.cssSelector("[data-wedgewatch-overlay]")).getShadowRoot()
                        .findElement(By.cssSelector(".panel")).getText();
                assertTrue(panel.contains(expected.get(0).explanation), posts[i][0] + ": " + panel);
            }
            // A long post waits for the background's answer; a short one is judged in the page.
            List<String> states = posts[i][1].length() > LONG ? List.of("pending", verdict) : List.of(verdict);
            assertEquals(states, seen.get(i), posts[i][0] + ": the states it showed");
        }
        assertEquals(List.of("warn", "warn", "pass", "warn", "warn", "pass", "warn", "pass"),
                articles.stream().map(a -> a.getAttribute("data-wedgewatch")).toList(), "the posts say what they test");
    }

    private static PatternList parse(String text) {
        PatternList list = ListParser.parse(text).list();
        if (list == null) throw new IllegalStateException("a list that does not parse");
        return list;
    }
}
