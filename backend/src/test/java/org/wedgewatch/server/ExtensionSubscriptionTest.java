package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The whole loop with the built extension in Chromium: a reader subscribes with the address from
 * a list's page, a maintainer publishes a new version in the console, the extension gets it.
 */
class ExtensionSubscriptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A copy of extension/target/chrome that already holds http://127.0.0.1/* as a granted host
     * permission: a headless browser cannot click the prompt the options page raises for a new
     * list server (the extension's own tests do the same).
     */
    static Path extensionGrantedLoopback() throws IOException {
        Path built = Path.of("../extension/target/chrome").toAbsolutePath().normalize();
        if (!Files.exists(built.resolve("manifest.json"))) throw new AssertionError("the extension is not built: " + built);
        Path copy = Files.createTempDirectory("ww-extension-");
        try (var paths = Files.walk(built)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = copy.resolve(built.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        ObjectNode manifest = (ObjectNode) JSON.readTree(copy.resolve("manifest.json").toFile());
        manifest.putArray("host_permissions").add("http://127.0.0.1/*");
        JSON.writeValue(copy.resolve("manifest.json").toFile(), manifest);
        return copy;
    }

    private static JsonNode demo(ConsoleBrowser b) throws IOException {
        return JSON.readTree(b.stored("lists")).path("demo");
    }

    @Test
    void aReaderSubscribesFromAListPageAndGetsTheVersionAMaintainerPublishes() throws Exception {
        try (TestServer s = TestServer.sqlite();
             ConsoleBrowser b = new ConsoleBrowser(extensionGrantedLoopback())) {
            String token = s.token("Example Coalition");
            assertEquals(201, s.http.publish("demo", token, TestLists.valid("demo", 1)).statusCode());
            String options = "chrome-extension://" + b.extensionId() + "/options/options.html";

            // The reader: the address from the list's page, pasted into the options page's "Add a list".
            b.open(s.http.base + "/lists/demo");
            String address = b.driver.findElement(By.id("list-url")).getAttribute("value");
            b.open(options);
            b.wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            b.driver.findElement(By.id("subscribe-url")).sendKeys(address, Keys.ENTER);
            b.waitForText("#subscribe-status", "Subscribed to");
            b.wait.until(d -> {
                try {
                    return demo(b).path("version").asInt() == 1;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            // The maintainer publishes version 2 from the console.
            b.open(s.http.base + "/console");
            b.driver.findElement(By.id("token")).sendKeys(token, Keys.ENTER);
            b.waitForText("h1", "Lists of Example Coalition");
            b.open(s.http.base + "/console/lists/demo/edit");
            b.driver.findElement(By.cssSelector("button[value=publish]")).click();
            b.waitForText("main", "Version 2 is published.");

            // The extension's next check gets it ("Check now" instead of waiting 6 hours).
            b.open(options);
            b.wait.until(d -> !d.findElements(By.id("list-demo-check")).isEmpty());
            b.driver.findElement(By.id("list-demo-check")).click();
            b.wait.until(d -> {
                try {
                    return demo(b).path("version").asInt() == 2;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(demo(b).path("text").asText().contains("! Version: 2"));
            b.waitForText("#list-demo-status", "Up to date.");
        }
    }
}
