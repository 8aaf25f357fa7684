// The stored state and its one writer. Everything lives in storage.local under the keys the
// content script reads: `lists`, `settings`, `stats`. Only the background writes `lists` and
// it does so through `serialize`, so a fetch finishing late cannot undo a reader's toggle.
(function (root) {
  'use strict';

  const BUILTIN_PATH = 'lists/coalition-defense.txt';

  function defaultSettings() {
    return {
      disabledRules: [], userRules: '', allowlist: [], reportsOptIn: false, reportsIncludeText: false, pausedUntil: 0,
      campaign: { enabled: true, threshold: 3, windowDays: 7 },
    };
  }

  // One queue for all read-modify-write cycles on `lists` and `settings`.
  let chain = Promise.resolve();
  function serialize(fn) {
    const run = chain.then(fn, fn);
    chain = run.catch(() => {});
    return run;
  }

  async function readState(area) {
    const got = await area.get(['lists', 'settings', 'stats']);
    return {
      lists: got.lists || {},
      settings: { ...defaultSettings(), ...(got.settings || {}) },
      stats: got.stats || {},
    };
  }

  // The list that ships inside the extension, so the first run needs no server. It is replaced
  // by a newer bundled copy on extension updates, never by an older one, and never when the
  // reader has switched it to a subscription.
  function seedBuiltin(lists, text, url, engine, now) {
    const parsed = engine.parse(text);
    if (!parsed.ok || !parsed.list) throw new Error('bundled list does not parse: ' + JSON.stringify(parsed.problems.slice(0, 3)));
    const list = parsed.list;
    const current = lists[list.id];
    if (current && (current.source !== 'builtin' || current.version >= list.version)) return lists;
    const entry = {
      id: list.id, title: list.title, description: list.description || '', text, version: list.version,
      source: 'builtin', url, enabled: current ? current.enabled : true, action: current ? current.action : null,
      publisher: list.maintainer || '', homepage: list.homepage || '', license: list.license || '',
      expiresHours: list.expiresHours || 24, lastCheck: now, lastError: null, etag: null,
      pinnedKey: null, keyId: null, signedMetadata: null,
    };
    return { ...lists, [list.id]: entry };
  }

  // Applies `change(lists) -> lists` atomically with respect to other background writers.
  function changeLists(area, change) {
    return serialize(async () => {
      const got = await area.get('lists');
      const next = await change(got.lists || {});
      if (next !== got.lists) await area.set({ lists: next });
      return next;
    });
  }

  function changeSettings(area, change) {
    return serialize(async () => {
      const got = await area.get('settings');
      const next = change({ ...defaultSettings(), ...(got.settings || {}) });
      await area.set({ settings: next });
      return next;
    });
  }

  root.WedgewatchStorage = { BUILTIN_PATH, defaultSettings, serialize, readState, seedBuiltin, changeLists, changeSettings };
})(globalThis);
