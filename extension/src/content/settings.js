// What the content script judges with: the enabled lists and the reader's settings from
// chrome.storage.local (written by the background and the options page), compiled into one matcher.
// Before the background has written any list (first run), the bundled default list is used.
(() => {
  const W = globalThis.Wedgewatch;
  const DEFAULT_LIST = "lists/coalition-defense.txt";
  const DEFAULT_SETTINGS = {
    disabledRules: [], userRules: "", allowlist: [], reportsOptIn: false, reportsIncludeText: false, pausedUntil: 0,
    campaign: { enabled: true, threshold: 3, windowDays: 7 },
  };

  async function bundledLists() {
    const text = await (await fetch(chrome.runtime.getURL(DEFAULT_LIST))).text();
    const parsed = WedgewatchEngine.parse(text);
    if (!parsed.ok) return {};
    return { [parsed.list.id]: { id: parsed.list.id, text, source: "builtin", enabled: true, action: null } };
  }

  /**
   * {matcher, lists: {[id]: {title, publisher, homepage, action, rules: {[ruleId]: {warn}}}},
   *  examples (every rule's warn and pass examples: the warm-up matches them), settings, revealed,
   *  notWedge}. The previous matcher, if any, is released by the caller.
   */
  async function load() {
    const stored = await chrome.storage.local.get(["lists", "settings", "revealed", "notWedge"]);
    const lists = stored.lists && Object.keys(stored.lists).length ? stored.lists : await bundledLists();
    const settings = { ...DEFAULT_SETTINGS, ...(stored.settings || {}) };
    const entries = Object.values(lists).filter((l) => l && l.enabled !== false && typeof l.text === "string");
    const texts = entries.map((l) => l.text);
    if (settings.userRules && settings.userRules.trim()) texts.push(settings.userRules);
    const info = {};
    const examples = [];
    for (let i = 0; i < texts.length; i++) {
      const parsed = WedgewatchEngine.parse(texts[i]);
      if (!parsed.ok) continue; // the options page shows the problems; here the list just doesn't apply
      const entry = entries[i] || {};
      const rules = {};
      for (const r of parsed.list.rules) {
        rules[r.id] = { warn: r.warn };
        examples.push(...r.warn, ...r.pass);
      }
      info[parsed.list.id] = {
        title: parsed.list.title,
        publisher: entry.publisher || parsed.list.maintainer,
        homepage: entry.homepage || parsed.list.homepage,
        action: entry.action || null,
        rules,
      };
    }
    return {
      matcher: WedgewatchEngine.compile(texts, settings.disabledRules || []),
      lists: info,
      examples,
      settings,
      allowlist: new Set((settings.allowlist || []).map((h) => String(h).replace(/^@/, "").toLowerCase())),
      revealed: stored.revealed || {},
      notWedge: stored.notWedge || {},
    };
  }

  /** Calls onChange(keys) when what the matcher depends on changes. */
  function watch(onChange) {
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area === "local") onChange(Object.keys(changes));
    });
  }

  W.settings = { load, watch };
})();
