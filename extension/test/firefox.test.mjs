// Firefox ESR with the real built extension (target/firefox), over WebDriver BiDi: the fixture
// timeline served as https://x.com gets the same verdicts as in Chromium, and one wording posted by
// four accounts gets the same-wording badge, which outlives a reload; a panel button works there too;
// long posts are matched by Firefox's background script and get the engine's verdict.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import puppeteer from "puppeteer-core";
import fs from "node:fs";
import path from "node:path";
import { engine } from "./bg-fixtures.mjs";
import { expectedVerdicts, firefoxBuild, fixtures, repoRoot, serve } from "./x-fixture.mjs";

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

// Two posts past the 1,000 characters a tab matches itself (content/long-posts.js): a warn example
// of the bundled list at the end of a long post, and the same long post without it.
const DEFAULT_LIST = fs.readFileSync(path.join(repoRoot, "lists", "coalition-defense.txt"), "utf8");
const WARN_EXAMPLE = DEFAULT_LIST.split("\n").map((l) => l.trim()).find((l) => l.startsWith("warn:")).slice(5).trim();
const PADDING = "Notes from the county fair: the pie contest, the tractor pull and the parade route. ".repeat(20);
const LONG_POSTS = [PADDING + WARN_EXAMPLE, PADDING.trim()];

function longPostsPage() {
  const posts = LONG_POSTS.map((text, i) => `<div data-testid="cellInnerDiv"><article data-testid="tweet" role="article">`
    + `<div data-testid="User-Name"><span>Member</span><span>@long_${i}</span></div>`
    + `<div data-testid="tweetText"><span>${text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</span></div></article></div>`).join("");
  // Every state each post shows, in order: the page sees the wait for the background's answer.
  const watch = `<script>window.seen = [[], []]; const arts = document.querySelectorAll('article');
    new MutationObserver(() => arts.forEach((a, i) => { const v = a.getAttribute('data-wedgewatch');
      if (v && window.seen[i].at(-1) !== v) window.seen[i].push(v); }))
      .observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-wedgewatch'] });</script>`;
  return `<!doctype html><html><head><title>X</title></head><body><main>${posts}</main>${watch}</body></html>`;
}

before(async () => {
  server = await serve({ "/four": fourAccountsPage(), "/long": longPostsPage() });
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

test("long posts are matched in Firefox's background and get the engine's verdict", async () => {
  const loaded = engine.load([DEFAULT_LIST]);
  const expected = LONG_POSTS.map((t) => (loaded.match(t).length ? "warn" : "pass"));
  loaded.release();
  assert.deepEqual(expected, ["warn", "pass"], "the posts test what they say");
  assert.ok(LONG_POSTS.every((t) => t.length > 1000));
  const page = await browser.newPage();
  await page.goto(`https://x.com:${server.port}/long`);
  await page.waitForFunction(() => [...document.querySelectorAll("article")].every((a) => ["warn", "pass"].includes(a.getAttribute("data-wedgewatch"))), { timeout: 30000 });
  assert.deepEqual(await page.evaluate(() => window.seen), expected.map((v) => ["pending", v]), "each waited for the background, then got its verdict");
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
