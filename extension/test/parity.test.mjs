// The engine compiled by TeaVM must judge exactly as the JVM engine: the same texts through
// `java -jar backend/target/wedgewatch.jar match` and `node target/node/match.mjs`, line by line.
// Needs `mvn package` first (both builds).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fixtures, repoRoot } from "./x-fixture.mjs";

const JAR = path.join(repoRoot, "backend", "target", "wedgewatch.jar");
const NODE_CLI = path.join(repoRoot, "extension", "target", "node", "match.mjs");
const LIST = path.join(repoRoot, "lists", "coalition-defense.txt");
const CORPORA = path.resolve(fixtures, "..", "corpora");

/** The text column of an RFC 4180 CSV file. */
function csvTexts(file) {
  const s = fs.readFileSync(file, "utf8");
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const col = rows[0].indexOf("text");
  return rows.slice(1).map((r) => r[col]).filter((t) => typeof t === "string");
}

function jsonl(file) {
  return fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l).text);
}

/** Engine test vectors, wherever shared/ keeps them (*.jsonl with a "text" field under src/test). */
function vectorTexts() {
  const dir = path.join(repoRoot, "shared", "src", "test");
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(".jsonl"))
    .flatMap((f) => jsonl(path.join(dir, f)).filter((t) => typeof t === "string"));
}

/** What normalization must treat alike on both sides: look-alikes, leetspeak, emoji, odd code units. */
const TRICKY = [
  "Ｐｒｏｇｒｅｓｓｉｖｅｓ are the real racists", "L3ftists are the real raci$ts", "L e f t i s t s are the real racists",
  "𝐋𝐞𝐟𝐭𝐢𝐬𝐭𝐬 are the real racists", "Lеftists are the real racists", "Left\u200bists are the real racists",
  "Leeeftists are the reeeal racists", "#BernieBros are the real racists", "Leftists...are...the...real...racists",
  "leftists r the real racists", "Leftists 🔥 are 🔥 the real racists", "Leftists aren’t the real racists",
  "Progressives are the real racists, said no one", "the lie that progressives are the real racists",
  "lone \ud800 surrogate leftists are the real racists", "😀😀😀", "", " ", "\t", "ÀÉÎÕÜ ß ﬁ Ⅻ ㊙",
];

/** The engine over the ES-module build, as match.mjs loads it. */
async function nodeEngine() {
  const teavm = await import(path.join(repoRoot, "extension", "target", "node", "engine.mjs"));
  const { createEngine } = await import(path.join(repoRoot, "extension", "target", "node", "engine-api.mjs"));
  return createEngine(teavm);
}

function run(cmd, args, input) {
  const r = spawnSync(cmd, args, { input, maxBuffer: 1 << 30, encoding: "utf8" });
  assert.equal(r.status, 0, `${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout.split("\n").filter((l) => l);
}

test("the TeaVM engine judges every text exactly as the JVM engine", () => {
  const texts = [
    ...fs.readdirSync(fixtures).filter((f) => f.endsWith(".texts.jsonl")).flatMap((f) => jsonl(path.join(fixtures, f))),
    ...vectorTexts(),
    ...TRICKY,
    ...(fs.existsSync(CORPORA) ? fs.readdirSync(CORPORA).filter((f) => f.endsWith(".csv")).flatMap((f) => csvTexts(path.join(CORPORA, f))) : []),
  ];
  const input = texts.map((text, id) => JSON.stringify({ id, text })).join("\n") + "\n";
  const jvm = run("java", ["-jar", JAR, "match", "--list", LIST], input);
  const js = run(process.execPath, [NODE_CLI, "--list", LIST], input);
  assert.equal(js.length, jvm.length);
  const differ = [];
  for (let i = 0; i < jvm.length; i++) {
    const a = JSON.parse(jvm[i]);
    const b = JSON.parse(js[i]);
    if (a.verdict !== b.verdict || JSON.stringify(a.matches) !== JSON.stringify(b.matches)) differ.push({ jvm: a, js: b });
  }
  assert.deepEqual(differ.slice(0, 5), [], `${differ.length} of ${jvm.length} texts judged differently`);
  assert.ok(jvm.some((l) => JSON.parse(l).verdict === "warn"), "some texts warn");
});

test("the default list's own examples hold in the TeaVM engine too", async () => {
  const engine = await nodeEngine();
  const text = fs.readFileSync(LIST, "utf8");
  const { problems, list } = engine.check(text);
  assert.deepEqual(problems, []);
  const matcher = engine.load([text]);
  for (const rule of list.rules) {
    for (const w of rule.warn) assert.ok(matcher.match(w).some((m) => m.rule === rule.id), `${rule.id} warns on: ${w}`);
    for (const p of rule.pass) assert.ok(!matcher.match(p).some((m) => m.rule === rule.id), `${rule.id} passes: ${p}`);
  }
});

test("list problems are the same in the TeaVM engine as in the list tool's check", async () => {
  const engine = await nodeEngine();
  const broken = [
    "! Title: t\n! Id: Bad Id\n! Version: x\ngroup g: a, b\nrule r\n  match: {nope} are *9 bad\n  explain: \n",
    "! Title: t\n! Id: ok\n! Version: 2\nrule r\n  family: f\n  explain: e\n  match: cats are (good|bad\n  warn: cats are good\n",
    "! Title: t\n! Id: ok\n! Version: 2\nrule r\n  family: f\n  explain: e\n  match: cats are bad\n  warn: dogs are bad\n  pass: cats are bad\n",
    fs.readFileSync(LIST, "utf8"),
  ];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ww-check-"));
  broken.forEach((text, i) => {
    const file = path.join(dir, `l${i}.txt`);
    fs.writeFileSync(file, text);
    const r = spawnSync("java", ["-jar", JAR, "check", file], { encoding: "utf8" });
    const jvm = r.stdout.split("\n").filter((l) => l.startsWith(file + ":") && !l.startsWith(file + ": ok"));
    const js = engine.check(text).problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`);
    if (i < broken.length - 1) assert.ok(jvm.length > 0, "the broken list has problems");
    assert.deepEqual(js, jvm);
  });
});
