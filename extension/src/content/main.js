// Judges every post X shows and decorates the flagged ones. Contract for tests and tools:
// each judged article[data-testid="tweet"] carries data-wedgewatch = warn | pass | revealed (or
// pending while the background matches a long post's words), and a warned one holds a
// [data-wedgewatch-overlay] element whose open shadow root explains the warning.
import { api } from "../common/browser.js";
import { MSG } from "../common/messages.js";
import * as campaign from "./campaign.js";
import * as campaignView from "./campaign-view.js";
import { costs } from "./costs.js";
import { childWith, t } from "./dom.js";
import * as longPosts from "./long-posts.js";
import * as overlay from "./overlay.js";
import { readPost } from "./post-reader.js";
import { recentSet } from "./recent.js";
import { createScheduler } from "./scheduler.js";
import { OVERLAY_ATTR } from "./selectors.js";
import * as settings from "./settings.js";
import { followTheme } from "./theme.js";
import { warmUp } from "./warm-up.js";

const STATE = "data-wedgewatch";
const ACTION = "data-wedgewatch-action";
const STATS_EVERY_MS = 5000;

let config = null;
/** Bumped when lists, settings or marks change, so every post is judged again. */
let generation = 0;
/** article -> {generation, paused, state, post, verdict}: what it was last judged on and found, to
 *  skip unchanged posts cheaply and to redecorate one without reading and matching it again. */
const judged = new WeakMap();
/** Posts counted in stats ("key\0text\0quoted text") so a reused cell isn't counted twice: the last
 *  5,000 (far more than a reader scrolls back over) and 4 MB of words, so a long scroll doesn't
 *  grow it forever. */
const counted = recentSet(5000, 2_000_000);
const tabStats = { judged: 0, warned: 0 };
let statsDelta = {};
let statsTimer = 0;

/** A long post's verdict while the background matches its words: undecorated, uncounted, judged again on the answer. */
const PENDING = { matches: [], inQuote: false, pending: true };

/** What post's words match, or PENDING while a long one's answer is on its way (content/long-posts.js). */
function matchesOf(post) {
  if (post.handle && config.allowlist.has(post.handle.toLowerCase())) return { matches: [], inQuote: false };
  const own = post.text ? longPosts.matchesOf(config.matcher, post.text, rejudgeAll) : [];
  if (!own) return PENDING;
  if (own.length || !post.quoteText) return { matches: own, inQuote: false };
  const quoted = longPosts.matchesOf(config.matcher, post.quoteText, rejudgeAll);
  return quoted ? { matches: quoted, inQuote: true } : PENDING;
}

/** Every post on the page again: a long post's answer came (unchanged posts are skipped cheaply). */
function rejudgeAll() {
  scheduler.requeueAll(document.body);
}

function count(post, match) {
  const id = post.key + "\u0000" + post.text + "\u0000" + post.quoteText;
  if (!counted.add(id)) return;
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
  const r = await api.runtime.sendMessage({ type: MSG.STATS, delta }).catch(() => null);
  if (r && r.ok) return;
  // The background restarted mid-message: these counts go with the next ones.
  for (const [id, d] of Object.entries(delta)) {
    const s = (statsDelta[id] = statsDelta[id] || { judged: 0, warned: 0 });
    s.judged += d.judged;
    s.warned += d.warned;
  }
  if (!statsTimer) statsTimer = setTimeout(flushStats, STATS_EVERY_MS);
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
    words: (inQuote ? post.quoteText : post.text).slice(m.span[0], m.span[1]),
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
    post = readPost(article);
    if (last && last.generation === generation && samePost(last.post, post) && article.getAttribute(STATE) === last.state
      && (last.state === "pass" || hasPanel(article))) return "";
    // Paused on this site: no warning, no badge, and nothing counted or remembered.
    verdict = paused ? { matches: [], inQuote: false } : matchesOf(post);
    if (!paused && !verdict.pending) count(post, verdict.matches[0]);
  }
  const { matches, inQuote } = verdict;
  const m = matches[0];
  const repeat = paused ? null : campaign.lookup(article, post);
  campaignView.badge(article, m || verdict.pending ? null : repeat); // a flagged post says it in its panel
  let state = verdict.pending ? "pending" : "pass";
  if (!m) {
    overlay.remove(article);
    article.removeAttribute(ACTION);
  } else {
    const mark = config.notWedge[post.key];
    state = mark || config.revealed[post.key] ? "revealed" : "warn";
    article.setAttribute(ACTION, (config.lists[m.list] && config.lists[m.list].action) || m.action);
    overlay.show(article, warning(post, m, inQuote, state === "revealed", markNote(mark, post.key), repeat));
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
  if (reporting.has(key)) return t("overlay_reporting");
  if (mark.reported) return t("overlay_reported");
  if (mark.reportError) return t("overlay_report_failed", [t(mark.reportError.code, mark.reportError.params)]);
  return t("overlay_marked");
}

/** Would posts a and b be judged alike: the same post, words and cut? */
function samePost(a, b) {
  return a.key === b.key && a.text === b.text && a.quoteText === b.quoteText && a.truncated === b.truncated;
}

function hasPanel(article) {
  return childWith(article, OVERLAY_ATTR) !== null;
}

/** Asks the background, the one writer of storage, to keep the reader's marks on post key (null clears one). */
function saveMarks(key, marks) {
  api.runtime.sendMessage({ type: MSG.MARK, key, ...marks }).catch(() => {});
}

const NO_ANSWER = { code: "overlay_report_no_answer" };

/** Keeps what became of post key's report in its mark (the storage change redraws its panel). */
function noteReport(key, outcome) {
  reporting.delete(key);
  const mark = config.notWedge[key];
  if (!mark) return; // unmarked meanwhile ("Hide again")
  config.notWedge = { ...config.notWedge, [key]: { ...mark, ...outcome } };
  saveMarks(key, { notWedge: config.notWedge[key] });
}

/** The reader pressed "Show post", "Hide again" or "Not a wedge post" on article's panel for warning w. */
function onPanelAction(action, article, w) {
  const last = judged.get(article);
  if (!last) return;
  const { key } = last.post;
  if (action === "show") {
    config.revealed = { ...config.revealed, [key]: Date.now() };
    saveMarks(key, { revealed: config.revealed[key] });
  } else if (action === "hide") {
    const { [key]: _, ...rest } = config.revealed;
    config.revealed = rest;
    const { [key]: __, ...marks } = config.notWedge;
    config.notWedge = marks;
    saveMarks(key, { revealed: null, notWedge: null });
  } else {
    markNotWedge(last.post, w.match, w.inQuote);
  }
  judged.delete(article);
  judge(article);
}

/** "Not a wedge post": kept as the reader's mark, and reported if they opted in. */
function markNotWedge(post, m, inQuote) {
  // Only with the reader's opt-in does anything about what they read leave the browser, and
  // its words only when they allowed that too (the background checks both again). The
  // panel says "a report went" only once the list's server has taken it.
  const report = !!config.settings.reportsOptIn;
  if (report) reporting.add(post.key);
  config.notWedge = { ...config.notWedge, [post.key]: { list: m.list, rule: m.rule, at: Date.now(), reported: false } };
  saveMarks(post.key, { notWedge: config.notWedge[post.key] });
  if (!report) return;
  const words = config.settings.reportsIncludeText ? (inQuote ? post.quoteText : post.text) : "";
  api.runtime.sendMessage({ type: MSG.REPORT, list: m.list, rule: m.rule, verdict: "false-positive", ...(words ? { text: words } : {}) })
    .then((r) => noteReport(post.key, r && r.ok ? { reported: true } : { reportError: (r && r.error) || NO_ANSWER }),
      () => noteReport(post.key, { reportError: NO_ANSWER }));
}

/** Bumped by each load of the lists: only the latest one's result is used. */
let loading = 0;

async function reload() {
  const mine = ++loading;
  const start = performance.now();
  const next = await settings.load();
  if (!next) return; // the lists changed meanwhile: the load for that change follows
  if (mine !== loading) return next.matcher.release();
  const previous = config;
  config = next;
  costs.loadMs = performance.now() - start;
  costs.restored = config.matcher.restored;
  costs.loads[costs.restored ? "restored" : "compiled"]++;
  if (previous) previous.matcher.release();
  campaign.configure(config.settings.campaign);
  generation++;
  scheduleUnpause();
}

let unpauseTimer = 0;
function scheduleUnpause() {
  clearTimeout(unpauseTimer);
  const wait = config.settings.pausedUntil - Date.now();
  if (wait > 0) unpauseTimer = setTimeout(() => { generation++; scheduler.requeueAll(document.body); }, Math.min(wait, 2 ** 31 - 1));
}

const scheduler = createScheduler(judge);

/** Judges the page from now on: posts already there, and every post X adds or changes. */
export function start() {
  // A repeated-wording count arrived or changed: decorate the post again to show it.
  campaign.onCountChange((article) => scheduler.redecorate(article));
  overlay.onPanelAction(onPanelAction);

  api.runtime.onMessage.addListener((msg, _sender, reply) => {
    if (msg && msg.type === MSG.TAB_STATS) reply({ judged: tabStats.judged, warned: tabStats.warned, loads: costs.loads });
  });

  settings.watch(async (keys) => {
    if (keys.includes("lists") || keys.includes("settings")) {
      await reload();
      if (!judging) return startJudging();
    } else if (keys.includes("campaignCleared")) {
      campaign.reset();
      generation++;
    } else if (keys.includes("revealed") || keys.includes("notWedge")) {
      if (!config) return; // the first load reads them
      const stored = await api.storage.local.get(["revealed", "notWedge"]);
      config.revealed = stored.revealed || {};
      config.notWedge = stored.notWedge || {};
      generation++;
    } else {
      return; // stats: nothing to redo
    }
    if (judging) scheduler.requeueAll(document.body);
  });

  followTheme();
  reload().then(startJudging);
}

let judging = false;

/** Starts judging once there are lists: right after install, the background is still writing them. */
function startJudging() {
  if (judging || !config || !config.ready) return;
  judging = true;
  scheduler.start(document.body);
  warmUp(() => config.matcher, config.examples);
}
