package org.wedgewatch.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium with the built extension (target/chrome) loaded and x.com mapped to a local server. */
final class Chromium implements AutoCloseable {
    static final Path EXTENSION = FixtureServer.repoRoot().resolve("extension/target/chrome");

    final ChromeDriver driver;
    private final Path profile;

    Chromium(int port) throws IOException {
        if (!Files.exists(EXTENSION.resolve("manifest.json"))) {
            throw new IllegalStateException("build the extension first (mvn package): " + EXTENSION);
        }
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        profile = Files.createTempDirectory("wedgewatch-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--ignore-certificate-errors", "--window-size=1200,2000",
                "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP x.com 127.0.0.1:" + port + ", MAP twitter.com 127.0.0.1:" + port,
                "--disable-extensions-except=" + EXTENSION, "--load-extension=" + EXTENSION);
        driver = new ChromeDriver(options);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs a script that ends by calling its last argument (for promises). */
    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** The extension's id, from its service worker's URL. */
    @SuppressWarnings("unchecked")
    String extensionId() {
        return waiting().until(d -> {
            Map<String, Object> r = driver.executeCdpCommand("Target.getTargets", Map.of());
            for (Map<String, Object> t : (List<Map<String, Object>>) r.get("targetInfos")) {
                String url = String.valueOf(t.get("url"));
                if (url.startsWith("chrome-extension://")) return url.substring(19, url.indexOf('/', 19));
            }
            return null;
        });
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }
}
