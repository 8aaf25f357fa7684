// The posts a tab has counted, the most recent only: X reuses cells, so a post seen again must
// not count twice, but a long scroll must not make the tab remember every post it showed.

/**
 * The ids most recently added or seen again: at most `limit` of them and `maxChars` characters
 * (an id holds a post's words); the oldest go first, the newest never.
 * @param {number} limit
 * @param {number} maxChars
 */
export function recentSet(limit, maxChars) {
  const ids = new Set(); // in insertion order: oldest first
  let chars = 0;
  return {
    /** Adds id; false when it was there (it becomes the most recent). */
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
