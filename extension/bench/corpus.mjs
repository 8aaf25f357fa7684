// The post texts of ../shared/corpora for the benchmarks: the `text` column of each file, as a
// timeline shows them (not whole CSV lines, whose shared metadata would make posts look alike).
import fs from "node:fs";
import path from "node:path";
import { fixtures } from "../test/x-fixture.mjs";

/**
 * The rows of a CSV file (RFC 4180: quoted fields, doubled quotes, newlines inside quotes). Fields
 * are cut with slice, not built a character at a time: V8 would keep those as rope strings and
 * flatten each one on its first read, inside the timed call.
 */
function csvRows(text) {
  const rows = [];
  let row = [];
  let i = 0;
  while (i <= text.length) {
    let field;
    if (text[i] === '"') {
      const parts = [];
      let from = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) { parts.push(text.slice(from)); i = text.length; break; }
        if (text[q + 1] === '"') { parts.push(text.slice(from, q + 1)); i = from = q + 2; continue; }
        parts.push(text.slice(from, q));
        i = q + 1;
        break;
      }
      field = parts.join("");
    } else {
      let j = i;
      while (j < text.length && text[j] !== "," && text[j] !== "\n" && text[j] !== "\r") j++;
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (text[i] === ",") { i++; continue; }
    if (text[i] === "\r") i++;
    if (row.length > 1 || row[0] !== "") rows.push(row);
    row = [];
    i++;
  }
  return rows;
}

/** Every post text of the corpora, file by file (none when ../shared/corpora is missing). */
export function corpusTexts() {
  const dir = path.resolve(fixtures, "..", "corpora");
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".csv")).sort()) {
    const [header, ...rows] = csvRows(fs.readFileSync(path.join(dir, f), "utf8"));
    const column = header.indexOf("text");
    if (column < 0) continue;
    for (const row of rows) if (row[column]) out.push(row[column]);
  }
  return out;
}
