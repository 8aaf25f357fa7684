package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
    private final RotatingOperator op = new RotatingOperator("trust-root");
    private final Path offline = op.offline;
    private final Path data = op.data;

    SingleKeyTrustRootBrowserTest() throws IOException {
    }

    @Test
    void theReaderTrustsTheOfferedRootInOneStepAndKeepsTheListsSettings() throws Exception {
        KeyChainTest.keys("init", "--data", data.toString());
        TestServer s = op.start(0);
        int port = s.server.port();
        try (ConsoleBrowser b = new ConsoleBrowser(ExtensionSubscriptionTest.extensionGrantedLoopback())) {
            String token = s.token("Example Coalition");
            assertEquals(201, s.http.publish("demo", token, TestLists.valid("demo", 1)).statusCode());
            String options = RotatingOperator.subscribe(b, s.http.base);
            String oldKey = RotatingOperator.demo(b).path("keyId").asText();
            assertTrue(RotatingOperator.demo(b).path("pinnedRoot").isNull(), "one key pinned, no root");
            b.open(options);
            b.wait.until(d -> !d.findElements(By.id("list-demo-action")).isEmpty());
            new Select(b.driver.findElement(By.id("list-demo-action"))).selectByValue("blur");
            b.wait.until(d -> "blur".equals(RotatingOperator.demo(b).path("action").asText()));

            // The operator moves to a root: the old key retired, a new one certified by root 1.
            s.close();
            op.retireOnlineKey(oldKey);
            KeyChainTest.keys("root-key", "--out", offline.toString(), "--name", "a");
            KeyChainTest.keys("root", "--version", "1", "--threshold", "1", "--key", op.off("a.pub"), "--out", op.off("root-1.json"));
            KeyChainTest.keys("sign", op.off("root-1.json"), "--key", op.off("a.key"));
            KeyChainTest.keys("certify", "--root", op.off("root-1.json"), "--data", data.toString(), "--out", op.off("cert-1.json"));
            KeyChainTest.keys("sign", op.off("cert-1.json"), "--key", op.off("a.key"));
            KeyChainTest.keys("activate", "--data", data.toString(), "--root", op.off("root-1.json"), "--cert", op.off("cert-1.json"));
            s = op.start(port);
            assertEquals(201, s.http.publish("demo", token, TestLists.valid("demo", 2)).statusCode());
            String root = op.fingerprint("root-1.json");

            // "Check now": refused, the last good list kept, nothing trusted.
            b.open(options);
            b.wait.until(d -> !d.findElements(By.id("list-demo-check")).isEmpty());
            b.driver.findElement(By.id("list-demo-check")).click();
            b.wait.until(d -> !RotatingOperator.demo(b).path("lastError").isNull());
            assertEquals(1, RotatingOperator.demo(b).path("version").asInt(), "the last good list stays");
            assertTrue(RotatingOperator.demo(b).path("pinnedRoot").isNull(), "the root is not trusted silently");
            b.wait.until(d -> !d.findElements(By.id("list-demo-trust-root")).isEmpty());
            String note = b.text("#list-demo-key-note");
            assertTrue(note.contains(oldKey) && note.contains("certifies another key") && note.contains("The list you have stays in use"), note);
            WebElement offered = b.driver.findElement(By.id("list-demo-offered-root"));
            assertEquals(RotatingOperator.shortForm(root), offered.getText());
            assertEquals("Root fingerprint (SHA-256): " + root, offered.getAttribute("title"));
            assertEquals("Root offered", offered.findElement(By.xpath("../preceding-sibling::dt[1]")).getText());

            // The one step: trusted in place, checked at once.
            b.driver.findElement(By.id("list-demo-trust-root")).click();
            b.wait.until(d -> RotatingOperator.demo(b).path("version").asInt() == 2);
            JsonNode after = RotatingOperator.demo(b);
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
}
