package org.wedgewatch.browser.subscriptions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/** The toolbar popup, opened as a page: pausing for an hour and resuming. */
class PopupTest {
    private ExtensionBrowser browser;

    @BeforeEach
    void start() throws Exception {
        browser = new ExtensionBrowser();
        browser.driver.get("chrome-extension://" + browser.extensionId() + "/popup/popup.html");
        browser.waiting().until(d -> !d.findElement(By.id("tab-stats")).getText().isEmpty());
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
    }

    @Test
    void pauseLastsAnHourAndResumeEndsIt() {
        browser.driver.findElement(By.id("pause")).sendKeys(Keys.ENTER);
        browser.waiting().until(d -> d.findElement(By.id("resume")).isDisplayed());
        assertFalse(browser.driver.findElement(By.id("pause")).isDisplayed());
        assertTrue(browser.driver.findElement(By.id("paused")).getText().startsWith("Paused until"));
        long until = pausedUntil();
        long now = System.currentTimeMillis();
        assertTrue(until > now + 50 * 60_000L && until <= now + 60 * 60_000L, "paused for an hour: " + (until - now));

        browser.driver.findElement(By.id("resume")).sendKeys(Keys.ENTER);
        browser.waiting().until(d -> d.findElement(By.id("pause")).isDisplayed());
        assertTrue(pausedUntil() == 0);
    }

    private long pausedUntil() {
        Object v = ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "chrome.storage.local.get('settings').then((g) => done(g.settings.pausedUntil));");
        return ((Number) v).longValue();
    }
}
