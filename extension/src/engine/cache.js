// The compiled matcher kept in storage.local as `compiled` (uBlock Origin's "selfie"): the
// background compiles the enabled lists whenever they change and stores the engine's saved form
// under a hash of what it compiled; a tab whose lists hash the same restores that form instead of
// compiling. A tab that finds no form for its lists (the background is compiling them) or one that
// does not read asks the background for it, so a change costs one compile, not one per tab.
import { sha256Hex } from "../common/encoding.js";

/**
 * @typedef {{key: string, lists: any[], form: string}} Compiled lists packed (packLists)
 * @typedef {{entries: any[], texts: string[], disabled: string[]}} Sources
 * @typedef {{ok: boolean, key?: string}} Compiling what the background answers once it has
 *   stored the form for the lists as they are now (key), or failed to (ok false)
 */

/**
 * What one matcher is compiled from: the enabled stored lists in storage order, the reader's own
 * rules last, and the rules turned off. entries[i] is the stored entry of texts[i].
 * @param {Record<string, any> | undefined} lists stored `lists`
 * @param {{userRules: string, disabledRules: string[]}} settings with defaults
 * @returns {Sources}
 */
export function sources(lists, settings) {
  const entries = Object.values(lists || {}).filter((l) => l && l.enabled !== false && typeof l.text === "string");
  const texts = entries.map((l) => l.text);
  if (settings.userRules.trim()) texts.push(settings.userRules);
  return { entries, texts, disabled: settings.disabledRules };
}

/**
 * The hash a compiled form is stored under. `engineVersion` (the extension's version) keeps a
 * form from an older engine from being read by a newer one.
 * @param {string} engineVersion
 * @param {Sources} src
 */
export function keyOf(engineVersion, { texts, disabled }) {
  return sha256Hex(new TextEncoder().encode(JSON.stringify([engineVersion, texts, disabled])));
}

const RULE_FIELDS = /** @type {const} */ (["id", "family", "explanation", "action", "warn", "pass"]);

/** The lists as stored: each rule a tuple of RULE_FIELDS, not an object naming them (half the size with many rules). */
function packLists(lists) {
  return lists.map(({ problems, list }) => ({
    problems, list: list && { ...list, rules: list.rules.map((r) => RULE_FIELDS.map((f) => r[f])) },
  }));
}

/** @returns {import("./engine.js").LoadedList[]} */
function unpackLists(packed) {
  return packed.map(({ problems, list }) => ({
    problems, list: list && { ...list, rules: list.rules.map((/** @type {any[]} */ t) => Object.fromEntries(RULE_FIELDS.map((f, i) => [f, t[i]]))) },
  }));
}

/**
 * The matcher `cached` holds when it was stored under `key` for these sources and reads; else null.
 * @param {import("./engine.js").Engine} engine
 * @param {any} cached stored `compiled`, checked here
 * @param {string} key
 * @param {number} count lists compiled
 */
function restoreFrom(engine, cached, key, count) {
  if (!cached || cached.key !== key || typeof cached.form !== "string" || !Array.isArray(cached.lists) || cached.lists.length !== count) return null;
  try {
    return engine.restore(cached.form, unpackLists(cached.lists));
  } catch {
    return null; // lists of another shape: as damaged as a bad form
  }
}

/**
 * The matcher for `src`: restored from `cached` when its key matches and its form reads. Else the
 * tab asks the background (`compiling()`, which answers once it has stored the form for the
 * lists as they are now, or could not) and restores what it stored (`stored()`); null when
 * that form is for newer lists than `src` (the caller loads again for those); compiled here
 * only when the background could not (then `restored` is false).
 * @param {import("./engine.js").Engine} engine
 * @param {any} cached stored `compiled`
 * @param {string} engineVersion
 * @param {Sources} src
 * @param {{compiling: () => Promise<Compiling | null>, stored: () => Promise<any>, cues: () => Promise<string>}} [background]
 */
export async function loadMatcher(engine, cached, engineVersion, src, background) {
  const key = await keyOf(engineVersion, src);
  const restored = restoreFrom(engine, cached, key, src.texts.length);
  if (restored) return restored;
  if (background && src.texts.length) {
    const answer = await background.compiling().catch(() => null);
    if (answer && answer.ok && answer.key !== key) return null;
    const fresh = answer && answer.ok ? restoreFrom(engine, await background.stored(), key, src.texts.length) : null;
    if (fresh) return fresh;
  }
  if (background && !engine.hasCues()) engine.giveCues(await background.cues());
  return engine.load(src.texts, { disabled: src.disabled });
}

/**
 * For the background: what to store as `compiled` for `src`, or null when `cached` already holds
 * it and its form reads (a damaged form under the right key is written again).
 * @param {import("./engine.js").Engine} engine
 * @param {any} cached stored `compiled`
 * @param {string} engineVersion
 * @param {Sources} src
 * @returns {Promise<Compiled | null>}
 */
export async function compileFor(engine, cached, engineVersion, src) {
  const key = await keyOf(engineVersion, src);
  const current = restoreFrom(engine, cached, key, src.texts.length);
  if (current) {
    current.release();
    return null;
  }
  const loaded = engine.load(src.texts, { disabled: src.disabled });
  const form = loaded.save();
  loaded.release();
  return { key, lists: packLists(loaded.lists), form };
}
