// While the page is idle after it opens, runs the matcher over the lists' own examples a few
// times. Why: V8 compiles the engine's hot code to machine code on worker threads as it gets hot,
// and on a 2-core machine those threads take the core from the page's main thread mid-frame. Left
// to the posts, that compiling lands while the reader scrolls the first few hundred of them; done
// here, it lands while nothing else is asked of the page. Only list examples are matched: nothing
// the reader sees, and nothing counted or shown.
import { costs } from "./costs.js";

/** Matches of every example: enough for V8 to optimize the engine's hot loops. */
const ROUNDS = 20;
/** Leave the rest of an idle period to the page. */
const SPARE_MS = 1;
/** At most this long at a time, though an idle period may offer 50 ms: a key pressed or a
 *  scroll started meanwhile waits no longer than this. */
const SLICE_MS = 4;

/**
 * Matches each of texts ROUNDS times with matcherNow() (the current matcher: lists may reload
 * meanwhile), only in idle periods (idle: requestIdleCallback; tests hand them out). Sets
 * costs.warmUp = {matches, ms, done}: what it cost the main thread (the page benchmark prints it).
 */
export function warmUp(matcherNow, texts, idle = globalThis.requestIdleCallback && ((callback) => requestIdleCallback(callback))) {
  const cost = { matches: 0, ms: 0, done: texts.length === 0 };
  costs.warmUp = cost;
  if (cost.done || !idle) return cost; // no idle callbacks here: no warm-up, never a busy page
  const total = ROUNDS * texts.length;
  const slice = (deadline) => {
    const start = performance.now();
    while (cost.matches < total && deadline.timeRemaining() > SPARE_MS && performance.now() - start < SLICE_MS) {
      matcherNow().match(texts[cost.matches % texts.length]);
      cost.matches++;
    }
    cost.ms += performance.now() - start;
    if (cost.matches < total) idle(slice);
    else cost.done = true;
  };
  idle(slice);
  return cost;
}
