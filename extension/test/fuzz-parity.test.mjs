// The TeaVM engine must judge generated inputs exactly as the JVM engine: shared's
// ParityCorpusTest writes the fuzzer's lists and posts (from a fixed seed) with the JVM's problems
// and matches, and the build that runs in the browser must give the same, field for field.
// Needs `mvn install` first (shared's tests write the corpus; the extension module builds target/node).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { repoRoot } from "./x-fixture.mjs";

const CORPUS = path.join(repoRoot, "shared", "target", "fuzz-parity", "corpus.jsonl");

async function nodeEngine() {
  const teavm = await import(path.join(repoRoot, "extension", "target", "node", "engine.mjs"));
  const { createEngine } = await import(path.join(repoRoot, "extension", "target", "node", "engine-api.mjs"));
  return createEngine(teavm);
}

test("the TeaVM engine gives the JVM's problems and matches on the fuzzer's generated lists and posts", async () => {
  assert.ok(fs.existsSync(CORPUS), `${CORPUS} is missing: shared's tests write it (mvn install)`);
  const engine = await nodeEngine();
  const cases = fs.readFileSync(CORPUS, "utf8").split("\n").filter((l) => l).map((l) => JSON.parse(l));
  const differ = [];
  let judged = 0;
  let warned = 0;
  for (const c of cases) {
    const problems = engine.check(c.list).problems;
    if (JSON.stringify(problems) !== JSON.stringify(c.problems)) differ.push({ list: c.list, jvm: c.problems, js: problems });
    const parses = c.posts[0].matches !== null;
    const loaded = engine.load([c.list]);
    try {
      assert.equal(!!loaded.lists[0].list, parses, `the list parses on one side only:\n${c.list}`);
      if (!parses) continue;
      for (const post of c.posts) {
        const matches = loaded.match(post.text);
        judged++;
        if (matches.length) warned++;
        if (JSON.stringify(matches) !== JSON.stringify(post.matches)) differ.push({ list: c.list, post: post.text, jvm: post.matches, js: matches });
      }
    } finally {
      loaded.release();
    }
  }
  assert.deepEqual(differ.slice(0, 3), [], `${differ.length} of ${cases.length} lists judged differently`);
  // The comparison means something only if many lists parsed and many posts warned.
  assert.ok(judged >= 1000 && warned >= 200, `${judged} posts judged, ${warned} warned`);
});
