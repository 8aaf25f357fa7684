#!/usr/bin/env node
// `node match.mjs --list FILE [--list FILE]...`: the list tool's `match` on the TeaVM build.
// JSON Lines (or plain lines) on stdin, one JSON line out per line in, exit codes as the JVM tool's
// (backend/src/main/java/org/wedgewatch/cli/MatchCommand.java).
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createEngine } from "./engine-api.mjs";
import * as teavm from "./engine.mjs";

const engine = createEngine(teavm);

function usage(why) {
  process.stderr.write(`usage: match --list FILE [--list FILE]...   (${why})\n`);
  process.exit(2);
}

function loadList(file) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(readFileSync(file));
  } catch (e) {
    process.stderr.write(e.code === "ENOENT" ? `${file}: no such file\n` : `${file}:1:1: the file is not valid UTF-8\n`);
    process.exit(2);
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  return text;
}

const args = process.argv.slice(2);
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--list" && i + 1 < args.length) files.push(args[++i]);
  else usage("reads stdin, writes JSON Lines");
}
if (files.length === 0) usage("give at least one list");
const matcher = engine.load(files.map(loadList));
matcher.lists.forEach(({ problems, list }, i) => {
  for (const p of list ? [] : problems) process.stderr.write(`${files[i]}:${p.line}:${p.column}: ${p.message}\n`);
});
if (matcher.lists.some((l) => !l.list)) process.exit(2);

/** The input as an object with a text field, or null after naming the problem on stderr. */
function record(line, lineNo) {
  const trimmed = line.trim();
  if (!trimmed.startsWith("{")) return { text: line };
  try {
    const o = JSON.parse(trimmed);
    if (o === null || typeof o !== "object" || Array.isArray(o) || typeof o.text !== "string") {
      process.stderr.write(`stdin:${lineNo}: the object has no "text" string field\n`);
      return null;
    }
    return o;
  } catch (e) {
    process.stderr.write(`stdin:${lineNo}: bad JSON: ${e.message}\n`);
    return null;
  }
}

let lineNo = 0;
let bad = 0;
const out = [];
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  lineNo++;
  const r = record(line, lineNo);
  if (r === null) {
    bad++;
    continue;
  }
  const matches = matcher.match(r.text);
  r.verdict = matches.length ? "warn" : "pass";
  r.matches = matches;
  out.push(JSON.stringify(r), "\n");
  if (out.length >= 512) process.stdout.write(out.splice(0).join(""));
}
process.stdout.write(out.join(""));
process.exitCode = bad > 0 ? 1 : 0;
