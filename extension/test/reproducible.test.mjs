// Firefox's store rebuilds the add-on from source and compares: two builds, the same bytes.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { repoRoot } from "./x-fixture.mjs";

const ext = path.join(repoRoot, "extension");
const zips = ["wedgewatch-chrome.zip", "wedgewatch-firefox.zip"];

/** Entry names from a zip's central directory. */
function zipNames(zip) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const names = [];
  for (let at = zip.readUInt32LE(end + 16), n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

function build() {
  execFileSync(process.execPath, [path.join(ext, "build.mjs")], { cwd: ext, stdio: "ignore" });
  return zips.map((z) => createHash("sha256").update(fs.readFileSync(path.join(ext, "target", z))).digest("hex"));
}

test("building twice gives zips with the same bytes", () => {
  const first = build();
  const second = build();
  assert.deepEqual(second, first);
  // and the zip holds exactly the unpacked folder's files
  const listed = zipNames(fs.readFileSync(path.join(ext, "target", "wedgewatch-firefox.zip")));
  const dir = path.join(ext, "target", "firefox");
  const unpacked = fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile()).map((d) => path.relative(dir, path.join(d.parentPath ?? d.path, d.name))).sort();
  assert.deepEqual(listed, unpacked);
});
