// "Same wording seen from N accounts" (issue 5), the content-script half. Every post with text is
// sent to the background (which holds the one index for all tabs) with its permalink and a salted
// SHA-256 of the account's handle: the handle itself never leaves this file. A repost counts for
// the reposting account, read from the link around "X reposted".
// lookup() answers synchronously from what is known; a new answer calls onUpdate(article) so
// main.js judges the post again. Nothing here ever talks to a server.
(() => {
  const W = globalThis.Wedgewatch;
  const S = W.selectors;
  /** Posts per message: one message per burst of new posts, not one per post. */
  const BATCH_WAIT_MS = 30;
  /** Kept answers; X recycles cells, so a long scroll must not grow this forever. */
  const MAX_CACHED = 5000;

  let settings = { enabled: true, threshold: 3, windowDays: 7 };
  /** id -> distinct-account count (-1: too little content to compare). */
  let counts = new Map();
  /** article -> id it was last asked about, for refreshing what is on screen. */
  let shown = new WeakMap();
  const onScreen = new Set();
  let queue = [];
  let timer = 0;
  let saltPromise = null;
  const hashes = new Map();

  const api = {
    /** Set by main.js: judge this article again. */
    onUpdate: () => {},
    configure,
    reset,
    lookup,
  };

  function configure(campaign) {
    settings = { ...settings, ...(campaign || {}) };
    reset();
  }

  /** Forgets every count (history cleared, window changed): posts on screen are asked again. */
  function reset() {
    counts = new Map();
    shown = new WeakMap();
    onScreen.clear();
  }

  /** The account a sighting belongs to: the reposter for a repost, else the author. */
  function accountOf(article, post) {
    const ctx = article.querySelector(S.socialContext);
    const link = ctx && ctx.closest("a[href]");
    // "Pinned" has no link; "A reposted" links to A's profile, /handle.
    const reposter = link && article.contains(link) ? link.getAttribute("href").split("/")[1] : "";
    return (reposter || post.handle || "").toLowerCase();
  }

  function salt() {
    saltPromise ||= chrome.runtime.sendMessage({ type: "campaign-salt" }).then((r) => r.salt);
    return saltPromise;
  }

  /** hex SHA-256 of salt + handle: enough to count distinct accounts, not to name them. */
  function accountHash(handle) {
    let h = hashes.get(handle);
    if (!h) {
      h = salt().then(async (s) => {
        const bytes = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s + "\u0000" + handle));
        return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
      });
      hashes.set(handle, h);
    }
    return h;
  }

  /**
   * {count, windowDays, text} when this post's wording was seen from at least `threshold` accounts,
   * else null. The first call for a post asks the background and answers null meanwhile.
   */
  function lookup(article, post) {
    if (!settings.enabled || !post.text || !post.key) return null;
    const handle = accountOf(article, post);
    if (!handle) return null;
    const id = post.key + "\u0000" + handle + "\u0000" + post.text;
    shown.set(article, id);
    const count = counts.get(id);
    if (count === undefined) {
      counts.set(id, 0); // asked: don't ask again while the answer is on its way
      ask(article, id, post.text, handle, post.key, false);
      return null;
    }
    return shows(count) ? { count, windowDays: settings.windowDays, text: post.text } : null;
  }

  /** What a count displays: itself at or over the threshold, else nothing (0). */
  function shows(count) {
    return count >= settings.threshold ? count : 0;
  }

  function ask(article, id, text, handle, key, refresh) {
    accountHash(handle).then((account) => {
      queue.push({ article, id, refresh, post: { text: text.slice(0, 2000), account, key } });
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
      reply = await chrome.runtime.sendMessage({ type: "campaign-observe", posts: batch.map((q) => q.post) });
    } catch {
      reply = null; // the background restarted mid-message: ask again on the next change
    }
    if (!reply || !reply.ok) {
      for (const q of batch) counts.delete(q.id);
      return;
    }
    let joined = false;
    batch.forEach((q, i) => {
      const count = reply.counts[i];
      const before = counts.get(q.id);
      counts.set(q.id, count);
      if (count >= 1) onScreen.add(q.article);
      if (!q.refresh && count >= 2) joined = true;
      // Only a change the reader would see: re-rendering a panel closes its open details.
      if (shows(count) !== shows(before) && q.article.isConnected) api.onUpdate(q.article);
    });
    // Posts of this batch too: the first of four copies answered 1 before the others were counted.
    if (joined && !refreshTimer) refreshTimer = setTimeout(refreshOnScreen, REFRESH_WAIT_MS);
  }

  // Posts join in bursts as the reader scrolls: one refresh per burst, not one per joining post
  // (that grew with the square of the posts on screen in the page benchmark).
  const REFRESH_WAIT_MS = 300;
  let refreshTimer = 0;

  /**
   * A post just joined a wording seen before: the posts on screen with that wording show an older,
   * lower count. Asking again is harmless (the same account and post count once), and a refresh
   * never triggers another.
   */
  function refreshOnScreen() {
    refreshTimer = 0;
    for (const article of onScreen) {
      if (!article.isConnected) {
        onScreen.delete(article);
        continue;
      }
      const post = W.readPost(article);
      const id = shown.get(article);
      const handle = accountOf(article, post);
      if (id && post.text && id === post.key + "\u0000" + handle + "\u0000" + post.text) {
        ask(article, id, post.text, handle, post.key, true);
      }
    }
  }

  W.campaign = api;
})();
