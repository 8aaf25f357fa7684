// The compiled matcher kept in storage.local as `compiled` (uBlock Origin's "selfie"): the
// background compiles the enabled lists whenever they change and stores the engine's saved form
// under a hash of what it compiled; a tab whose lists hash the same restores that form instead of
// compiling, and compiles as before when the hash differs or the form does not read.
import { sha256Hex } from "../common/encoding.js";

/**
 * @typedef {{key: string, lists: import("./engine.js").LoadedList[], form: string}} Compiled
 * @typedef {{entries: any[], texts: string[], disabled: string[]}} Sources
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

/**
 * The matcher for `src`: restored from `cached` when its key matches and its form reads, else
 * compiled (then `restored` is false).
 * @param {import("./engine.js").Engine} engine
 * @param {any} cached stored `compiled`, checked here
 * @param {string} engineVersion
 * @param {Sources} src
 */
export async function loadMatcher(engine, cached, engineVersion, src) {
  if (cached && typeof cached.form === "string" && Array.isArray(cached.lists) && cached.lists.length === src.texts.length
      && cached.key === await keyOf(engineVersion, src)) {
    const restored = engine.restore(cached.form, cached.lists);
    if (restored) return restored;
  }
  return engine.load(src.texts, { disabled: src.disabled });
}

/**
 * For the background: what to store as `compiled` for `src`, or null when `cached` already holds it.
 * @param {import("./engine.js").Engine} engine
 * @param {any} cached stored `compiled`
 * @param {string} engineVersion
 * @param {Sources} src
 * @returns {Promise<Compiled | null>}
 */
export async function compileFor(engine, cached, engineVersion, src) {
  const key = await keyOf(engineVersion, src);
  if (cached && cached.key === key && typeof cached.form === "string") return null;
  const loaded = engine.load(src.texts, { disabled: src.disabled });
  const form = loaded.save();
  loaded.release();
  return { key, lists: loaded.lists, form };
}
