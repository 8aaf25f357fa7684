// Judges every post X shows and decorates the flagged ones. Contract for tests and tools:
// each judged article[data-testid="tweet"] carries data-wedgewatch = warn | pass | revealed, and a
// warned one holds a [data-wedgewatch-overlay] element whose open shadow root explains the warning.
(() => {
  const W = globalThis.Wedgewatch;
  if (W.started) return; // injected twice (extension reloaded): the first copy keeps the page
  W.started = true;

  const STATE = "data-wedgewatch";
  const ACTION = "data-wedgewatch-action";
  const STATS_EVERY_MS = 5000;
  const REMEMBER_MS = 30 * 24 * 3600 * 1000;

  let config = null;
  /** Bumped when lists, settings or marks change, so every post is judged again. */
  let generation = 0;
  /** article -> {generation, paused, state, post, verdict}: what it was last judged on and found, to
   *  skip unchanged posts cheaply and to redecorate one without reading and matching it again. */
  const judged = new WeakMap();
  /** Posts already counted in stats ("key\0text"), so a reused cell isn't counted twice. */
  const counted = new Set();
  const tabStats = { judged: 0, warned: 0 };
  let statsDelta = {};
  let statsTimer = 0;

  function matchesOf(post) {
    if (post.handle && config.allowlist.has(post.handle.toLowerCase())) return { matches: [], inQuote: false };
    const own = post.text ? config.matcher.match(post.text) : [];
    if (own.length || !post.quoteText) return { matches: own, inQuote: false };
    return { matches: config.matcher.match(post.quoteText), inQuote: true };
  }

  function count(post, match) {
    const id = post.key + "\u0000" + post.text + "\u0000" + post.quoteText;
    if (counted.has(id)) return;
    counted.add(id);
    tabStats.judged++;
    if (match) tabStats.warned++;
    for (const listId of Object.keys(config.lists)) {
      const s = (statsDelta[listId] = statsDelta[listId] || { judged: 0, warned: 0 });
      s.judged++;
      if (match && match.list === listId) s.warned++;
    }
    if (!statsTimer) statsTimer = setTimeout(flushStats, STATS_EVERY_MS);
  }

  async function flushStats() {
    statsTimer = 0;
    const delta = statsDelta;
    statsDelta = {};
    const { stats = {} } = await chrome.storage.local.get("stats");
    for (const [id, d] of Object.entries(delta)) {
      const s = stats[id] || { judged: 0, warned: 0 };
      stats[id] = { judged: s.judged + d.judged, warned: s.warned + d.warned };
    }
    await chrome.storage.local.set({ stats });
  }

  /** The panel's words for match m on post. */
  function warning(post, m, inQuote, revealed, marked, repeat) {
    const list = config.lists[m.list] || { title: m.list, rules: {} };
    const rule = list.rules[m.rule] || { warn: [] };
    return {
      match: m,
      listTitle: list.title || m.list,
      publisher: list.publisher,
      homepage: list.homepage,
      examples: rule.warn,
      inQuote,
      truncated: inQuote ? post.quoteTruncated : post.truncated,
      revealed,
      marked,
      repeat,
    };
  }

  /**
   * Judges article and decorates it: "read" when it read and matched the post, "redecorated" when
   * it decorated it again from the last judgement, "" when nothing had changed since.
   * reread false: only the decoration may differ (a repeated-wording count), so the words, verdict
   * and count of the last judgement stand, unless the lists or settings changed since.
   */
  function judge(article, reread = true) {
    const last = judged.get(article);
    const paused = config.settings.pausedUntil > Date.now();
    let post, verdict;
    const redecorate = !reread && last && last.generation === generation && last.paused === paused;
    if (redecorate) {
      ({ post, verdict } = last);
    } else {
      post = W.readPost(article);
      if (last && last.generation === generation && samePost(last.post, post) && article.getAttribute(STATE) === last.state
        && (last.state === "pass" || hasPanel(article))) return "";
      // Paused on this site: no warning, no badge, and nothing counted or remembered.
      verdict = paused ? { matches: [], inQuote: false } : matchesOf(post);
      if (!paused) count(post, verdict.matches[0]);
    }
    const { matches, inQuote } = verdict;
    const m = matches[0];
    const repeat = paused ? null : W.campaign.lookup(article, post);
    W.campaignView.badge(article, m ? null : repeat); // a flagged post says it in its panel
    let state = "pass";
    if (!m) {
      W.overlay.remove(article);
      article.removeAttribute(ACTION);
    } else {
      const mark = config.notWedge[post.key];
      state = mark || config.revealed[post.key] ? "revealed" : "warn";
      article.setAttribute(ACTION, (config.lists[m.list] && config.lists[m.list].action) || m.action);
      W.overlay.show(article, warning(post, m, inQuote, state === "revealed", markNote(mark, post.key), repeat), actionsFor(article, post, m, inQuote));
    }
    article.setAttribute(STATE, state);
    judged.set(article, { generation, paused, state, post, verdict });
    return redecorate ? "redecorated" : "read";
  }

  /** Posts whose report is on its way; kept only here, so a tab closed meanwhile claims nothing. */
  const reporting = new Set();

  /** What the panel says about the reader's "Not a wedge post" mark on post key, and its report. */
  function markNote(mark, key) {
    if (!mark) return "";
    if (reporting.has(key)) return W.dom.t("overlay_reporting");
    if (mark.reported) return W.dom.t("overlay_reported");
    if (mark.reportError) return W.dom.t("overlay_report_failed", [W.dom.t(mark.reportError.code, mark.reportError.params)]);
    return W.dom.t("overlay_marked");
  }

  /** Would posts a and b be judged alike: the same post, words and cut? */
  function samePost(a, b) {
    return a.key === b.key && a.text === b.text && a.quoteText === b.quoteText && a.truncated === b.truncated;
  }

  function hasPanel(article) {
    return W.dom.childWith(article, W.overlay.attr) !== null;
  }

  /** Keeps a mark map small: marks older than a month are dropped when a new one is written. */
  function pruned(map) {
    const now = Date.now();
    const out = {};
    for (const [k, v] of Object.entries(map)) {
      const at = typeof v === "number" ? v : v.at;
      if (now - at < REMEMBER_MS) out[k] = v;
    }
    return out;
  }

  const NO_ANSWER = { code: "overlay_report_no_answer" };

  /** Keeps what became of post key's report in its mark (the storage change redraws its panel). */
  function noteReport(key, outcome) {
    reporting.delete(key);
    const mark = config.notWedge[key];
    if (!mark) return; // unmarked meanwhile ("Hide again")
    config.notWedge = { ...config.notWedge, [key]: { ...mark, ...outcome } };
    chrome.storage.local.set({ notWedge: config.notWedge });
  }

  function actionsFor(article, post, m, inQuote) {
    const rejudge = () => {
      judged.delete(article);
      judge(article);
    };
    return {
      show() {
        config.revealed = pruned({ ...config.revealed, [post.key]: Date.now() });
        rejudge();
        chrome.storage.local.set({ revealed: config.revealed });
      },
      hide() {
        const { [post.key]: _, ...rest } = config.revealed;
        config.revealed = rest;
        const { [post.key]: __, ...marks } = config.notWedge;
        config.notWedge = marks;
        rejudge();
        chrome.storage.local.set({ revealed: config.revealed, notWedge: config.notWedge });
      },
      notWedge() {
        // Only with the reader's opt-in does anything about what they read leave the browser, and
        // its words only when they allowed that too (the background checks both again). The
        // panel says "a report went" only once the list's server has taken it.
        const report = !!config.settings.reportsOptIn;
        if (report) reporting.add(post.key);
        config.notWedge = pruned({ ...config.notWedge, [post.key]: { list: m.list, rule: m.rule, at: Date.now(), reported: false } });
        rejudge();
        chrome.storage.local.set({ notWedge: config.notWedge });
        if (!report) return;
        const words = config.settings.reportsIncludeText ? (inQuote ? post.quoteText : post.text) : "";
        chrome.runtime.sendMessage({ type: "report", list: m.list, rule: m.rule, verdict: "false-positive", ...(words ? { text: words } : {}) })
          .then((r) => noteReport(post.key, r && r.ok ? { reported: true } : { reportError: (r && r.error) || NO_ANSWER }),
            () => noteReport(post.key, { reportError: NO_ANSWER }));
      },
    };
  }

  async function reload() {
    const previous = config;
    config = await W.settings.load();
    if (previous) previous.matcher.release();
    W.campaign.configure(config.settings.campaign);
    generation++;
    scheduleUnpause();
  }

  let unpauseTimer = 0;
  function scheduleUnpause() {
    clearTimeout(unpauseTimer);
    const wait = config.settings.pausedUntil - Date.now();
    if (wait > 0) unpauseTimer = setTimeout(() => { generation++; scheduler.requeueAll(document.body); }, Math.min(wait, 2 ** 31 - 1));
  }

  const scheduler = W.createScheduler(judge);
  // A repeated-wording count arrived or changed: decorate the post again to show it.
  W.campaign.onUpdate = (article) => scheduler.redecorate(article);

  chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
    if (msg && msg.type === "tab-stats") reply({ judged: tabStats.judged, warned: tabStats.warned });
  });

  W.settings.watch(async (keys) => {
    if (keys.includes("lists") || keys.includes("settings")) {
      await reload();
    } else if (keys.includes("campaignCleared")) {
      W.campaign.reset();
      generation++;
    } else if (keys.includes("revealed") || keys.includes("notWedge")) {
      const stored = await chrome.storage.local.get(["revealed", "notWedge"]);
      config.revealed = stored.revealed || {};
      config.notWedge = stored.notWedge || {};
      generation++;
    } else {
      return; // stats: ours, nothing to redo
    }
    scheduler.requeueAll(document.body);
  });

  reload().then(() => {
    scheduler.start(document.body);
    W.warmUp(() => config.matcher, config.examples);
  });
})();
