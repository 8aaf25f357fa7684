package org.wedgewatch.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The warning panel takes X's theme: X paints body's inline background (light, dim or dark), and
 * every panel on the page gets the same background and X's text colour for that theme. The fixture
 * was saved in the dark theme; the other two are the same page with X's other inline background.
 */
class ThemeTest {
    private static final String POSTS = "article[data-testid=\"tweet\"]";
    private static final String SAVED_BODY = "<body style=\"background-color: rgb(0, 0, 0);";

    private static String fixture;
    private static FixtureServer server;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        fixture = Files.readString(FixtureServer.FIXTURES.resolve("x-home-timeline.html"), StandardCharsets.UTF_8);
        assertTrue(fixture.contains(SAVED_BODY), "the fixture's body is painted inline, as X does");
        server = new FixtureServer();
        chromium = new Chromium(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
    }

    /** X's page background and text colour (#0f1419, #f7f9f9, #e7e9ea) for each theme. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "light; rgb(255, 255, 255); rgb(15, 20, 25)",
        "dim;   rgb(21, 32, 43);    rgb(247, 249, 249)",
        "dark;  rgb(0, 0, 0);       rgb(231, 233, 234)"})
    void everyPanelTakesThePageTheme(String theme, String background, String text) {
        open(theme, background);
        assertEquals(background, chromium.js("return getComputedStyle(document.body).backgroundColor"));
        assertEquals(List.of(background + " / " + text), panelColours());
    }

    /** X switches theme (Settings, Display) by repainting body in place, without loading the page again. */
    @Test
    void panelsFollowAThemeSwitchWithoutReload() {
        open("dark", "rgb(0, 0, 0)");
        assertEquals(List.of("rgb(0, 0, 0) / rgb(231, 233, 234)"), panelColours());
        chromium.js("document.body.style.backgroundColor = 'rgb(21, 32, 43)'");
        chromium.waiting().withMessage(() -> "panels after the switch to dim: " + panelColours())
                .until(d -> panelColours().equals(List.of("rgb(21, 32, 43) / rgb(247, 249, 249)")));
    }

    /** Opens the timeline with body painted as X paints it, and waits until every post is judged and one warned. */
    private static void open(String theme, String background) {
        server.page("/" + theme, fixture.replace(SAVED_BODY, "<body style=\"background-color: " + background + ";"));
        chromium.driver.get("https://x.com/" + theme);
        chromium.waiting().until(d -> (Boolean) chromium.js("const posts = [...document.querySelectorAll(arguments[0])];"
                + "return posts.length > 0 && posts.every(a => a.hasAttribute('data-wedgewatch'))"
                + " && posts.some(a => a.getAttribute('data-wedgewatch') === 'warn')", POSTS));
    }

    /** The distinct "background / colour" of the panels on the page. */
    @SuppressWarnings("unchecked")
    private static List<String> panelColours() {
        return (List<String>) chromium.js("return [...new Set([...document.querySelectorAll('[data-wedgewatch-overlay]')]"
                + ".map(h => getComputedStyle(h.shadowRoot.querySelector('.panel')))"
                + ".map(s => s.backgroundColor + ' / ' + s.color))]");
    }
}
