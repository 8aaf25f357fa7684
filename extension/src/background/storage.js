// The stored state and its one writer. Everything lives in storage.local under the keys the
// content script reads: `lists`, `settings`, `stats`. Only the background writes `lists` and
// it does so through `serialize`, so a fetch finishing late cannot undo a reader's toggle.
import { withDefaults } from '../common/defaults.js';
import { ruleSummaries } from './updater.js';

// One queue for all read-modify-write cycles on `lists` and `settings`.
/** @type {Promise<unknown>} */
let chain = Promise.resolve();
/**
 * @template T
 * @param {() => T | Promise<T>} fn
 * @returns {Promise<T>}
 */
export function serialize(fn) {
  const run = chain.then(fn, fn);
  chain = run.catch(() => {});
  return run;
}

export async function readState(area) {
  const got = await area.get(['lists', 'settings', 'stats']);
  return {
    lists: got.lists || {},
    settings: withDefaults(got.settings),
    stats: got.stats || {},
  };
}

// The list that ships inside the extension, so the first run needs no server. It is replaced
// by a newer bundled copy on extension updates, never by an older one, and never when the
// reader has switched it to a subscription.
// The bundled list is checked when the extension is built, so only its parse counts here.
export function seedBuiltin(lists, text, url, engine, now) {
  const { list, problems } = engine.load([text], { compile: false }).lists[0];
  if (!list) throw new Error('bundled list does not parse: ' + JSON.stringify(problems.slice(0, 3)));
  const current = lists[list.id];
  if (current && (current.source !== 'builtin' || (current.version >= list.version && current.rules))) return lists;
  const entry = {
    id: list.id, title: list.title, description: list.description || '', text, version: list.version,
    source: 'builtin', url, enabled: current ? current.enabled : true, action: current ? current.action : null,
    publisher: list.maintainer || '', homepage: list.homepage || '', license: list.license || '',
    expiresHours: list.expiresHours || 24, lastCheck: now, lastError: null, etag: null,
    pinnedRoot: null, signingKey: null, pinnedKey: null, keyId: null, signedMetadata: null, rules: ruleSummaries(list),
  };
  return { ...lists, [list.id]: entry };
}

/**
 * Lists stored without the summary of their rules (kept since lists are checked once, on arrival),
 * or with one in an older shape (rules as objects), get it now, so the options page never parses;
 * `lists` itself when none lacked it.
 */
export function withRuleSummaries(lists, engine) {
  const summarized = (e) => Array.isArray(e.rules) && e.rules.every(Array.isArray);
  const missing = Object.values(lists).filter((e) => e && typeof e.text === 'string' && !summarized(e));
  if (!missing.length) return lists;
  const loaded = engine.load(missing.map((e) => e.text), { compile: false });
  const next = { ...lists };
  missing.forEach((e, i) => {
    const list = loaded.lists[i].list;
    next[e.id] = { ...e, rules: list ? ruleSummaries(list) : [] };
  });
  return next;
}

// Applies `change(lists) -> lists` atomically with respect to other background writers.
export function changeLists(area, change) {
  return serialize(async () => {
    const got = await area.get('lists');
    const next = await change(got.lists || {});
    if (next !== got.lists) await area.set({ lists: next });
    return next;
  });
}

export function changeSettings(area, change) {
  return serialize(async () => {
    const got = await area.get('settings');
    const next = change(withDefaults(got.settings));
    await area.set({ settings: next });
    return next;
  });
}

/**
 * Adds one tab's counts, {listId: {judged, warned}}, to `stats`. Every tab sends its own; the
 * queue applies them one after another, so counts from tabs that send at once all add up.
 * @param {{get(keys: string | string[]): Promise<any>, set(items: object): Promise<void>}} area
 * @param {Record<string, {judged: number, warned: number}>} delta
 */
export function addStats(area, delta) {
  return serialize(async () => {
    const { stats = {} } = await area.get('stats');
    for (const [id, d] of Object.entries(delta)) {
      const s = stats[id] || { judged: 0, warned: 0 };
      stats[id] = { judged: s.judged + d.judged, warned: s.warned + d.warned };
    }
    await area.set({ stats });
    return stats;
  });
}

/** How long the reader's marks on a post ("Show post", "Not a wedge post") are kept. */
export const REMEMBER_MS = 30 * 24 * 3600 * 1000;

/**
 * Sets or clears (null) the reader's marks on post `key`: `revealed` (when it was shown) and
 * `notWedge` ({list, rule, at, reported, reportError}); marks older than REMEMBER_MS are dropped.
 */
export function changeMarks(area, key, marks, now) {
  return serialize(async () => {
    const got = await area.get(['revealed', 'notWedge']);
    const next = {};
    for (const kind of ['revealed', 'notWedge']) {
      if (!(kind in marks)) continue;
      const map = pruned(got[kind] || {}, now);
      if (marks[kind] === null) delete map[key];
      else map[key] = marks[kind];
      next[kind] = map;
    }
    if (Object.keys(next).length) await area.set(next);
    return next;
  });
}

function pruned(map, now) {
  const out = {};
  for (const [k, v] of Object.entries(map)) {
    const at = typeof v === 'number' ? v : v && v.at;
    if (now - at < REMEMBER_MS) out[k] = v;
  }
  return out;
}
