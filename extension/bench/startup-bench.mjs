// A tab's start-up with a big list: how long the content script takes to load its lists, and how
// long after navigation the first post of a page is judged,
// in headless Chromium, with a list of RULES (10,000) rules stored beside the bundled one, and
// with the bundled list alone. Measured from the page (the post's data-wedgewatch attribute), so
// any unpacked build compares: EXTENSION_DIR=... measures another one. TABS tabs each (median).
// Ends with one line: `bench: startup key=value ...`.
import puppeteer from "puppeteer-core";
import { chromeBuild, serve } from "../test/x-fixture.mjs";
import { syntheticRules } from "./rules.mjs";
import { median } from "./stats.mjs";

const RULES = Number(process.env.RULES || 10000);
const TABS = Number(process.env.TABS || 7);
const EXTENSION = process.env.EXTENSION_DIR || chromeBuild;

// One post, and a page script that notes when the extension first judged it.
const PAGE = `<!doctype html><html><body><main>
<article data-testid="tweet"><div data-testid="User-Name"><span>Erin</span><span>@erin</span></div>
<div data-testid="tweetText"><span>Who else thinks the transit plan needs more bus lanes?</span></div></article>
</main><script>
const post = document.querySelector("article");
new MutationObserver(() => { if (post.hasAttribute("data-wedgewatch") && !window.judgedAt) window.judgedAt = performance.now(); })
  .observe(post, { attributes: true });
</script></body></html>`;

/**
 * In each of TABS fresh tabs: ms from navigation to the first judgement, and the content script's
 * own time to load its lists (costs.loadMs in its isolated world), and how many restored the
 * background's compiled form instead of compiling (costs.restored).
 */
async function tabs(browser) {
  const judged = [];
  const loads = [];
  const restored = [];
  for (let i = 0; i < TABS; i++) {
    const page = await browser.newPage();
    const cdp = await page.createCDPSession();
    const worlds = [];
    cdp.on("Runtime.executionContextCreated", (e) => {
      if (e.context.auxData && e.context.auxData.type === "isolated" && /Wedgewatch/.test(e.context.name)) worlds.push(e.context.id);
    });
    await cdp.send("Runtime.enable");
    await page.goto("https://x.com/one", { waitUntil: "load" });
    await page.waitForFunction(() => window.judgedAt, { timeout: 60000, polling: 20 });
    judged.push(await page.evaluate(() => window.judgedAt));
    const { result } = await cdp.send("Runtime.evaluate", { contextId: worlds.at(-1), returnByValue: true,
      expression: "[(globalThis.wedgewatchCosts || globalThis.Wedgewatch.costs).loadMs, globalThis.wedgewatchCosts?.restored]" });
    loads.push(result.value[0]);
    restored.push(result.value[1] === true);
    await page.close();
  }
  return { judged, loads, restored: restored.filter(Boolean).length };
}

/** Puts the big list in storage from one of the extension's own pages, as a subscription would. */
async function storeList(browser, id, text) {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${id}/popup/popup.html`);
  await page.evaluate(async (text) => {
    for (let i = 0; i < 100; i++) { // the background seeds the bundled list first
      if ((await chrome.storage.local.get("lists")).lists) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const { lists } = await chrome.storage.local.get("lists");
    lists.bench = { id: "bench", title: "Bench", text, version: 1, source: "url", url: "https://example.org/bench.txt",
      enabled: true, action: null, rules: [] };
    await chrome.storage.local.set({ lists });
  }, text);
  await page.close();
}

const server = await serve({ "/one": PAGE });
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_BIN || "/usr/bin/chromium", headless: true, acceptInsecureCerts: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--ignore-certificate-errors", "--no-first-run",
    `--host-resolver-rules=MAP x.com 127.0.0.1:${server.port}`,
    `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
  ignoreDefaultArgs: ["--disable-extensions"],
});
try {
  const worker = await browser.waitForTarget((t) => t.type() === "service_worker" && t.url().startsWith("chrome-extension://"));
  const id = new URL(worker.url()).host;
  await new Promise((r) => setTimeout(r, 1000));
  const bundled = await tabs(browser);
  await storeList(browser, id, syntheticRules(RULES).text);
  const big = await tabs(browser);
  const f = (x) => x.toFixed(0);
  console.log(`medians of ${TABS} tabs, ms: bundled list: loaded in ${f(median(bundled.loads))}, first post judged ${f(median(bundled.judged))} after navigation;`
    + ` with ${RULES} more rules: ${f(median(big.loads))}, ${f(median(big.judged))}`);
  console.log(`bench: startup rules=${RULES} tabs=${TABS} bundled_load_ms=${f(median(bundled.loads))} bundled_judged_ms=${f(median(bundled.judged))}`
    + ` big_load_ms=${f(median(big.loads))} big_judged_ms=${f(median(big.judged))} big_loads=${big.loads.map(f).join(",")}`
    + ` restored_tabs=${bundled.restored}/${TABS},${big.restored}/${TABS}`);
} finally {
  await browser.close();
  await server.close();
}
