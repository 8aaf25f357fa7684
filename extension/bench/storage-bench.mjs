// What the extension keeps in storage.local, in JSON bytes (what Chrome counts against its
// quota): the bundled list as the background seeds it, and with a list of RULES (10,000) more
// rules, each with the compiled form the background stores for tabs. On the real engine (the
// TeaVM build in target/node), through the background's own functions. Ends with one line:
// `bench: storage key=value ...`.
import fs from "node:fs";
import { withDefaults } from "../src/common/defaults.js";
import { compileFor, sources } from "../src/engine/cache.js";
import { engine, Storage } from "../test/bg-fixtures.mjs";
import { syntheticRules } from "./rules.mjs";

const RULES = Number(process.env.RULES || 10000);
const BUNDLED = fs.readFileSync(new URL("../../lists/coalition-defense.txt", import.meta.url), "utf8");
const bytes = (value) => Buffer.byteLength(JSON.stringify(value));
const kb = (n) => Math.round(n / 1024);

/** {lists, texts, summaries, form, compiledLists, total} in bytes, for the stored lists `extra` adds to the bundled one. */
async function stored(extra) {
  let lists = Storage.seedBuiltin({}, BUNDLED, "lists/coalition-defense.txt", engine, Date.now());
  if (extra) lists = Storage.withRuleSummaries({ ...lists, bench: { id: "bench", title: "Bench", text: extra, enabled: true } }, engine);
  const compiled = await compileFor(engine, null, "bench", sources(lists, withDefaults(undefined)));
  const entries = Object.values(lists);
  return {
    lists: bytes(lists), texts: entries.reduce((n, e) => n + bytes(e.text), 0), summaries: entries.reduce((n, e) => n + bytes(e.rules), 0),
    form: bytes(compiled.form), compiledLists: bytes(compiled.lists), total: bytes(lists) + bytes(compiled),
  };
}

const bundled = await stored(null);
const big = await stored(syntheticRules(RULES).text);
for (const [name, s] of [["bundled list", bundled], [`with ${RULES} more rules`, big]]) {
  console.log(`${name}: ${kb(s.total)} KB in all; lists ${kb(s.lists)} KB (texts ${kb(s.texts)}, rule summaries ${kb(s.summaries)});`
    + ` compiled: form ${kb(s.form)} KB, lists' metadata and rules ${kb(s.compiledLists)} KB`);
}
console.log(`bench: storage rules=${RULES} bundled_kb=${kb(bundled.total)} big_kb=${kb(big.total)} big_texts_kb=${kb(big.texts)}`
  + ` big_summaries_kb=${kb(big.summaries)} big_form_kb=${kb(big.form)} big_compiled_lists_kb=${kb(big.compiledLists)}`
  + ` chrome_quota_share=${(big.total / (10 * 1024 * 1024)).toFixed(2)}`);
