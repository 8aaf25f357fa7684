// What the content script judges with: the enabled lists and the reader's settings from
// storage.local (written by the background), loaded into one matcher: restored from the form the
// background compiled for these lists (engine/cache.js), waiting for the background when it has
// not compiled them yet; compiled here, in one call to the engine, only when the background
// cannot. Until the background has written the lists (the moment after install), `ready` is false.
import { api } from "../common/browser.js";
import { withDefaults } from "../common/defaults.js";
import { normalizeHandle } from "../common/handle.js";
import { MSG } from "../common/messages.js";
import { loadMatcher, sources } from "../engine/cache.js";
import { engine } from "../engine/instance.js";

/**
 * @typedef {{title: string, publisher: string, homepage: string, action: string | null,
 *   rules: Record<string, {warn: string[]}>}} ListInfo
 */

/** The background, asked for the compiled form of the lists as stored now. */
const background = {
  compiling: () => api.runtime.sendMessage({ type: MSG.COMPILE }),
  stored: async () => (await api.storage.local.get("compiled")).compiled,
  /** The built-in cues' text, for the rare compile in the tab (the background's form carries them). */
  cues: async () => String((await api.runtime.sendMessage({ type: MSG.CUES })).text),
};

/**
 * {ready (the background has written the lists), matcher, lists: {[id]: ListInfo}, examples (every rule's warn and pass examples: the warm-up
 * matches them), settings, allowlist, revealed, notWedge}, or null when the lists changed while
 * loading (a change the caller hears of and loads again for). The previous matcher, if any, is
 * released by the caller.
 */
export async function load() {
  const stored = await api.storage.local.get(["lists", "settings", "compiled", "revealed", "notWedge"]);
  const settings = withDefaults(stored.settings);
  const src = sources(stored.lists, settings);
  const { entries } = src;
  const matcher = await loadMatcher(engine, stored.compiled, api.runtime.getManifest().version, src, background);
  if (!matcher) return null;
  /** @type {Record<string, ListInfo>} */
  const info = {};
  /** @type {string[]} */
  const examples = [];
  matcher.lists.forEach(({ list }, i) => {
    if (!list) return; // the options page shows the problems; here the list just doesn't apply
    const entry = entries[i] || {};
    /** @type {Record<string, {warn: string[]}>} */
    const rules = {};
    for (const r of list.rules) {
      rules[r.id] = { warn: r.warn };
      examples.push(...r.warn, ...r.pass);
    }
    info[list.id] = {
      title: list.title,
      publisher: entry.publisher || list.maintainer,
      homepage: entry.homepage || list.homepage,
      action: entry.action || null,
      rules,
    };
  });
  return {
    ready: Object.keys(stored.lists || {}).length > 0,
    matcher,
    lists: info,
    examples,
    settings,
    allowlist: new Set(settings.allowlist.map(normalizeHandle).filter(Boolean)),
    revealed: stored.revealed || {},
    notWedge: stored.notWedge || {},
  };
}

/** Calls onChange(keys) when what the matcher depends on changes. */
export function watch(onChange) {
  api.storage.onChanged.addListener((changes, area) => {
    if (area === "local") onChange(Object.keys(changes));
  });
}
