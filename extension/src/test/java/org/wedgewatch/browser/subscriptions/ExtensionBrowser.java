package org.wedgewatch.browser.subscriptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.wedgewatch.browser.HeadlessChromium;

/**
 * Headless Chromium with a copy of the built extension (target/chrome) whose manifest also holds
 * http://127.0.0.1/* as a granted host permission. That is the test's only change: a headless
 * browser cannot click the permission prompt, and with the origin already granted,
 * permissions.request() in the options page resolves true at once, as after a reader's "Allow".
 */
final class ExtensionBrowser implements AutoCloseable {
    final ChromeDriver driver;
    private final Path dir;

    ExtensionBrowser() throws IOException {
        Path built = repoRoot().resolve("extension/target/chrome");
        if (!Files.exists(built.resolve("manifest.json"))) throw new IllegalStateException("build the extension first: " + built);
        dir = Files.createTempDirectory("wedgewatch-subscriptions");
        Path extension = dir.resolve("extension");
        copy(built, extension);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(extension.resolve("manifest.json").toFile());
        manifest.putArray("host_permissions").add("http://127.0.0.1/*");
        json.writerWithDefaultPrettyPrinter().writeValue(extension.resolve("manifest.json").toFile(), manifest);

        driver = HeadlessChromium.launch(extension, dir.resolve("profile"));
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String extensionId() {
        return HeadlessChromium.extensionId(driver);
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("extension/build.mjs"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("run from inside the repository");
        return p;
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

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
