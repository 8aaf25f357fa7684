// One post matched with the CPU's caches cold, as the first post of each frame on the page is
// (docs/extension.md, "Figures today"): the engine in Node on the TeaVM output, the fixture's
// warned and passing texts against the bundled list (LIST=file for another), each matched
// - cold: after walking 64 MB, more than the L3, so the engine's code and data are both out;
// - after another post: the same, but another post was matched first (code and the data every
//   post reads are back; what this post's own words reach in the automaton is not);
// - warm: right after matching it.
// The first kind is the engine's share of the page's p99 (the read and the panel, cold too, are
// the rest); it grows with the automaton (the compiled form's length stands for its size).
// Ends with one line: `bench: cold-match key=value ...`.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { expectedTexts, repoRoot } from "../test/x-fixture.mjs";
import { percentile } from "./stats.mjs";

const ROUNDS = Number(process.env.ROUNDS || 600);
const EVICT_BYTES = 64 << 20;
const LINE = 64;

const nodeDir = path.join(repoRoot, "extension", "target", "node");
const { createEngine } = await import(path.join(nodeDir, "engine-api.mjs"));
const engine = createEngine(await import(path.join(nodeDir, "engine.mjs")));
const list = fs.readFileSync(process.env.LIST || path.join(repoRoot, "lists", "coalition-defense.txt"), "utf8");
const matcher = engine.load([list]);
if (!matcher.lists[0].list) throw new Error(`the list does not load: ${JSON.stringify(matcher.lists[0].problems[0])}`);

const evicting = new Uint8Array(EVICT_BYTES);
function evictCaches() {
  for (let i = 0; i < evicting.length; i += LINE) evicting[i]++;
}

/** us per match, sorted, of each kind, over ROUNDS rounds through texts. */
function measure(texts) {
  for (let r = 0; r < 3000; r++) for (const t of texts) matcher.match(t); // the JIT's optimized code
  const cold = [], afterAnother = [], warm = [];
  const time = (text) => {
    const t0 = performance.now();
    matcher.match(text);
    return (performance.now() - t0) * 1000;
  };
  for (let r = 0; r < ROUNDS; r++) {
    const text = texts[r % texts.length];
    evictCaches();
    cold.push(time(text));
    evictCaches();
    matcher.match(texts[(r + 1) % texts.length]);
    afterAnother.push(time(text));
    warm.push(time(text));
  }
  return [cold, afterAnother, warm].map((a) => a.sort((x, y) => x - y));
}

const texts = expectedTexts();
const f = (x) => x.toFixed(1);
const out = [`form_chars=${matcher.save().length}`];
for (const kind of ["warn", "pass"]) {
  const of = texts.filter((t) => t.expect === kind).map((t) => t.text);
  const [cold, afterAnother, warm] = measure(of);
  console.log(`${kind} (${of.length} texts): cold p50 ${f(percentile(cold, 0.5))} p90 ${f(percentile(cold, 0.9))} us;`
    + ` after another post p50 ${f(percentile(afterAnother, 0.5))} us; warm p50 ${f(percentile(warm, 0.5))} us`);
  out.push(`${kind}_cold_p50_us=${f(percentile(cold, 0.5))}`, `${kind}_cold_p90_us=${f(percentile(cold, 0.9))}`,
    `${kind}_after_another_p50_us=${f(percentile(afterAnother, 0.5))}`, `${kind}_warm_p50_us=${f(percentile(warm, 0.5))}`);
}
console.log(`compiled form: ${matcher.save().length} characters`);
console.log(`bench: cold-match rounds=${ROUNDS} ${out.join(" ")}`);
matcher.release();
