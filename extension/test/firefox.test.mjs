// Firefox ESR with the real built extension (target/firefox), over WebDriver BiDi: the fixture
// timeline served as https://x.com gets the same verdicts as in Chromium.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import puppeteer from "puppeteer-core";
import { expectedVerdicts, firefoxBuild, serve } from "./x-fixture.mjs";

const FIREFOX = process.env.FIREFOX_BIN || "/usr/bin/firefox-esr";
let server;
let browser;

before(async () => {
  server = await serve();
  browser = await puppeteer.launch({
    browser: "firefox",
    protocol: "webDriverBiDi",
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      // x.com resolves to this machine: the content script's https://x.com/* pattern applies as on the real site.
      "network.dns.localDomains": "x.com,twitter.com",
      "network.dns.disableIPv6": true,
    },
  });
  await browser.installExtension(firefoxBuild);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function judgedTimeline(page) {
  await page.goto(`https://x.com:${server.port}/home`);
  await page.waitForFunction(() => {
    const posts = [...document.querySelectorAll('article[data-testid="tweet"]')];
    return posts.length > 0 && posts.every((a) => a.hasAttribute("data-wedgewatch"));
  }, { timeout: 30000 });
  return page.evaluate(() => [...document.querySelectorAll('article[data-testid="tweet"]')].map((a) => ({
    verdict: a.getAttribute("data-wedgewatch"),
    texts: a.querySelectorAll('[data-testid="tweetText"]').length,
    panel: a.querySelector("[data-wedgewatch-overlay]")?.shadowRoot?.textContent || "",
  })));
}

test("every post of the fixture timeline gets the verdict of its texts, in Firefox", async () => {
  const page = await browser.newPage();
  const posts = await judgedTimeline(page);
  assert.deepEqual(posts.map((p) => p.verdict), expectedVerdicts(posts.map((p) => p.texts)));
  for (const p of posts.filter((x) => x.verdict === "warn")) assert.match(p.panel, /Show post/);
  await page.close();
});
