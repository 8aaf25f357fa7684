package org.wedgewatch.server;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;

/**
 * Takes the README's screenshots of the catalogue, a list page and the reports inbox: the default
 * list on a fresh server with a few invented reports, in headless Chromium. Not a test; run with
 * the test classpath and the repository root as argument (see docs/server-api.md).
 */
public final class PageScreenshots {
    private PageScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "..");
        try (TestServer s = TestServer.sqlite(); ConsoleBrowser b = new ConsoleBrowser()) {
            String token = s.token("Wedgewatch");
            String list = Files.readString(root.resolve("lists/coalition-defense.txt"));
            if (s.http.publish("coalition-defense", token, list).statusCode() != 201) throw new IllegalStateException("publish failed");
            String[][] reports = {
                {"real-racists", "false-positive", "Quoting the troll in my mentions: progressives are the real racists. Blocked and moving on."},
                {"real-racists", "false-positive", "Our seminar asked whether the left are the real racists; every speaker said no."},
                {"real-racists", "missed-smear", "Honestly the libs are the biggest racists of all."},
                {"faction-lost-election", "false-positive", null},
                {"moscow-pocket", "false-positive", "The old line that Democrats are in Moscow's pocket is back, and it is still false."},
            };
            for (String[] r : reports) {
                String body = "{\"rule\":\"" + r[0] + "\",\"verdict\":\"" + r[1] + "\""
                        + (r[2] == null ? "" : ",\"text\":" + ReportsTest.JSON.writeValueAsString(r[2])) + "}";
                s.http.post("/api/v1/lists/coalition-defense/reports", "application/json", body);
            }
            String base = s.http.base;
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1000));
            shoot(b, base + "/", root.resolve("docs/screenshot-catalogue.png"));
            shoot(b, base + "/lists/coalition-defense", root.resolve("docs/screenshot-list-page.png"));
            b.open(base + "/console");
            b.driver.findElement(By.id("token")).sendKeys(token, Keys.ENTER);
            b.waitForText("h1", "Lists of");
            shoot(b, base + "/console/lists/coalition-defense/reports", root.resolve("docs/screenshot-reports-inbox.png"));
        }
    }

    private static void shoot(ConsoleBrowser b, String url, Path file) throws Exception {
        b.open(url);
        Files.write(file, b.driver.getScreenshotAs(OutputType.BYTES));
        System.out.println("wrote " + file);
    }
}
