package org.wedgewatch.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium with an unpacked extension, for every browser test. Drivers and the
 * browser are named explicitly (no Selenium Manager: the network is closed), and Chromium's own
 * background traffic is off for the same reason.
 */
public final class HeadlessChromium {
    private HeadlessChromium() {
    }

    public static ChromeDriver launch(Path extension, Path profile, String... extraArgs) {
        return launch(extension, profile, Map.of(), extraArgs);
    }

    /**
     * With env added to the driver's environment, which the browser inherits: on Linux Chromium
     * takes its UI language from LANGUAGE / LANG, not from --lang.
     */
    public static ChromeDriver launch(Path extension, Path profile, Map<String, String> env, String... extraArgs) {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + profile,
                "--disable-extensions-except=" + extension, "--load-extension=" + extension);
        options.addArguments(extraArgs);
        return new ChromeDriver(new ChromeDriverService.Builder().withEnvironment(env).build(), options);
    }

    /** The extension's id, from its service worker's URL. */
    @SuppressWarnings("unchecked")
    public static String extensionId(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            Map<String, Object> r = driver.executeCdpCommand("Target.getTargets", Map.of());
            for (Map<String, Object> t : (List<Map<String, Object>>) r.get("targetInfos")) {
                String url = String.valueOf(t.get("url"));
                if (url.startsWith("chrome-extension://")) return url.substring(19, url.indexOf('/', 19));
            }
            return null;
        });
    }
}
