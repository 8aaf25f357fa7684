package org.wedgewatch.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium with the built extension (target/chrome) loaded and x.com mapped to a local server. */
final class Chromium implements AutoCloseable {
    static final Path EXTENSION = FixtureServer.repoRoot().resolve("extension/target/chrome");

    final ChromeDriver driver;
    private final Path profile;

    Chromium(int port) throws IOException {
        this(port, Map.of());
    }

    /** env: added to the browser's environment (LANGUAGE picks its UI language on Linux). */
    Chromium(int port, Map<String, String> env) throws IOException {
        if (!Files.exists(EXTENSION.resolve("manifest.json"))) {
            throw new IllegalStateException("build the extension first (mvn package): " + EXTENSION);
        }
        profile = Files.createTempDirectory("wedgewatch-chromium");
        String[] args = Stream.concat(Stream.of(FixtureServer.asX(port)), Stream.of("--window-size=1200,2000")).toArray(String[]::new);
        driver = HeadlessChromium.launch(EXTENSION, profile, env, args);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs a script that ends by calling its last argument (for promises). */
    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
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

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    String extensionId() {
        return HeadlessChromium.extensionId(driver);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }
}
