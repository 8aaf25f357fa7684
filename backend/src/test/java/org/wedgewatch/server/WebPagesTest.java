package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The public pages over HTTP: what they show, in which language, and that list text stays text. */
class WebPagesTest {
    static final String PAYLOAD = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

    static String hostile(String id, long version) {
        return String.join("\n",
                "! Title: Hostile " + PAYLOAD,
                "! Id: " + id,
                "! Description: Described as " + PAYLOAD,
                "! Maintainer: Mallory " + PAYLOAD,
                "! Homepage: javascript:alert(3)",
                "! Version: " + version,
                "! Expires: 2 days",
                "",
                "group left: leftists, progressives",
                "",
                "rule real-racists",
                "  family: F2 " + PAYLOAD,
                "  explain: Explained " + PAYLOAD,
                "  match: {left} are the real racists",
                "  warn: Progressives are the real racists.",
                "  pass: " + PAYLOAD,
                "");
    }

    @Test
    void catalogueAndListPageShowWhatReadersNeedAndKeepMarkupInert() throws Exception {
        try (TestServer s = TestServer.sqlite()) {
            String token = s.token("Example Coalition");
            assertEquals(201, s.http.publish("plain", token, TestLists.valid("plain", 1)).statusCode());
            assertEquals(201, s.http.publish("hostile", token, hostile("hostile", 1)).statusCode());

            HttpResponse<String> home = s.http.getText("/");
            assertEquals(200, home.statusCode());
            assertTrue(home.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            assertTrue(home.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
            String catalogue = home.body();
            for (String want : new String[] {"Test list plain", "A list the tests publish.", "Example Coalition",
                    "every 6 hours", "every 2 days", "href=\"/lists/plain\""}) {
                assertTrue(catalogue.contains(want), want + " in the catalogue");
            }
            assertInert(catalogue);

            String page = s.http.getText("/lists/hostile").body();
            assertInert(page);
            assertTrue(page.contains("Explained &lt;script&gt;alert(1)&lt;/script&gt;"), "the explanation shows as text");
            assertFalse(page.contains("href=\"javascript:"), "a list cannot make a javascript: link");
            assertTrue(page.contains("Progressives are the real racists."), "warn examples are shown");
            assertTrue(page.contains("value=\"http://127.0.0.1:" + s.server.port() + "/api/v1/lists/hostile\""),
                    "the address to paste into the extension");
            assertTrue(page.contains("Add a list"), "the page names the options page's own words");
        }
    }

    private static void assertInert(String html) {
        assertFalse(html.contains("<script>alert"), "no script from a list");
        assertFalse(html.contains("<img src=x"), "no element from a list");
        assertFalse(html.contains("\"><img"), "no attribute break-out");
    }

    @Test
    void spanishByAcceptLanguageOrSwitchAndTheSwitchIsRemembered() throws Exception {
        try (TestServer s = TestServer.sqlite()) {
            assertEquals(201, s.http.publish("plain", s.token("g"), TestLists.valid("plain", 1)).statusCode());
            assertTrue(s.http.getText("/").body().contains("<html lang=\"en\">"));
            String es = s.http.getText("/", "Accept-Language", "es-ES,es;q=0.9,en;q=0.8").body();
            assertTrue(es.contains("<html lang=\"es\">") && es.contains("Listas de patrones") && es.contains("cada 6 horas"));
            assertTrue(s.http.getText("/", "Accept-Language", "fr, en;q=0.5, es;q=0.4").body().contains("Pattern lists"));
            HttpResponse<String> switched = s.http.getText("/lists/plain?lang=es");
            assertTrue(switched.body().contains("Suscribirse en Wedgewatch"));
            String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.startsWith("ww_lang=es;"), cookie);
            assertTrue(s.http.getText("/", "Cookie", "ww_lang=es", "Accept-Language", "en").body().contains("Listas de patrones"));
            assertTrue(s.http.getText("/?lang=en", "Cookie", "ww_lang=es").body().contains("Pattern lists"));
        }
    }

    @Test
    void historyShowsTheDifferenceBetweenAnyTwoVersions() throws Exception {
        try (TestServer s = TestServer.sqlite()) {
            String token = s.token("g");
            assertEquals(201, s.http.publish("plain", token, TestLists.valid("plain", 1)).statusCode());
            String v2 = TestLists.valid("plain", 2).replace("  pass: Republicans", "  pass: Leftists are not the real racists.\n  pass: Republicans");
            assertEquals(201, s.http.publish("plain", token, v2).statusCode());
            assertEquals(201, s.http.publish("plain", token, TestLists.valid("plain", 3)).statusCode());
            String page = s.http.getText("/lists/plain").body();
            assertTrue(page.contains("action=\"/lists/plain/diff\"") && page.contains("<option value=\"1\""));
            String diff = s.http.getText("/lists/plain/diff?from=1&to=2").body();
            assertTrue(diff.contains("class=\"added\""), diff);
            assertTrue(diff.contains("Leftists are not the real racists."));
            assertTrue(diff.contains("! Version: 2"));
            String back = s.http.getText("/lists/plain/diff?from=2&to=3").body();
            assertTrue(back.contains("class=\"removed\"") && back.contains("Leftists are not the real racists."));
            assertEquals(404, s.http.getText("/lists/plain/diff?from=1&to=9").statusCode());
            assertEquals(400, s.http.getText("/lists/plain/diff?from=x&to=2").statusCode());
        }
    }

    @Test
    void unknownPagesAreHtmlAndTheApiStaysJson() throws Exception {
        try (TestServer s = TestServer.sqlite()) {
            HttpResponse<String> missing = s.http.getText("/lists/no-such-list");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            assertTrue(missing.body().contains("No list &quot;no-such-list&quot; is published here."));
            HttpResponse<String> bad = s.http.getText("/lists/%3Cscript%3E");
            assertEquals(404, bad.statusCode());
            assertFalse(bad.body().contains("<script>"));
            HttpResponse<String> api = s.http.getText("/api/v1/nothing");
            assertEquals(404, api.statusCode());
            assertTrue(api.body().startsWith("{\"error\""), api.body());
            HttpResponse<String> engine = s.http.getText("/static/engine.js");
            assertEquals(200, engine.statusCode());
            assertTrue(engine.body().contains("stageList"), "the TeaVM build the extension ships");
            assertTrue(s.http.getText("/static/engine.js").body().contains("globalThis.WedgewatchEngine = engine"));
            assertEquals(404, s.http.getText("/static/..%2Fmessages-en.properties").statusCode());
        }
    }
}
