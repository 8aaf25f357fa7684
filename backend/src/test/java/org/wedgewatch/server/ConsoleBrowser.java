package org.wedgewatch.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the pages' browser tests, named explicitly (no Selenium Manager:
 * the network is closed), with keyboard helpers and the axe-core check.
 */
final class ConsoleBrowser implements AutoCloseable {
    /** axe-core as npm installed it from backend/package-lock.json. */
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");

    final ChromeDriver driver;
    final WebDriverWait wait;

    ConsoleBrowser() throws Exception {
        this(null);
    }

    /** With an unpacked extension loaded (null: none). */
    ConsoleBrowser(Path extension) throws Exception {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1280,1000", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("ww-console-chromium-"));
        if (extension != null) {
            options.addArguments("--disable-extensions-except=" + extension, "--load-extension=" + extension);
        }
        driver = new ChromeDriver(new ChromeDriverService.Builder().build(), options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class); // a page that is being replaced by the next one
    }

    void open(String url) {
        driver.get(url);
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    WebElement active() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until the focused element satisfies the check; fails after 60 presses. */
    WebElement tabTo(java.util.function.Predicate<WebElement> check, String what) {
        for (int i = 0; i < 60; i++) {
            active().sendKeys(Keys.TAB);
            WebElement a = active();
            if (check.test(a)) return a;
        }
        throw new AssertionError("Tab never reached " + what);
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** Waits until the element's text contains the words. */
    void waitForText(String css, String words) {
        wait.withMessage(() -> css + " never said '" + words + "'").until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(words);
        });
    }

    /** axe-core's violations of impact serious or critical on the open page, as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() throws Exception {
        if (!Files.exists(AXE)) throw new AssertionError("axe-core is missing: " + AXE.toAbsolutePath() + " (npm ci in backend/)");
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
        Object result = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
                + " targets: v.nodes.map(n => String(n.target)).join(' | ')})))).catch(e => done([{id: 'axe-error', impact: 'critical', targets: String(e)}]));");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) out.add(v.get("id") + " (" + impact + "): " + v.get("targets"));
        }
        return out;
    }

    /** The loaded extension's id, from its service worker's URL. */
    @SuppressWarnings("unchecked")
    String extensionId() {
        return wait.until(d -> {
            Map<String, Object> r = driver.executeCdpCommand("Target.getTargets", Map.of());
            for (Map<String, Object> t : (List<Map<String, Object>>) r.get("targetInfos")) {
                String url = String.valueOf(t.get("url"));
                if (url.startsWith("chrome-extension://")) return url.substring(19, url.indexOf('/', 19));
            }
            return null;
        });
    }

    /** What the extension keeps in chrome.storage.local under key, read from one of its own pages. */
    String stored(String key) {
        return (String) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "chrome.storage.local.get(arguments[0]).then((g) => done(JSON.stringify(g[arguments[0]] || {})));", key);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
