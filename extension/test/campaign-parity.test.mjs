// The campaign detector compiled by TeaVM must fingerprint exactly as the JVM: the same 96 hex
// digits for every text of shared/'s campaign vectors (and the fixture texts), so the same pairs
// agree. Needs `mvn install` first (shared/target/classes and the TeaVM build).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fixtures, repoRoot } from "./x-fixture.mjs";

const VECTORS = path.join(repoRoot, "shared", "src", "test", "resources", "campaign-vectors.jsonl");
const SAME_SLOTS = 16; // Fingerprint.SAME_SLOTS

async function nodeEngine() {
  const teavm = await import(path.join(repoRoot, "extension", "target", "node", "engine.mjs"));
  const campaign = await import(path.join(repoRoot, "extension", "target", "node", "campaign.mjs"));
  const { createEngine } = await import(path.join(repoRoot, "extension", "target", "node", "engine-api.mjs"));
  return createEngine(teavm, campaign);
}

function jvmFingerprints(texts) {
  const r = spawnSync("java", ["-cp", path.join(repoRoot, "shared", "target", "classes"),
    path.join(repoRoot, "extension", "test", "jvm", "CampaignFingerprints.java")],
  { input: texts.map((t) => JSON.stringify(t)).join("\n") + "\n", encoding: "utf8", maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split("\n").slice(0, texts.length).map((l) => (l === "-" ? null : l));
}

/** Slots that agree between two hex fingerprints: 16 bands of two 12-bit slots (a test oracle). */
function agreement(a, b) {
  let same = 0;
  for (let i = 0; i < 96; i += 3) if (a.slice(i, i + 3) === b.slice(i, i + 3)) same++;
  return same;
}

const pairs = fs.readFileSync(VECTORS, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const extra = fs.readFileSync(path.join(fixtures, "x-home-timeline.texts.jsonl"), "utf8").split("\n")
  .filter((l) => l.trim()).map((l) => JSON.parse(l).text);

test("TeaVM fingerprints every vector and fixture text bit for bit as the JVM", async () => {
  const engine = await nodeEngine();
  const texts = [...pairs.flatMap((p) => [p.a, p.b]), ...extra, "", "🔥🔥🔥", "lone \ud800 surrogate words here and there"];
  const jvm = jvmFingerprints(texts);
  const js = texts.map((t) => engine.campaign.fingerprint(t));
  for (let i = 0; i < texts.length; i++) assert.equal(js[i], jvm[i], `text ${i}: ${JSON.stringify(texts[i])}`);
  assert.ok(js.filter(Boolean).length >= pairs.length, "most vectors have a fingerprint");
});

test("TeaVM agrees with the vectors on which pairs are the same wording", async () => {
  const engine = await nodeEngine();
  for (const p of pairs) {
    const a = engine.campaign.fingerprint(p.a);
    const b = engine.campaign.fingerprint(p.b);
    const same = a !== null && b !== null && agreement(a, b) >= SAME_SLOTS;
    assert.equal(same, p.same, `${JSON.stringify(p.a)} / ${JSON.stringify(p.b)}`);
  }
});

test("TeaVM counts distinct accounts, a repost once, and reloads its saved index", async () => {
  const c = (await nodeEngine()).campaign;
  const t0 = Date.UTC(2025, 5, 1);
  c.init(null);
  const pair = pairs.find((p) => p.same && !p.a.startsWith("RT"));
  assert.equal(c.observe(pair.a, "acct-a", t0, "/a/status/1"), 1);
  assert.equal(c.observe(pair.b, "acct-b", t0 + 1000, "/b/status/2"), 2);
  assert.equal(c.observe(pair.a, "acct-c", t0 + 2000, "/a/status/1"), 3, "acct-c reposted acct-a's post");
  assert.equal(c.observe(pair.a, "acct-c", t0 + 3000, "/a/status/1"), 3, "the same repost seen again");
  assert.equal(c.observe("thank you so much", "acct-d", t0, "/d/status/4"), -1);
  const saved = c.save();
  assert.equal(c.save(), null, "nothing new to save");
  assert.equal(c.init("WC2 corrupt"), false);
  assert.equal(c.details(pair.a, t0 + 4000).accounts, 0);
  assert.equal(c.init(saved), true);
  assert.deepEqual(c.details(pair.b, t0 + 4000), { accounts: 3, times: [t0, t0 + 1000, t0 + 2000] });
  c.configure(50000, 2500); // a window of 2.5 s: only the newest sighting is left
  assert.equal(c.details(pair.a, t0 + 4000).accounts, 1);
  c.clear();
  assert.equal(c.details(pair.a, t0 + 4000).accounts, 0);
  assert.match(c.save(), /^WC2/, "a cleared index is saved too");
});
