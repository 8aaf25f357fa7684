// The campaign detector in Node, on the TeaVM output: with 50,000 sightings stored,
// the time to fingerprint one post and look it up (campaign.observe, which does both and records
// it), and the size of the saved index. Inputs: the texts of ../shared/corpora (real posts; each
// seen from a few accounts, as a timeline would) topped up with generated wordings.
// Ends with one line: `bench: campaign key=value ...`.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { repoRoot } from "../test/x-fixture.mjs";
import { corpusTexts } from "./corpus.mjs";
import { percentile, rng } from "./stats.mjs";

const STORED = Number(process.env.STORED || 50000);
const POSTS = Number(process.env.POSTS || 20000);
const nodeDir = path.join(repoRoot, "extension", "target", "node");
const teavm = await import(path.join(nodeDir, "engine.mjs"));
const campaign = await import(path.join(nodeDir, "campaign.mjs"));
const { createEngine } = await import(path.join(nodeDir, "engine-api.mjs"));
const c = createEngine(teavm, campaign).campaign;

/** Made-up posts of 8-30 words from a vocabulary of 5,000 made-up words of 3-9 letters: each a different wording. */
function generated(n, rand) {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const vocab = Array.from({ length: 5000 }, () =>
    Array.from({ length: 3 + Math.floor(rand() * 7) }, () => letters[Math.floor(rand() * 26)]).join(""));
  return Array.from({ length: n }, () => Array.from({ length: 8 + Math.floor(rand() * 22) },
    () => vocab[Math.floor(rand() * vocab.length)]).join(" "));
}

const rand = rng(7);
const corpus = corpusTexts();
// Through JSON, as chrome.runtime messages deliver posts to the background: flat strings. Cut from
// the file they would be V8 sliced strings, slower to read than anything the extension receives.
const texts = JSON.parse(JSON.stringify([...corpus, ...generated(Math.max(0, STORED + POSTS - corpus.length), rand)]));
// Shuffled, so corpus and generated posts mix in both phases.
for (let i = texts.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [texts[i], texts[j]] = [texts[j], texts[i]];
}
const account = () => "acct" + Math.floor(rand() * 20000);
const t0 = Date.UTC(2025, 5, 1);
const STEP = 1000; // a post a second: 70,000 posts fit well inside the 7-day window

c.init(null);
c.configure(50000, 7 * 24 * 3600 * 1000);
let now = t0;
let i = 0;
// Fill until 50,000 sightings are held (texts without a fingerprint are not stored).
const fillStart = performance.now();
let held = 0;
while (held < STORED && i < texts.length) {
  if (c.observe(texts[i], account(), (now += STEP), "/s/" + i) >= 0) held++;
  i++;
}
const fillMs = performance.now() - fillStart;

// Measured: each further post is fingerprinted and looked up (and recorded, evicting the oldest).
const us = new Float64Array(POSTS);
let withFingerprint = 0;
for (let k = 0; k < POSTS; k++) {
  const text = texts[i % texts.length];
  const acct = account();
  const key = "/s/" + i++;
  now += STEP;
  const start = performance.now();
  const n = c.observe(text, acct, now, key);
  us[k] = (performance.now() - start) * 1000;
  if (n >= 0) withFingerprint++;
}
us.sort();

const saveStart = performance.now();
const saved = c.save();
const saveMs = performance.now() - saveStart;
const loadStart = performance.now();
c.init(saved);
const loadMs = performance.now() - loadStart;
const bytes = Buffer.byteLength(saved, "utf8");

const f = (x) => x.toFixed(2);
const p50 = percentile(us, 0.5);
const p99 = percentile(us, 0.99);
console.log(`stored=${held} measured=${POSTS} posts (${withFingerprint} with a fingerprint); corpus texts ${corpus.length}; fill ${fillMs.toFixed(0)} ms`);
console.log(`fingerprint + lookup (TeaVM JS): p50 ${f(p50)} us, p99 ${f(p99)} us  (goal p99 <= 20)`);
console.log(`saved index: ${(bytes / 1e6).toFixed(2)} MB (goal <= 5), save ${saveMs.toFixed(0)} ms, load ${loadMs.toFixed(0)} ms`);
console.log(`bench: campaign stored=${held} posts=${POSTS} p50_us=${f(p50)} p99_us=${f(p99)} storage_bytes=${bytes}`
  + ` save_ms=${saveMs.toFixed(0)} load_ms=${loadMs.toFixed(0)}`
  + ` goal_p99=${p99 <= 20 ? "met" : "missed"} goal_storage=${bytes <= 5e6 ? "met" : "missed"}`);
