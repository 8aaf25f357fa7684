package org.wedgewatch.browser;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.WebElement;

/** Headless Chromium with the built extension loaded and x.com mapped to a local server. */
final class Chromium extends HeadlessChromium {
    Chromium(int port) throws IOException {
        this(port, Map.of());
    }

    /** env: added to the browser's environment (LANGUAGE picks its UI language on Linux). */
    Chromium(int port, Map<String, String> env) throws IOException {
        super(dir -> BUILT_EXTENSION, env,
                Stream.concat(Stream.of(FixtureServer.asX(port)), Stream.of("--window-size=1200,2000")).toArray(String[]::new));
    }

    /** Everything the warning panel of article says (its shadow root's text). */
    String panelText(WebElement article) {
        return (String) js("return arguments[0].querySelector('[data-wedgewatch-overlay]').shadowRoot.textContent", article);
    }

    /** Is the warning panel's "Why?" box made and open, and does its button say so? */
    boolean whyBoxOpen(WebElement article) {
        return Boolean.TRUE.equals(js("const r = arguments[0].querySelector('[data-wedgewatch-overlay]').shadowRoot;"
                + "const d = r.getElementById('ww-details');"
                + "return !!d && !d.hidden && r.querySelector('button[data-action=why]').getAttribute('aria-expanded') === 'true'", article));
    }
}
