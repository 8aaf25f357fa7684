// "Same wording seen from N accounts", the content-script half. Every post with text is
// sent to the background (which holds the one index for all tabs) with its permalink and a salted
// SHA-256 of the account's handle: the handle itself never leaves this file. A repost counts for
// the reposting account, read from the link around "X reposted".
// lookup() answers synchronously from what is known; a new answer calls onUpdate(article) so
// the post is decorated again. Nothing here ever talks to a server.
import { api } from "../common/browser.js";
import { CAMPAIGN_DEFAULTS } from "../common/defaults.js";
import { sha256Hex } from "../common/encoding.js";
import { MSG } from "../common/messages.js";

/** Posts per message: one message per burst of new posts, not one per post. */
const BATCH_WAIT_MS = 30;
/** Kept answers; X recycles cells, so a long scroll must not grow this forever. */
const MAX_CACHED = 5000;

/** @type {import("../common/defaults.js").CampaignSettings} */
let settings = { ...CAMPAIGN_DEFAULTS };
/** id -> distinct-account count (-1: too little content to compare). */
let counts = new Map();
/** article -> id it was last asked about. */
let shown = new WeakMap();
/** wording (cluster) -> {article -> id} showing it, so one new sighting updates them all at once. */
let byCluster = new Map();
let queue = [];
let timer = 0;
let saltPromise = null;
const hashes = new Map();

/** Called with an article whose count changed in a way the reader would see. */
let onUpdate = (/** @type {Element} */ _article) => {};

/** @param {(article: Element) => void} callback */
export function onCountChange(callback) {
  onUpdate = callback;
}

export function configure(campaign) {
  settings = { ...settings, ...(campaign || {}) };
  reset();
}

/** Forgets every count (history cleared, window changed): posts on screen are asked again. */
export function reset() {
  counts = new Map();
  shown = new WeakMap();
  byCluster = new Map();
}

/** The account a sighting belongs to: the reposter for a repost, else the author. */
function accountOf(post) {
  return (post.reposter || post.handle).toLowerCase();
}

function salt() {
  saltPromise ||= api.runtime.sendMessage({ type: MSG.CAMPAIGN_SALT }).then((r) => r.salt);
  return saltPromise;
}

/** hex SHA-256 of salt + handle: enough to count distinct accounts, not to name them. */
function accountHash(handle) {
  let h = hashes.get(handle);
  if (!h) {
    h = salt().then((s) => sha256Hex(new TextEncoder().encode(s + "\u0000" + handle)));
    hashes.set(handle, h);
  }
  return h;
}

/**
 * {count, windowDays, text} when this post's wording was seen from at least `threshold` accounts,
 * else null. The first call for a post asks the background and answers null meanwhile.
 */
export function lookup(article, post) {
  if (!settings.enabled || !post.text || !post.key) return null;
  const handle = accountOf(post);
  if (!handle) return null;
  const id = post.key + "\u0000" + handle + "\u0000" + post.text;
  shown.set(article, id);
  const count = counts.get(id);
  if (count === undefined) {
    counts.set(id, 0); // asked: don't ask again while the answer is on its way
    ask(article, id, post.text, handle, post.key);
    return null;
  }
  return shows(count) ? { count, windowDays: settings.windowDays, text: post.text } : null;
}

/** What a count displays: itself at or over the threshold, else nothing (0). */
function shows(count) {
  return count >= settings.threshold ? count : 0;
}

function ask(article, id, text, handle, key) {
  accountHash(handle).then((account) => {
    queue.push({ article, id, post: { text: text.slice(0, 2000), account, key } });
    if (!timer) timer = setTimeout(flush, BATCH_WAIT_MS);
  }, () => counts.delete(id));
}

async function flush() {
  timer = 0;
  const batch = queue;
  queue = [];
  if (counts.size > MAX_CACHED) reset();
  let reply;
  try {
    reply = await api.runtime.sendMessage({ type: MSG.CAMPAIGN_OBSERVE, posts: batch.map((q) => q.post) });
  } catch {
    reply = null; // the background restarted mid-message: ask again on the next change
  }
  if (!reply || !reply.ok) {
    for (const q of batch) counts.delete(q.id);
    return;
  }
  batch.forEach((q, i) => {
    setCount(q.article, q.id, reply.counts[i]);
    const cluster = reply.clusters ? reply.clusters[i] : -1;
    if (cluster < 0) return;
    // Earlier copies of this wording on screen answered a lower count: give them this one.
    let articles = byCluster.get(cluster);
    if (!articles) byCluster.set(cluster, (articles = new Map()));
    articles.set(q.article, q.id);
    for (const [other, id] of articles) {
      // X reuses cells: a cell now showing another post is not this wording any more.
      if (!other.isConnected || shown.get(other) !== id) articles.delete(other);
      else if (other !== q.article) setCount(other, id, reply.counts[i]);
    }
  });
}

function setCount(article, id, count) {
  const before = counts.get(id);
  counts.set(id, count);
  // Only a change the reader would see: re-rendering a panel closes its open details.
  if (shows(count) !== shows(before) && article.isConnected) onUpdate(article);
}
