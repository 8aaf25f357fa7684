package org.wedgewatch.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.WebElement;

/**
 * The panel speaks the browser's language, from the extension's _locales. On Linux Chromium takes
 * its UI language from LANGUAGE / LANG (--lang is ignored there), and only for a language whose
 * resources are installed: Debian's chromium-l10n package holds all but en-US.
 */
class LocaleTest {
    private static final Path LOCALES = HeadlessChromium.repoRoot().resolve("extension/src/_locales");
    private static final String POSTS = "article[data-testid=\"tweet\"]";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"es, es_ES.UTF-8, es.pak", "en, en_US.UTF-8, en-US.pak"})
    void thePanelReadsTheBrowsersLanguage(String language, String lang, String resources) throws Exception {
        JsonNode messages = messages(language);
        JsonNode other = messages(language.equals("es") ? "en" : "es");
        for (String key : new String[] {"overlay_show", "overlay_why", "overlay_not_wedge", "overlay_heading", "overlay_hide_again"}) {
            assertNotEquals(other.get(key), messages.get(key), key + " tells the languages apart");
        }
        assertTrue(Files.exists(Path.of("/usr/lib/chromium/locales", resources)),
                "Chromium falls back to en-US without " + resources + ": install chromium-l10n");

        try (FixtureServer server = new FixtureServer();
             Chromium chromium = new Chromium(server.port(), Map.of("LANGUAGE", language, "LANG", lang))) {
            chromium.driver.get("https://x.com/home");
            WebElement article = chromium.waiting().until(d -> (WebElement) chromium.js("return [...document.querySelectorAll(arguments[0])]"
                    + ".find(a => a.getAttribute('data-wedgewatch') === 'warn' && a.getClientRects().length)", POSTS));

            Map<String, Object> warned = panel(chromium, article, "");
            assertEquals(text(messages, "overlay_region"), warned.get("region"));
            assertEquals(text(messages, "overlay_heading"), warned.get("heading"));
            assertMatches(messages, "overlay_matched", (String) warned.get("line"));
            assertEquals(Map.of("show", text(messages, "overlay_show"), "why", text(messages, "overlay_why"),
                    "not-wedge", text(messages, "overlay_not_wedge")), warned.get("buttons"));
            String details = (String) panel(chromium, article, "why").get("details");
            assertMatches(messages, "overlay_rule", details);
            assertTrue(details.contains(text(messages, "overlay_examples")), details);

            panel(chromium, article, "show");
            // The panel is drawn again when the reveal is stored: read it once it has settled.
            Map<String, Object> revealed = chromium.waiting().until(d -> {
                Map<String, Object> p = panel(chromium, article, "");
                return text(messages, "overlay_revealed").equals(p.get("heading")) ? p : null;
            });
            assertEquals(Map.of("hide", text(messages, "overlay_hide_again"), "why", text(messages, "overlay_why"),
                    "not-wedge", text(messages, "overlay_not_wedge")), revealed.get("buttons"));
        }
    }

    /**
     * The panel's words, read in one script (it is drawn again when a reveal or a count arrives):
     * its label, heading, line, buttons by action and "Why?" box; clicking the button `click` first.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> panel(Chromium chromium, WebElement article, String click) {
        return (Map<String, Object>) chromium.js("const r = arguments[0].querySelector('[data-wedgewatch-overlay]').shadowRoot;"
                + "if (arguments[1]) r.querySelector('button[data-action=\"' + arguments[1] + '\"]').click();"
                + "const d = r.querySelector('.details');" // made when "Why?" is first opened
                + "return {region: r.querySelector('.panel').getAttribute('aria-label'),"
                + " heading: r.querySelector('.line strong').textContent, line: r.querySelector('.line').textContent,"
                + " buttons: Object.fromEntries([...r.querySelectorAll('button[data-action]')].map(b => [b.dataset.action, b.textContent])),"
                + " details: d && !d.hidden ? d.textContent : null}", article, click);
    }

    private static JsonNode messages(String language) throws Exception {
        return new ObjectMapper().readTree(LOCALES.resolve(language).resolve("messages.json").toFile());
    }

    private static String text(JsonNode messages, String key) {
        return messages.get(key).get("message").asText();
    }

    /** The message's own words, in order, around whatever fills its $1, $2...: a partial match of the text. */
    private static void assertMatches(JsonNode messages, String key, String actual) {
        StringBuilder regex = new StringBuilder();
        for (String part : text(messages, key).split("\\$\\d", -1)) {
            if (regex.length() > 0) regex.append(".+");
            regex.append(Pattern.quote(part));
        }
        assertTrue(Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).find(), key + " in: " + actual);
    }
}
