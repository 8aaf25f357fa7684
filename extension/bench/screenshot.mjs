// Takes docs/screenshot-warned-post.png for the README: the fixture timeline in headless Chromium
// with the built extension, cropped to the first warned post on screen.
import path from "node:path";
import puppeteer from "puppeteer-core";
import { chromeBuild, repoRoot, serve } from "../test/x-fixture.mjs";

const server = await serve();
const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM_BIN || "/usr/bin/chromium", headless: true,
  ignoreDefaultArgs: ["--disable-extensions"], acceptInsecureCerts: true,
  args: ["--no-sandbox", "--disable-gpu", `--host-resolver-rules=MAP x.com 127.0.0.1:${server.port}`, "--window-size=1200,1600",
    `--disable-extensions-except=${chromeBuild}`, `--load-extension=${chromeBuild}`] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 1600, deviceScaleFactor: 1 });
  await page.goto("https://x.com/home");
  const post = await page.waitForFunction(() => [...document.querySelectorAll('article[data-wedgewatch="warn"]')]
    .find((a) => a.getClientRects().length && a.getBoundingClientRect().height > 100), { timeout: 30000 });
  await post.asElement().screenshot({ path: path.join(repoRoot, "docs", "screenshot-warned-post.png") });
} finally {
  await browser.close();
  await server.close();
}
