// The fixture timeline (../shared/fixtures) served as X would serve it, for the Node browser tests
// and the page benchmark: HTTPS with a throwaway self-signed certificate, any path -> a page.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
export const repoRoot = path.resolve(here, "..", "..");
export const fixtures = path.resolve(repoRoot, "..", "shared", "fixtures");
export const firefoxBuild = path.join(repoRoot, "extension", "target", "firefox");
export const chromeBuild = path.join(repoRoot, "extension", "target", "chrome");

function certificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wedgewatch-tls-"));
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=x.com",
    "-addext", "subjectAltName=DNS:x.com,DNS:twitter.com,DNS:localhost"], { stdio: "ignore" });
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

/** Starts the server; pages maps a path to HTML, /home is the fixture timeline; headers go on every page. */
export async function serve(pages = {}, headers = {}) {
  const all = { "/home": fs.readFileSync(path.join(fixtures, "x-home-timeline.html")), ...pages };
  const server = https.createServer(certificate(), (req, res) => {
    const body = all[new URL(req.url, "https://x.com").pathname];
    res.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8", ...headers });
    res.end(body || "not found");
  });
  await new Promise((resolve) => server.listen(0, resolve));
  return { port: server.address().port, pages: all, close: () => new Promise((r) => server.close(r)) };
}

/** The texts file's verdicts, in page order. */
export function expectedTexts() {
  return fs.readFileSync(path.join(fixtures, "x-home-timeline.texts.jsonl"), "utf8")
    .split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/** An article warns when its own text or its quoted post's text should; textsPerPost from the page. */
export function expectedVerdicts(textsPerPost) {
  const texts = expectedTexts();
  let next = 0;
  const verdicts = textsPerPost.map((n) => {
    let warn = false;
    for (let k = 0; k < n; k++) warn = texts[next++].expect === "warn" || warn;
    return warn ? "warn" : "pass";
  });
  if (next !== texts.length) throw new Error(`the page has ${next} texts, the texts file ${texts.length}`);
  return verdicts;
}
