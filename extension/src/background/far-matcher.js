// Matches the words of posts too long for a tab to match within a frame (content/long-posts.js)
// with the lists as stored now: the form compiled for tabs (engine/cache.js) when it is for them,
// else compiled here. One matcher is held until the lists or settings change.
import { withDefaults } from '../common/defaults.js';
import { loadMatcher, sources } from '../engine/cache.js';

/**
 * @param {import('../engine/engine.js').Engine} engine
 * @param {{get(keys: string[]): Promise<any>}} area storage.local
 * @param {string} engineVersion
 */
export function create(engine, area, engineVersion) {
  /** @type {Promise<import('../engine/engine.js').Loaded> | null} */
  let held = null;

  async function load() {
    const got = await area.get(['lists', 'settings', 'compiled']);
    const src = sources(got.lists, withDefaults(got.settings));
    return loadMatcher(engine, got.compiled, engineVersion, src);
  }

  return {
    /** The matches of text, in the engine's shape (rule, list, span...), as a tab would find them. */
    async match(text) {
      const mine = (held ||= load());
      try {
        return (await mine).match(String(text));
      } catch (e) {
        if (held === mine) held = null; // storage unreadable just now: the next ask tries again
        throw e;
      }
    },
    /** The lists or settings changed: the next match loads them again. */
    forget() {
      const old = held;
      held = null;
      if (old) old.then((m) => m.release(), () => {});
    },
  };
}
