// The engine alone in Node, on the TeaVM output: per-post time at 10,000 rules, against a V8
// RegExp alternation of the same phrases (the naive way a browser extension would do it).
// Inputs: the texts of ../shared/corpora (real posts), else the fixture texts.
// Ends with one line: `bench: engine-js key=value ...`.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fixtures, repoRoot } from "../test/x-fixture.mjs";
import { corpusTexts } from "./corpus.mjs";
import { syntheticRules } from "./rules.mjs";
import { percentile } from "./stats.mjs";

const RULES = Number(process.env.RULES || 10000);
const POSTS = Number(process.env.POSTS || 20000);
const nodeDir = path.join(repoRoot, "extension", "target", "node");
const teavm = await import(path.join(nodeDir, "engine.mjs"));
const { createEngine } = await import(path.join(nodeDir, "engine-api.mjs"));
const engine = createEngine(teavm);

/** Up to `limit` corpus posts, else the fixture's texts. */
function benchTexts(limit) {
  const out = corpusTexts().slice(0, limit);
  if (!out.length) for (const l of fs.readFileSync(path.join(fixtures, "x-home-timeline.texts.jsonl"), "utf8").split("\n")) if (l) out.push(JSON.parse(l).text);
  return out;
}

function time(texts, fn) {
  for (let i = 0; i < Math.min(2000, texts.length); i++) fn(texts[i]); // warm up the JIT
  const us = new Float64Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const t0 = performance.now();
    fn(texts[i]);
    us[i] = (performance.now() - t0) * 1000;
  }
  return us.sort();
}

// The JVM benchmark's own inputs when `make bench` has written them (bench/engine WriteWorkload).
const workload = process.env.WORKLOAD_DIR;
const shared = workload && fs.existsSync(path.join(workload, "list.txt"));
const { text, phrases } = shared
  ? {
      text: fs.readFileSync(path.join(workload, "list.txt"), "utf8"),
      phrases: fs.readFileSync(path.join(workload, "phrases.txt"), "utf8").split("\n").filter(Boolean),
    }
  : syntheticRules(RULES);
const t0 = performance.now();
const matcher = engine.load([text]);
const compileMs = performance.now() - t0;
// Through JSON: flat strings, as a post's textContent is. Split from the file they would be V8
// sliced strings, slower to read than anything the content script matches.
const texts = JSON.parse(JSON.stringify(shared
  ? fs.readFileSync(path.join(workload, "texts.txt"), "utf8").split("\n").filter(Boolean).slice(0, POSTS)
  : benchTexts(POSTS)));
console.log(`inputs: ${shared ? "the JVM engine benchmark's list and texts (" + workload + ")" : "synthetic rules, corpus posts"}`);
const ww = time(texts, (t) => matcher.match(t));
const escaped = phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"));
// V8 refuses one alternation of 60,000 phrases ("Regular expression too large"): chunks of 5,000.
const CHUNK = 5000;
const chunks = [];
for (let i = 0; i < escaped.length; i += CHUNK) {
  chunks.push(new RegExp(`\\b(?:${escaped.slice(i, i + CHUNK).join("|")})\\b`, "i"));
}
const re = { test: (t) => chunks.some((r) => r.test(t)) };
const reTexts = texts.slice(0, Math.min(texts.length, Number(process.env.REGEX_POSTS || (shared ? 200 : 2000))));
const rx = time(reTexts, (t) => re.test(t));

const f = (x) => x.toFixed(2);
const p50 = percentile(ww, 0.5);
const p99 = percentile(ww, 0.99);
const rp50 = percentile(rx, 0.5);
console.log(`rules=${RULES} posts=${texts.length} compile=${compileMs.toFixed(0)}ms`);
console.log(`wedgewatch (TeaVM JS): p50 ${f(p50)} us, p99 ${f(p99)} us  (goal p50 <= 5, p99 <= 20)`);
console.log(`V8 RegExp alternation: p50 ${f(rp50)} us, p99 ${f(percentile(rx, 0.99))} us over ${reTexts.length} posts`);
console.log(`speed-up at p50: ${(rp50 / p50).toFixed(0)}x (goal >= 1000x)`);
console.log(`bench: engine-js rules=${RULES} posts=${texts.length} compile_ms=${compileMs.toFixed(0)} p50_us=${f(p50)} p99_us=${f(p99)}`
  + ` regex_p50_us=${f(rp50)} regex_p99_us=${f(percentile(rx, 0.99))} speedup_p50=${(rp50 / p50).toFixed(0)}`
  + ` goal_p50=${p50 <= 5 ? "met" : "missed"} goal_p99=${p99 <= 20 ? "met" : "missed"} goal_speedup=${rp50 / p50 >= 1000 ? "met" : "missed"}`);
