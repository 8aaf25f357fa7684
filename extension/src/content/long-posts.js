// Words too long to match on the page's thread within a frame, whatever the list: the background
// matches them with the same lists (background/far-matcher.js), and the post waits, "pending",
// until the answer comes. Nothing leaves the browser. Answers are kept by text, so a cell X
// reuses for the same words is judged at once. When an answer comes, the posts on the page are
// judged again, each reading its words afresh (unchanged ones are skipped cheaply), so an answer
// lands only where those words still are.
import { api } from "../common/browser.js";
import { MSG } from "../common/messages.js";

/**
 * Longer words go to the background. Matching is linear: the slowest list the parser accepts
 * (many gaps, `make bench`'s worst-list) costs about 2.5 us a character, up to 7 in a busy tab, so
 * 1,000 characters stay under 7 ms, within a 16 ms frame. X's ordinary posts (280) never go.
 */
export const LONG_CHARS = 1000;
/** Texts kept: a tab's recent long posts (all forgotten at once past it). */
const KEPT = 200;
/** After a failed ask (no background to answer just now), the post stays pending this long, then asks again. */
const RETRY_MS = 5000;

/** The matcher the answers are for: a new one (lists or settings changed) forgets them. */
let answersFor = null;
/** text -> its matches once answered, null while asked */
let far = new Map();

/**
 * The matches of text: matched here when it is short, else the background's answer, or null while
 * that is on its way (then rejudge() is called when it comes, or RETRY_MS after none came).
 * @returns {any[] | null}
 */
export function matchesOf(matcher, text, rejudge) {
  if (text.length <= LONG_CHARS) return matcher.match(text);
  if (matcher !== answersFor || far.size > KEPT) {
    answersFor = matcher;
    far = new Map();
  }
  const mine = far;
  if (mine.has(text)) return mine.get(text);
  mine.set(text, null);
  // A promise even when sending throws (a tab left behind by a reloaded extension).
  new Promise((send) => send(api.runtime.sendMessage({ type: MSG.MATCH, text }))).catch(() => null).then((r) => {
    const ok = r && r.ok;
    if (ok) mine.set(text, r.matches);
    else mine.delete(text); // asked again when the post is judged again
    setTimeout(rejudge, ok ? 0 : RETRY_MS);
  });
  return null;
}
