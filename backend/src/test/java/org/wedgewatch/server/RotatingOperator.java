package org.wedgewatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * An operator who keeps root keys offline and rotates the server's online key, and a reader
 * subscribed to the list "demo" in the built extension: what the key-rotation browser tests share.
 */
final class RotatingOperator {
    /** The operator's offline folder: root keys, roots, certificates, retired online keys. */
    final Path offline;
    /** The server's data folder. */
    final Path data;

    RotatingOperator(String name) throws IOException {
        offline = Files.createTempDirectory("ww-" + name + "-offline-");
        data = Files.createTempDirectory("ww-" + name + "-data-");
    }

    String off(String name) {
        return offline.resolve(name).toString();
    }

    /** The server on `port` (0: any) over the data folder, its keys made by the operator. */
    TestServer start(int port) throws Exception {
        return TestServer.start(null, c -> {
            c.dataDir = data;
            c.initKeys = false;
            c.port = port;
        });
    }

    /** Step 1 of "Rotating the online key": retire the old key offline and make a new one. */
    void retireOnlineKey(String oldKeyId) throws Exception {
        Path keys = data.resolve("keys");
        Files.createDirectories(keys.resolve("retired"));
        Files.move(keys.resolve("signing.pub"), keys.resolve("retired/" + oldKeyId + ".pub"));
        Files.move(keys.resolve("signing.key"), offline.resolve(oldKeyId + ".key"));
        KeyChainTest.keys("init", "--data", data.toString());
    }

    /** The SHA-256 fingerprint of the root in offline file `name`, as clients pin it. */
    String fingerprint(String name) throws Exception {
        String signed = KeyChainTest.JSON.readTree(offline.resolve(name).toFile()).path("signed").asText();
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signed.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fingerprint as the options page shows it: its first 16 hex digits in fours. */
    static String shortForm(String fingerprint) {
        return fingerprint.substring(0, 4) + " " + fingerprint.substring(4, 8) + " " + fingerprint.substring(8, 12) + " "
                + fingerprint.substring(12, 16);
    }

    /** The extension's stored entry for the list "demo". */
    static JsonNode demo(ConsoleBrowser b) {
        try {
            return KeyChainTest.JSON.readTree(b.stored("lists")).path("demo");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Subscribes the reader to "demo" on the server at `base` and waits for version 1; the options page's URL. */
    static String subscribe(ConsoleBrowser b, String base) {
        String options = "chrome-extension://" + b.extensionId() + "/options/options.html";
        b.open(options);
        b.wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        b.driver.findElement(By.id("subscribe-url")).sendKeys(base + "/api/v1/lists/demo", Keys.ENTER);
        b.waitForText("#subscribe-status", "Subscribed to");
        b.wait.until(d -> demo(b).path("version").asInt() == 1);
        return options;
    }
}
