// Firefox ESR with the real built extension (target/firefox), over WebDriver BiDi: the fixture
// timeline served as https://x.com gets the same verdicts as in Chromium, and one wording posted by
// four accounts gets the same-wording badge, which outlives a reload; a panel button works there too.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import puppeteer from "puppeteer-core";
import fs from "node:fs";
import path from "node:path";
import { expectedVerdicts, firefoxBuild, fixtures, serve } from "./x-fixture.mjs";

const FIREFOX = process.env.FIREFOX_BIN || "/usr/bin/firefox-esr";
let server;
let browser;

// Four harmless fixture posts rewritten (before the content script runs) into one wording with small
// edits, each by its own account, as X would have served them.
const REWRITES = [
  ["Reading the new report on union density by state. Wild how much it dropped since the 1950s.",
    "The party leadership never wanted you to win, they only wanted your vote in November.", "camp_a"],
  ["I think the platform should say more about child care. Writing my delegate today.",
    "The party leadership never wanted you to win, they just wanted your vote in November.", "camp_b"],
  ["Who else thinks the transit plan needs more bus lanes?",
    "The party leadership never wanted you to win. They only wanted your vote in November! #WakeUp", "camp_c"],
  ["Minimum wage ballot measure passed in three counties!",
    "RT @lakeview_voter: the party leadership never wanted you to win, they only wanted your vote in november", "camp_d"],
];

function fourAccountsPage() {
  const html = fs.readFileSync(path.join(fixtures, "x-home-timeline.html"), "utf8");
  const script = `<script>(() => { const rewrites = ${JSON.stringify(REWRITES)};
    for (const a of document.querySelectorAll('article[data-testid=tweet]')) {
      const t = a.querySelector('[data-testid=tweetText]'); if (!t) continue;
      const r = rewrites.find(([from]) => t.textContent === from); if (!r) continue;
      t.replaceChildren(document.createTextNode(r[1]));
      for (const s of a.querySelectorAll('[data-testid=User-Name] span'))
        if (s.children.length === 0 && s.textContent.startsWith('@')) s.textContent = '@' + r[2];
    } })();</script>`;
  const end = html.lastIndexOf("</body>");
  return html.slice(0, end) + script + html.slice(end);
}

before(async () => {
  server = await serve({ "/four": fourAccountsPage() });
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

/** post text -> the count its badge shows, once exactly `n` posts show a badge of 4. */
async function badgesOfFour(page, n) {
  await page.waitForFunction((n) => {
    const counts = [...document.querySelectorAll('article[data-testid="tweet"] > [data-wedgewatch-campaign]')]
      .map((h) => h.shadowRoot?.querySelector("[data-campaign-count]")?.getAttribute("data-campaign-count"));
    return counts.length === n && counts.every((c) => c === "4");
  }, { timeout: 30000 }, n);
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('article[data-testid="tweet"]')]
    .filter((a) => a.querySelector(":scope > [data-wedgewatch-campaign]"))
    .map((a) => [a.querySelector('[data-testid="tweetText"]').textContent,
      a.querySelector(":scope > [data-wedgewatch-campaign]").shadowRoot.querySelector("[data-campaign-count]").getAttribute("data-campaign-count")])));
}

test("one wording from four accounts is badged 4 in Firefox, and the count outlives a reload", async () => {
  const page = await browser.newPage();
  await page.goto(`https://x.com:${server.port}/four`);
  const expected = Object.fromEntries(REWRITES.map(([, text]) => [text, "4"]));
  assert.deepEqual(await badgesOfFour(page, 4), expected, "the four posts, and nothing else");
  await page.reload();
  assert.deepEqual(await badgesOfFour(page, 4), expected, "after a reload, from the stored history");
  await page.close();
});

// Runs last: the post it reveals stays revealed in this profile.
test("a panel's button acts in Firefox, and the click never reaches the page's listeners", async () => {
  const page = await browser.newPage();
  await judgedTimeline(page);
  await page.evaluate(() => {
    const a = [...document.querySelectorAll('article[data-wedgewatch="warn"]')].find((x) => x.getClientRects().length);
    a.id = "probe";
    window.reached = [];
    for (const type of ["click", "mousedown", "pointerdown"]) a.addEventListener(type, () => window.reached.push(type), true);
  });
  const show = await page.evaluateHandle(() => document.getElementById("probe")
    .querySelector("[data-wedgewatch-overlay]").shadowRoot.querySelector('button[data-action="show"]'));
  await show.click();
  await page.waitForFunction(() => document.getElementById("probe").getAttribute("data-wedgewatch") === "revealed", { timeout: 10000 });
  assert.deepEqual(await page.evaluate(() => window.reached), [], "X's handlers (here: the page's own) see nothing");
  await page.close();
});
