#!/usr/bin/env node
// Assembles the extension from one source for Chrome and Firefox, plus the Node CLI:
//   target/chrome/, target/firefox/          unpacked extensions
//   target/wedgewatch-{chrome,firefox}.zip   the same bytes on every build (Firefox's store rebuilds from source)
//   target/node/match.mjs                    the list tool's `match` on the TeaVM build
// Runs after TeaVM (`mvn package` calls it). The source is ES modules; esbuild bundles each
// manifest entry (content script, background, options page, popup) into one classic script.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import zlib from "node:zlib";

const here = path.dirname(new URL(import.meta.url).pathname);
const src = path.join(here, "src");
const target = path.join(here, "target");
const defaultList = path.join(here, "..", "lists", "coalition-defense.txt");
/** The built-in rebuttal cues: a list file the engine is handed when it compiles, not code in it. */
const CUES = path.join(here, "..", "shared", "src", "main", "resources", "org", "wedgewatch", "rules", "rebuttal-cues.txt");
/** TeaVM's ES-module builds, which the bundles import by these names. */
const TEAVM = {
  "teavm-engine": path.join(target, "engine", "module", "engine.mjs"),
  "teavm-campaign": path.join(target, "campaign", "module", "campaign.mjs"),
};
/** The engine's code, gzipped: the build fails past it. Every tab on X loads it. Its built-in
 *  rebuttal cues are a list file (CUES) handed to it, counted in the content script below. */
const ENGINE_BUDGET = 50 * 1024;
/** The campaign detector, loaded by the background only. */
const CAMPAIGN_BUDGET = 40 * 1024;
/**
 * The whole content script (engine included), gzipped. 70 KB, not 64: it carries the reader of the
 * background's compiled form, which lets a tab start about four times faster than compiling, the
 * hand-off of long posts to the background, the engine's reading of asides, of shared headlines
 * and of sentences about a target named earlier, and groups that include groups, which halve the
 * default list's compile. Not the built-in cues' text: the compiled form carries the cues, and a
 * tab that must compile asks for the text.
 */
const CONTENT_BUDGET = 70 * 1024;
/** Each entry module, bundled to the same path in the package. */
const ENTRIES = {
  "content/content.js": "content/index.js",
  "background/background.js": "background/background.js",
  "options/options.js": "options/options.js",
  "popup/popup.js": "popup/popup.js",
};
/** What of src/ ships as it is: the pages, their styles and the translations. */
const SHIPPED = /^(_locales\/.*\.json|(options|popup)\/[^/]+\.(html|css))$/;
const GECKO_ID = "wedgewatch@wedgewatch.org";

/** esbuild, installed by `npm ci` the first time a build needs it. */
function esbuild() {
  const require = createRequire(import.meta.url);
  try {
    return require("esbuild");
  } catch {
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: here, stdio: "inherit", env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "1" },
    });
    return require("esbuild");
  }
}

function read(file) {
  return fs.readFileSync(file);
}

/** Every file under dir, as sorted relative paths with "/" separators. */
function walk(dir, prefix = "") {
  const out = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) out.push(...walk(full, rel));
    else out.push(rel);
  }
  return out;
}

/** What every bundle shares: one script for the browsers the manifests name, TeaVM's output aliased in. */
const BUNDLE_OPTIONS = {
  bundle: true,
  format: "iife",
  target: ["chrome120", "firefox128"],
  alias: { ...TEAVM, "rebuttal-cues": CUES },
  loader: { ".txt": "text" },
  charset: "utf8",
  legalComments: "none",
};

/**
 * Bundles every entry: one IIFE each, no minifying (reviewers read it), no source maps, and
 * nothing that varies between builds. Returns the bundles and esbuild's map of what imports what.
 */
function bundles() {
  const result = esbuild().buildSync({
    entryPoints: Object.entries(ENTRIES).map(([out, entry]) => ({ in: path.join(src, entry), out: out.replace(/\.js$/, "") })),
    outdir: target,
    ...BUNDLE_OPTIONS,
    write: false,
    metafile: true,
    logLevel: "warning",
  });
  const files = new Map();
  for (const f of result.outputFiles) files.set(path.relative(target, f.path).split(path.sep).join("/"), Buffer.from(f.contents));
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, "bundles-meta.json"), JSON.stringify(result.metafile, null, 1));
  return files;
}

/** The files of the extension, path -> bytes, shared by both browsers except the manifest. */
function commonFiles() {
  const files = new Map();
  for (const rel of walk(src)) if (SHIPPED.test(rel)) files.set(rel, read(path.join(src, rel)));
  for (const [rel, bytes] of bundles()) files.set(rel, bytes);
  if (!fs.existsSync(defaultList)) throw new Error(`the default list is missing: ${defaultList}`);
  files.set("lists/coalition-defense.txt", read(defaultList));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The source manifest names the background script Firefox's way (background.scripts); Chrome's
 * MV3 wants it as a service worker. The bundle is a classic script, so both run the same file.
 * Chrome caps storage.local at 10 MB without unlimitedStorage (granted without a prompt); Firefox
 * holds it to IndexedDB's limits, a share of the disk, and would ask the reader for the permission.
 */
function manifestFor(browser, base) {
  const m = structuredClone(base);
  if (browser === "firefox") {
    m.browser_specific_settings = {
      gecko: { id: GECKO_ID, strict_min_version: "142.0", data_collection_permissions: { required: ["none"] } },
    };
  } else if (m.background && m.background.scripts) {
    m.background = { service_worker: m.background.scripts[0] };
  }
  if (browser !== "firefox") m.permissions = [...m.permissions, "unlimitedStorage"];
  return Buffer.from(JSON.stringify(m, null, 2) + "\n");
}

function writeTree(dir, files) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [rel, bytes] of files) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }
}

/** A zip with sorted entries, a fixed date (1980-01-01) and fixed attributes: same input, same bytes. */
function zip(files) {
  const DOS_DATE = (0 << 9) | (1 << 5) | 1;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const rel of [...files.keys()].sort()) {
    const data = files.get(rel);
    const name = Buffer.from(rel, "utf8");
    const packed = zlib.deflateRawSync(data, { level: 9 });
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

function checkBudget(name, bytes, budget) {
  const gz = zlib.gzipSync(bytes, { level: 9 }).length;
  console.log(`${name}: ${bytes.length} bytes, ${gz} bytes gzipped (budget ${budget})`);
  if (gz > budget) throw new Error(`${name} is ${gz} bytes gzipped, over the ${budget}-byte budget`);
}

function buildNode() {
  const dir = path.join(target, "node");
  writeTree(dir, [
    // Node callers import engine.mjs as the engine's exports: the cues' text is one of them there.
    ["engine.mjs", Buffer.concat([read(TEAVM["teavm-engine"]), Buffer.from('\nexport { default as cues } from "./rebuttal-cues.mjs";\n')])],
    ["rebuttal-cues.mjs", Buffer.from(`export default ${JSON.stringify(read(CUES).toString("utf8"))};\n`)],
    ["campaign.mjs", read(TEAVM["teavm-campaign"])],
    ["engine-api.mjs", read(path.join(src, "engine", "engine.js"))],
    ["match.mjs", read(path.join(src, "node", "match.mjs"))],
  ]);
}

/** The console editor's engine (target/web/engine.js): a page of the list server, not the extension. */
function buildConsoleEngine() {
  const result = esbuild().buildSync({
    entryPoints: [path.join(here, "web", "console-engine.js")],
    outfile: path.join(target, "web", "engine.js"),
    ...BUNDLE_OPTIONS,
    logLevel: "warning",
  });
  if (result.errors.length) throw new Error("console engine: " + result.errors[0].text);
}

function main() {
  const base = JSON.parse(read(path.join(src, "manifest.json")).toString("utf8"));
  const common = commonFiles();
  checkBudget("engine", Buffer.concat([read(TEAVM["teavm-engine"]), read(path.join(src, "engine", "engine.js"))]), ENGINE_BUDGET);
  checkBudget("campaign detector", read(TEAVM["teavm-campaign"]), CAMPAIGN_BUDGET);
  checkBudget("content script", common.get("content/content.js"), CONTENT_BUDGET);
  for (const browser of ["chrome", "firefox"]) {
    const files = new Map(common);
    files.set("manifest.json", manifestFor(browser, base));
    writeTree(path.join(target, browser), files);
    const z = zip(files);
    fs.writeFileSync(path.join(target, `wedgewatch-${browser}.zip`), z);
    console.log(`wedgewatch-${browser}.zip: ${z.length} bytes, sha256 ${createHash("sha256").update(z).digest("hex")}`);
  }
  buildNode();
  buildConsoleEngine();
}

main();
