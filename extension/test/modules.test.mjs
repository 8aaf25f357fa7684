// The extension's source is ES modules wired by imports alone: no import cycles (from esbuild's
// map of the built bundles), and no globals passed between our files.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { repoRoot } from "./x-fixture.mjs";

const ext = path.join(repoRoot, "extension");
const meta = JSON.parse(fs.readFileSync(path.join(ext, "target", "bundles-meta.json"), "utf8"));

/** Our own modules (src/) and what each imports of them. */
function graph() {
  const ours = (p) => p.startsWith("src/");
  const edges = new Map();
  for (const [file, input] of Object.entries(meta.inputs)) {
    if (ours(file)) edges.set(file, input.imports.map((i) => i.path).filter(ours));
  }
  return edges;
}

/** The first cycle found, as a path of files, or null. */
function cycle(edges) {
  const state = new Map(); // file -> "open" while on the stack, "done" after
  const stack = [];
  function visit(f) {
    if (state.get(f) === "done") return null;
    if (state.get(f) === "open") return [...stack.slice(stack.indexOf(f)), f];
    state.set(f, "open");
    stack.push(f);
    for (const g of edges.get(f) || []) {
      const found = visit(g);
      if (found) return found;
    }
    stack.pop();
    state.set(f, "done");
    return null;
  }
  for (const f of edges.keys()) {
    const found = visit(f);
    if (found) return found;
  }
  return null;
}

test("every manifest entry is bundled from its modules, and the modules import no cycle", () => {
  const edges = graph();
  assert.ok(edges.has("src/content/index.js") && edges.has("src/background/background.js"), "the entries are in the map");
  assert.ok(edges.get("src/content/main.js").includes("src/content/overlay.js"), "the map holds our imports");
  assert.equal(cycle(edges), null);
});

test("the cycle check finds a cycle when there is one", () => {
  const edges = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", []]]);
  assert.deepEqual(cycle(edges), ["a", "b", "c", "a"]);
});

test("no file hands another anything through a global", () => {
  const src = path.join(ext, "src");
  const files = fs.readdirSync(src, { recursive: true }).filter((f) => f.endsWith(".js") && !f.startsWith("main"));
  // The browser API object is read in one place; the content script's costs are handed to tools in one.
  const allowed = new Set(["common/browser.js", "content/index.js"]);
  const offenders = files.filter((f) => !allowed.has(f.split(path.sep).join("/"))
    && /\b(globalThis|window)\.[A-Za-z_$]+\s*=[^=]|\bglobalThis\.(Wedgewatch|W)\b/.test(fs.readFileSync(path.join(src, f), "utf8")));
  assert.deepEqual(offenders, []);
});
