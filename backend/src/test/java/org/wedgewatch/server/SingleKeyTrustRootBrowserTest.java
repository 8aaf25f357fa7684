package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A subscription made while its server had one key and no chain, after the operator moved to a
 * root and a new online key that the root certifies (the old key's certificate gone): with the
 * built extension in Chromium and the real server, "Check now" keeps the last good list and
 * trusts nothing, the list's card says why updates stopped and shows the root the server offers,
 * short with the whole fingerprint in its tooltip, and its one button trusts that root in place:
 * the new version arrives and the reader's settings for the list stay.
 */
class SingleKeyTrustRootBrowserTest {
    private final Path offline = Files.createTempDirectory("ww-trust-root-offline-");
    private final Path data = Files.createTempDirectory("ww-trust-root-data-");

    SingleKeyTrustRootBrowserTest() throws IOException {
    }

    private String off(String name) {
        return offline.resolve(name).toString();
    }

    private TestServer start(int port) throws Exception {
        return TestServer.start(null, c -> {
            c.dataDir = data;
            c.initKeys = false;
            c.port = port;
        });
    }

    private static JsonNode demo(ConsoleBrowser b) {
        try {
            return KeyChainTest.JSON.readTree(b.stored("lists")).path("demo");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReaderTrustsTheOfferedRootInOneStepAndKeepsTheListsSettings() throws Exception {
        KeyChainTest.keys("init", "--data", data.toString());
        TestServer s = start(0);
        int port = s.server.port();
        try (ConsoleBrowser b = new ConsoleBrowser(ExtensionSubscriptionTest.extensionGrantedLoopback())) {
            String token = s.token("Example Coalition");
            assertEquals(201, s.http.publish("demo", token, TestLists.valid("demo", 1)).statusCode());
            String options = "chrome-extension://" + b.extensionId() + "/options/options.html";
            b.open(options);
            b.wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            b.driver.findElement(By.id("subscribe-url")).sendKeys(s.http.base + "/api/v1/lists/demo", Keys.ENTER);
            b.waitForText("#subscribe-status", "Subscribed to");
            b.wait.until(d -> demo(b).path("version").asInt() == 1);
            String oldKey = demo(b).path("keyId").asText();
            assertTrue(demo(b).path("pinnedRoot").isNull(), "one key pinned, no root");
            b.open(options);
            b.wait.until(d -> !d.findElements(By.id("list-demo-action")).isEmpty());
            new Select(b.driver.findElement(By.id("list-demo-action"))).selectByValue("blur");
            b.wait.until(d -> "blur".equals(demo(b).path("action").asText()));

            // The operator moves to a root: the old key retired, a new one certified by root 1.
            s.close();
            Path keys = data.resolve("keys");
            Files.createDirectories(keys.resolve("retired"));
            Files.move(keys.resolve("signing.pub"), keys.resolve("retired/" + oldKey + ".pub"));
            Files.move(keys.resolve("signing.key"), offline.resolve(oldKey + ".key"));
            KeyChainTest.keys("init", "--data", data.toString());
            KeyChainTest.keys("root-key", "--out", offline.toString(), "--name", "a");
            KeyChainTest.keys("root", "--version", "1", "--threshold", "1", "--key", off("a.pub"), "--out", off("root-1.json"));
            KeyChainTest.keys("sign", off("root-1.json"), "--key", off("a.key"));
            KeyChainTest.keys("certify", "--root", off("root-1.json"), "--data", data.toString(), "--out", off("cert-1.json"));
            KeyChainTest.keys("sign", off("cert-1.json"), "--key", off("a.key"));
            KeyChainTest.keys("activate", "--data", data.toString(), "--root", off("root-1.json"), "--cert", off("cert-1.json"));
            s = start(port);
            assertEquals(201, s.http.publish("demo", token, TestLists.valid("demo", 2)).statusCode());
            String root = fingerprint(offline.resolve("root-1.json"));

            // "Check now": refused, the last good list kept, nothing trusted.
            b.open(options);
            b.wait.until(d -> !d.findElements(By.id("list-demo-check")).isEmpty());
            b.driver.findElement(By.id("list-demo-check")).click();
            b.wait.until(d -> !demo(b).path("lastError").isNull());
            assertEquals(1, demo(b).path("version").asInt(), "the last good list stays");
            assertTrue(demo(b).path("pinnedRoot").isNull(), "the root is not trusted silently");
            b.wait.until(d -> !d.findElements(By.id("list-demo-trust-root")).isEmpty());
            String note = b.text("#list-demo-key-note");
            assertTrue(note.contains(oldKey) && note.contains("certifies another key") && note.contains("The list you have stays in use"), note);
            WebElement offered = b.driver.findElement(By.id("list-demo-offered-root"));
            assertEquals(root.substring(0, 4) + " " + root.substring(4, 8) + " " + root.substring(8, 12) + " " + root.substring(12, 16), offered.getText());
            assertEquals("Root fingerprint (SHA-256): " + root, offered.getAttribute("title"));
            assertEquals("Root offered", offered.findElement(By.xpath("../preceding-sibling::dt[1]")).getText());

            // The one step: trusted in place, checked at once.
            b.driver.findElement(By.id("list-demo-trust-root")).click();
            b.wait.until(d -> demo(b).path("version").asInt() == 2);
            JsonNode after = demo(b);
            assertEquals(root, after.path("pinnedRoot").asText());
            assertEquals("null", after.path("lastError").toString());
            assertEquals("null", after.path("keyNote").toString());
            assertEquals("blur", after.path("action").asText(), "the reader's settings for the list stay");
            b.waitForText("#list-demo-status", "Up to date.");
            assertEquals(root, b.driver.findElement(By.id("list-demo-root")).getAttribute("data-fingerprint"));
            assertTrue(b.driver.findElements(By.id("list-demo-trust-root")).isEmpty(), "nothing more to trust");
        } finally {
            s.close();
        }
    }

    private static String fingerprint(Path root) throws Exception {
        String signed = KeyChainTest.JSON.readTree(root.toFile()).path("signed").asText();
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
