// What a tab remembers of the posts it has counted: the most recent ones only. X reuses cells, so
// a post seen again (scrolled back to, re-rendered) must not count twice; but a long scroll must
// not make the tab remember every post it ever showed.

/**
 * A set of the ids most recently added or seen again, at most `limit` of them and `maxChars`
 * characters in all (an id holds a post's words, and a post may be long); the oldest are
 * forgotten first, the newest never.
 * @param {number} limit
 * @param {number} maxChars
 */
export function recentSet(limit, maxChars) {
  /** Insertion order is recency order: the first is the oldest. */
  const ids = new Set();
  let chars = 0;
  return {
    /** Adds id and says whether it is new: false when it is remembered (it becomes the most recent). */
    add(/** @type {string} */ id) {
      if (ids.delete(id)) {
        ids.add(id);
        return false;
      }
      ids.add(id);
      chars += id.length;
      while (ids.size > 1 && (ids.size > limit || chars > maxChars)) {
        const oldest = ids.values().next().value;
        ids.delete(oldest);
        chars -= oldest.length;
      }
      return true;
    },
    get size() {
      return ids.size;
    },
    get chars() {
      return chars;
    },
  };
}
