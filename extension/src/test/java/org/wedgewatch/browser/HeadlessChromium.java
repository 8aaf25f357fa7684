package org.wedgewatch.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium with an unpacked extension, the base of every browser test's
 * browser. Drivers and the browser are named explicitly (no Selenium Manager: the network is
 * closed), and Chromium's own background traffic is off for the same reason. It owns a temporary
 * folder (the profile, and whatever the subclass puts there) and deletes it on close.
 */
public class HeadlessChromium implements AutoCloseable {
    /** The extension as the build leaves it. */
    public static final Path BUILT_EXTENSION = repoRoot().resolve("extension/target/chrome");

    public final ChromeDriver driver;
    protected final Path dir;

    /**
     * extension: an unpacked extension folder, made inside dir by prepare (or BUILT_EXTENSION);
     * env: added to the driver's environment, which the browser inherits (on Linux Chromium takes
     * its UI language from LANGUAGE / LANG, not from --lang); extraArgs: more Chromium switches.
     */
    protected HeadlessChromium(Extension extension, Map<String, String> env, String... extraArgs) throws IOException {
        if (!Files.exists(BUILT_EXTENSION.resolve("manifest.json"))) {
            throw new IllegalStateException("build the extension first (mvn package): " + BUILT_EXTENSION);
        }
        dir = Files.createTempDirectory("wedgewatch-chromium");
        Path unpacked = extension.prepare(dir);
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"),
                "--disable-extensions-except=" + unpacked, "--load-extension=" + unpacked);
        options.addArguments(extraArgs);
        driver = new ChromeDriver(new ChromeDriverService.Builder().withEnvironment(env).build(), options);
    }

    /** Where the browser loads the extension from, given the browser's temporary folder. */
    @FunctionalInterface
    protected interface Extension {
        Path prepare(Path dir) throws IOException;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs a script that ends by calling its last argument (for promises). */
    public Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** A 30-second wait that reads again when the page redrew an element it was reading. */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The extension's id, from its service worker's URL. */
    @SuppressWarnings("unchecked")
    public String extensionId() {
        return waiting().until(d -> {
            Map<String, Object> r = driver.executeCdpCommand("Target.getTargets", Map.of());
            for (Map<String, Object> t : (List<Map<String, Object>>) r.get("targetInfos")) {
                String url = String.valueOf(t.get("url"));
                if (url.startsWith("chrome-extension://")) return url.substring(19, url.indexOf('/', 19));
            }
            return null;
        });
    }

    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("extension/build.mjs"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("run from inside the repository");
        return p;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
