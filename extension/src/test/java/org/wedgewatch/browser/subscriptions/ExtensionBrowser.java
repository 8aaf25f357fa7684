package org.wedgewatch.browser.subscriptions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.By;
import org.wedgewatch.browser.HeadlessChromium;

/**
 * Headless Chromium with a copy of the built extension whose manifest also holds
 * http://127.0.0.1/* as a granted host permission. That is the test's only change: a headless
 * browser cannot click the permission prompt, and with the origin already granted,
 * permissions.request() in the options page resolves true at once, as after a reader's "Allow".
 */
final class ExtensionBrowser extends HeadlessChromium {
    /** extraArgs: more Chromium switches (a test that also opens x.com maps it to a local server). */
    ExtensionBrowser(String... extraArgs) throws IOException {
        super(ExtensionBrowser::grantedCopy, Map.of(), extraArgs);
    }

    private static Path grantedCopy(Path dir) throws IOException {
        Path extension = dir.resolve("extension");
        copy(BUILT_EXTENSION, extension);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(extension.resolve("manifest.json").toFile());
        manifest.putArray("host_permissions").add("http://127.0.0.1/*");
        json.writerWithDefaultPrettyPrinter().writeValue(extension.resolve("manifest.json").toFile(), manifest);
        return extension;
    }

    /** What the extension keeps in chrome.storage.local under key, read from one of its own pages. */
    JsonNode stored(String key) {
        Object raw = jsAsync("const done = arguments[arguments.length - 1];"
                + "chrome.storage.local.get(arguments[0]).then((g) => done(JSON.stringify(g[arguments[0]] || {})));", key);
        try {
            return new ObjectMapper().readTree((String) raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the options page and waits until it shows the lists. */
    void openOptions() {
        driver.get("chrome-extension://" + extensionId() + "/options/options.html");
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready"))
                && !d.findElements(By.cssSelector("article.list")).isEmpty());
    }

    /** Subscribes to url from the open options page, as a reader does, and waits for list id's card. */
    void subscribe(String url, String id) {
        var input = driver.findElement(By.id("subscribe-url"));
        input.clear();
        input.sendKeys(url);
        driver.findElement(By.cssSelector("#subscribe-form button[type=submit]")).click();
        waiting().until(d -> {
            String s = d.findElement(By.id("subscribe-status")).getText();
            if (s.startsWith("Subscribed to") || d.findElement(By.id("subscribe-status")).getAttribute("class").contains("error")) return s;
            return null;
        });
        String status = driver.findElement(By.id("subscribe-status")).getText();
        assertTrue(status.startsWith("Subscribed to"), status);
        waiting().until(d -> !d.findElements(By.id("list-" + id)).isEmpty());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
