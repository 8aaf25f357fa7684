package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The documented rotations with the built extension in Chromium and the real server: a reader
 * subscribes (the extension pins the server's root), the operator rotates the online key, then
 * the root, each time restarting the server and publishing a new version, and every "Check now"
 * gets the new version with no signature error. The list's card on the options page shows the
 * root pinned each time, short, with the whole fingerprint in its tooltip and on its copy button,
 * as the server's own page for the list shows it.
 */
class KeyRotationBrowserTest {
    private final RotatingOperator op = new RotatingOperator("rotation");
    private final Path offline = op.offline;
    private final Path data = op.data;

    KeyRotationBrowserTest() throws IOException {
    }

    /** Steps 1 and 2 of "Rotating the online key": retire the old key, make a new one, certify it under `root`. */
    private void newOnlineKey(String oldKeyId, String root, String cert, String... rootKeys) throws Exception {
        op.retireOnlineKey(oldKeyId);
        KeyChainTest.keys("certify", "--root", op.off(root), "--data", data.toString(), "--out", op.off(cert));
        for (String k : rootKeys) KeyChainTest.keys("sign", op.off(cert), "--key", op.off(k + ".key"));
    }

    private static String certifiedKey(Path cert) throws Exception {
        String signed = KeyChainTest.JSON.readTree(cert.toFile()).path("signed").asText();
        return KeyChainTest.JSON.readTree(signed).path("key").path("id").asText();
    }

    /** "Check now" on the options page until the stored list is at `version`; the card says it is up to date. */
    private static JsonNode checkNowUntil(ConsoleBrowser b, String options, int version) {
        b.open(options);
        b.wait.until(d -> !d.findElements(By.id("list-demo-check")).isEmpty());
        b.driver.findElement(By.id("list-demo-check")).click();
        b.wait.until(d -> RotatingOperator.demo(b).path("version").asInt() == version || !RotatingOperator.demo(b).path("lastError").isNull());
        JsonNode demo = RotatingOperator.demo(b);
        assertEquals("null", demo.path("lastError").toString(), "no error after the rotation");
        assertEquals(version, demo.path("version").asInt());
        b.waitForText("#list-demo-status", "Up to date.");
        return demo;
    }

    /** The card shows the pinned root short (16 hex digits in fours), the whole fingerprint in its tooltip. */
    private static void cardShowsRoot(ConsoleBrowser b, String fingerprint) {
        String shortForm = RotatingOperator.shortForm(fingerprint);
        b.wait.until(d -> d.findElements(By.id("list-demo-root")).stream().anyMatch(e -> e.getText().equals(shortForm)));
        WebElement root = b.driver.findElement(By.id("list-demo-root"));
        assertEquals("Root fingerprint (SHA-256): " + fingerprint, root.getAttribute("title"));
        assertEquals("Pinned root", root.findElement(By.xpath("../preceding-sibling::dt[1]")).getText());
        b.driver.findElement(By.id("list-demo-root-copy")).click();
        b.waitForText("#list-demo-root-copy", "Copied");
        // Reading the clipboard back needs a permission a reader never grants: the test grants it.
        b.driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("clipboardReadWrite"),
                "origin", "chrome-extension://" + b.extensionId()));
        Object copied = b.driver.executeAsyncScript(
                "const done = arguments[0]; navigator.clipboard.readText().then(done, (e) => done('refused: ' + e));");
        assertEquals(fingerprint, copied, "the copy button copies the whole fingerprint");
    }

    /** The publisher's list page shows the same short form, so a reader can compare the two. */
    private static void listPageShowsRoot(ConsoleBrowser b, String base, String fingerprint) {
        String onCard = b.driver.findElement(By.id("list-demo-root")).getText();
        b.open(base + "/lists/demo");
        WebElement root = b.driver.findElement(By.id("root-fingerprint"));
        assertEquals(onCard, root.getText());
        assertEquals(fingerprint, root.getAttribute("title"));
    }

    @Test
    void theExtensionFollowsARotatedOnlineKeyAndARotatedRoot() throws Exception {
        ChainFixture.build(offline, data); // roots 1 and 2, the online key certified under root 2
        TestServer s = op.start(0);
        int port = s.server.port();
        try (ConsoleBrowser b = new ConsoleBrowser(ExtensionSubscriptionTest.extensionGrantedLoopback())) {
            String token = s.token("Example Coalition");
            assertEquals(201, s.http.publish("demo", token, TestLists.valid("demo", 1)).statusCode());
            String options = RotatingOperator.subscribe(b, s.http.base);
            JsonNode subscribed = RotatingOperator.demo(b);
            // Trust on first use of root 1, walked to root 2: what it pins.
            assertEquals(op.fingerprint("root-2.json"), subscribed.path("pinnedRoot").asText());
            b.open(options);
            cardShowsRoot(b, op.fingerprint("root-2.json"));
            listPageShowsRoot(b, s.http.base, op.fingerprint("root-2.json"));
            String firstKey = subscribed.path("signingKey").path("id").asText();
            assertEquals(certifiedKey(offline.resolve("cert-2.json")), firstKey);

            // The online key rotates, certified by root 2's key d; the server restarts with it.
            s.close();
            newOnlineKey(firstKey, "root-2.json", "cert-2b.json", "d");
            KeyChainTest.keys("activate", "--data", data.toString(), "--root", op.off("root-1.json"), "--root", op.off("root-2.json"),
                    "--cert", op.off("cert-2b.json"));
            s = op.start(port);
            assertEquals(201, s.http.publish("demo", token, TestLists.valid("demo", 2)).statusCode());
            JsonNode afterKey = checkNowUntil(b, options, 2);
            String secondKey = afterKey.path("signingKey").path("id").asText();
            assertNotEquals(firstKey, secondKey);
            assertEquals(certifiedKey(offline.resolve("cert-2b.json")), secondKey);
            assertEquals(subscribed.path("pinnedRoot").asText(), afterKey.path("pinnedRoot").asText());

            // The root rotates: root 3 (key e) signed by root 2's d and by its own e, and a new online key under it.
            KeyChainTest.keys("root-key", "--out", offline.toString(), "--name", "e");
            KeyChainTest.keys("root", "--version", "3", "--threshold", "1", "--key", op.off("e.pub"), "--out", op.off("root-3.json"));
            KeyChainTest.keys("sign", op.off("root-3.json"), "--key", op.off("d.key"), "--key", op.off("e.key"));
            s.close();
            newOnlineKey(secondKey, "root-3.json", "cert-3.json", "e");
            KeyChainTest.keys("activate", "--data", data.toString(), "--root", op.off("root-1.json"), "--root", op.off("root-2.json"),
                    "--root", op.off("root-3.json"), "--cert", op.off("cert-3.json"));
            s = op.start(port);
            assertEquals(201, s.http.publish("demo", token, TestLists.valid("demo", 3)).statusCode());
            JsonNode afterRoot = checkNowUntil(b, options, 3);
            assertEquals(op.fingerprint("root-3.json"), afterRoot.path("pinnedRoot").asText());
            cardShowsRoot(b, op.fingerprint("root-3.json"));
            listPageShowsRoot(b, s.http.base, op.fingerprint("root-3.json"));
            assertEquals(certifiedKey(offline.resolve("cert-3.json")), afterRoot.path("signingKey").path("id").asText());
        } finally {
            s.close();
        }
    }
}
