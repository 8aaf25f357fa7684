// What judging costs, per post read-to-decoration, per redecoration and per frame, and what the
// warm-up cost; the page benchmark reads it (main.js hands it to the page's tools). Pages round
// performance.now() to 0.1 ms (5 us when cross-origin isolated), so a frame's total over its posts
// is kept too: one long interval divided is exact where a 0.05 ms post reads 0 or 0.1.
export const costs = {
  posts: new Float64Array(4096), count: 0, // ms per post read, judged and decorated, a ring
  redecorations: new Float64Array(4096), redecorated: 0, // ms per post decorated again, unread, a ring
  frames: new Float64Array(1024), framePosts: new Uint16Array(1024), frameCount: 0, // ms and judged posts per frame, a ring
  maxFrameMs: 0,
  /** @type {{matches: number, ms: number, done: boolean} | null} */
  warmUp: null,
  /** How long the last load of the lists took (storage read, parse and compile): a tab's start-up. */
  loadMs: 0,
  /** Whether that load restored the background's compiled form (else it compiled the lists). */
  restored: false,
  /** Loads of the lists in this tab so far, by how the matcher came: restored or compiled here. */
  loads: { restored: 0, compiled: 0 },
};
