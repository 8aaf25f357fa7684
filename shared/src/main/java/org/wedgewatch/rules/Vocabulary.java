package org.wedgewatch.rules;

/**
 * Words of the compiled lists and their token ids, in an open-addressing table of plain arrays.
 * It is looked up for every word of every post; without boxed integers or entry objects this is
 * noticeably cheaper in the browser than a HashMap.
 */
final class Vocabulary {
    private String[] keys = new String[1024];
    private int[] ids = new int[1024];
    private int size;

    int size() {
        return size;
    }

    /** The id of {@code word}, or -1. */
    int get(String word) {
        int mask = keys.length - 1;
        for (int i = word.hashCode() & mask; keys[i] != null; i = (i + 1) & mask) {
            if (keys[i].equals(word)) return ids[i];
        }
        return -1;
    }

    /**
     * The id of the lower-cased word in {@code chars[from, to)} with repeated letters read once (as
     * {@link Normalizer#collapseRepeats} would make it), or -1; {@code hash} is that word's
     * String.hashCode(). Posts' plain words are looked up this way without making a String.
     */
    int get(char[] chars, int from, int to, int hash) {
        int mask = keys.length - 1;
        for (int i = hash & mask; keys[i] != null; i = (i + 1) & mask) {
            if (sameCollapsed(keys[i], chars, from, to)) return ids[i];
        }
        return -1;
    }

    private static boolean sameCollapsed(String key, char[] chars, int from, int to) {
        int k = 0;
        char prev = 0;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') c = (char) (c + 32); // posts' words are matched lower-case
            if (c == prev) continue;
            if (k >= key.length() || key.charAt(k) != c) return false;
            k++;
            prev = c;
        }
        return k == key.length();
    }

    /** The id of {@code word}, given the next free id when it is new. */
    int intern(String word) {
        int id = get(word);
        if (id >= 0) return id;
        if (2 * (size + 1) > keys.length) grow();
        put(word, size);
        return size++;
    }

    private void put(String word, int id) {
        int mask = keys.length - 1;
        int i = word.hashCode() & mask;
        while (keys[i] != null) i = (i + 1) & mask;
        keys[i] = word;
        ids[i] = id;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new String[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) put(oldKeys[i], oldIds[i]);
        }
    }
}
