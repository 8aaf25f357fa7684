// Observer-queues-then-batch (as uBlock's content script does): the MutationObserver only
// collects posts; they are judged in the next animation frame, a few milliseconds per frame,
// so a burst of 100 new posts never makes a long task. Nothing is scheduled while nothing changes.
import { costs } from "./costs.js";
import { CAMPAIGN_ATTR, OVERLAY_ATTR, S } from "./selectors.js";

/** Work per frame before yielding to the page. */
const FRAME_BUDGET_MS = 6;

/** Our own panel or badge host, added to a post: not a change in the page. */
function isOurs(node) {
  return node.nodeType === Node.ELEMENT_NODE && (node.hasAttribute(OVERLAY_ATTR) || node.hasAttribute(CAMPAIGN_ATTR));
}

/**
 * Calls judge(article, reread) for every post that appeared or changed, batched per frame; judge
 * says what it did: "read" (read, matched, decorated), "redecorated", or "" when nothing had
 * changed, so only real work is timed. reread is false when only the decoration has to change
 * (a repeated-wording count arrived) and nothing in the post did: its words need not be read
 * and matched again.
 */
export function createScheduler(judge) {
  /** article -> reread: a change in the page (true) outweighs a change in our decoration. */
  const pending = new Map();
  let frame = 0;

  function run() {
    frame = 0;
    let now = performance.now();
    const until = now + FRAME_BUDGET_MS;
    const frameStart = now;
    let judgedHere = 0;
    for (const [article, reread] of pending) {
      pending.delete(article);
      const done = article.isConnected ? judge(article, reread) : "";
      if (done) {
        const after = performance.now();
        if (done === "read") costs.posts[costs.count++ % costs.posts.length] = after - now;
        else costs.redecorations[costs.redecorated++ % costs.redecorations.length] = after - now;
        judgedHere++;
        now = after;
      } else {
        now = performance.now();
      }
      if (now > until) break;
    }
    const slot = costs.frameCount++ % costs.frames.length;
    costs.frames[slot] = now - frameStart;
    costs.framePosts[slot] = judgedHere;
    costs.maxFrameMs = Math.max(costs.maxFrameMs, now - frameStart);
    if (pending.size) frame = requestAnimationFrame(run);
  }

  function queue(article, reread = true) {
    pending.set(article, reread || pending.get(article) === true);
    if (!frame) frame = requestAnimationFrame(run);
  }

  function queueWithin(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) {
      node = node.parentElement;
      if (!node) return;
    }
    const around = node.closest(S.post);
    if (around) queue(around);
    else for (const a of node.querySelectorAll(S.post)) queue(a);
  }

  // X reuses cells: a post's words change in place (characterData) or by swapped children.
  // Removals matter only inside a post (X re-rendered it, perhaps dropping our panel).
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "characterData") {
        queueWithin(r.target);
        continue;
      }
      for (const n of r.addedNodes) if (!isOurs(n)) queueWithin(n);
      if (r.removedNodes.length) {
        const target = /** @type {Element} */ (r.target);
        const around = target.closest && target.closest(S.post);
        if (around) queue(around);
      }
    }
  });

  return {
    queue,
    /** Decorate article again from what it was last judged on (its words did not change). */
    redecorate(article) {
      queue(article, false);
    },
    start(root) {
      observer.observe(root, { childList: true, subtree: true, characterData: true });
      for (const a of root.querySelectorAll(S.post)) queue(a);
    },
    /** Every post on the page again, after the lists or settings changed. */
    requeueAll(root) {
      for (const a of root.querySelectorAll(S.post)) queue(a);
    },
  };
}
