package org.wedgewatch.rules;

/**
 * Words of the compiled lists and their token ids, in an open-addressing table of plain arrays.
 * It is looked up for every word of every post; without boxed integers, entry objects or String
 * keys this is noticeably cheaper in the browser than a HashMap.
 *
 * <p>A slot is four ints side by side: the key's hash, its id plus one (0: empty), and where its
 * characters start in one shared char pool and how many there are. A probe reads one array and
 * compares characters, in that pool, only when the hashes agree: a String key would cost the
 * browser three dependent memory reads before its first character. Slots are chosen by the hash
 * times the golden ratio: similar words' String hashes differ by little in their low bits and would
 * pile up in neighbouring slots.
 */
final class Vocabulary {
    private static final int HASH = 0;
    private static final int ID = 1;
    private static final int START = 2;
    private static final int LENGTH = 3;
    private static final int STRIDE = 4;

    private int[] slots = new int[STRIDE * 1024];
    private int mask = 1023;
    private int shift = 32 - 10; // 1024 slots
    private char[] pool = new char[4096];
    private int poolSize;
    private int size;
    /** The typo reader of the lists this vocabulary belongs to, set by the compiler; null elsewhere. */
    Typos typos;
    private int[] wordStart = new int[1024]; // by id: where its characters are in the pool
    private int[] wordLength = new int[1024];

    int size() {
        return size;
    }

    /** The id of {@code word}, or -1. */
    int get(String word) {
        int hash = word.hashCode();
        int[] s = slots;
        for (int i = slot(hash); s[STRIDE * i + ID] != 0; i = (i + 1) & mask) {
            int at = STRIDE * i;
            if (s[at + HASH] == hash && sameAs(s[at + START], s[at + LENGTH], word)) return s[at + ID] - 1;
        }
        return -1;
    }

    /**
     * The id of the lower-cased word in {@code chars[from, to)} with repeated letters read once (as
     * {@link Normalizer#collapseRepeats} would make it), or -1; {@code hash} is that word's
     * String.hashCode(). Posts' plain words are looked up this way without making a String.
     */
    int get(char[] chars, int from, int to, int hash) {
        int[] s = slots;
        for (int i = slot(hash); s[STRIDE * i + ID] != 0; i = (i + 1) & mask) {
            int at = STRIDE * i;
            if (s[at + HASH] == hash && sameCollapsed(s[at + START], s[at + LENGTH], chars, from, to)) return s[at + ID] - 1;
        }
        return -1;
    }

    /** The word with id {@code id}. */
    String word(int id) {
        return new String(pool, wordStart[id], wordLength[id]);
    }

    /**
     * The id of {@code word} with the letter at {@code skip} left out (or, with {@code swap}, the
     * letters at {@code skip} and {@code skip + 1} swapped), or -1, without making that String;
     * {@code hash} is its String.hashCode. The typo reader looks words up this way.
     */
    int getVariant(String word, int skip, boolean swap, int hash) {
        int[] s = slots;
        int length = swap ? word.length() : word.length() - 1;
        for (int i = slot(hash); s[STRIDE * i + ID] != 0; i = (i + 1) & mask) {
            int at = STRIDE * i;
            if (s[at + HASH] == hash && s[at + LENGTH] == length && sameVariant(s[at + START], word, skip, swap)) {
                return s[at + ID] - 1;
            }
        }
        return -1;
    }

    private boolean sameVariant(int start, String word, int skip, boolean swap) {
        int n = word.length();
        int k = 0;
        for (int i = 0; i < n; i++) {
            char c;
            if (swap) {
                c = word.charAt(i == skip ? skip + 1 : i == skip + 1 ? skip : i);
            } else {
                if (i == skip) continue;
                c = word.charAt(i);
            }
            if (pool[start + k++] != c) return false;
        }
        return true;
    }

    private boolean sameAs(int start, int length, String word) {
        if (length != word.length()) return false;
        for (int k = 0; k < length; k++) if (pool[start + k] != word.charAt(k)) return false;
        return true;
    }

    private boolean sameCollapsed(int start, int length, char[] chars, int from, int to) {
        int k = 0;
        char prev = 0;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') c = (char) (c + 32); // posts' words are matched lower-case
            if (c == prev) continue;
            if (k >= length || pool[start + k] != c) return false;
            k++;
            prev = c;
        }
        return k == length;
    }

    /** The id of {@code word}, given the next free id when it is new. */
    int intern(String word) {
        int id = get(word);
        if (id >= 0) return id;
        if (2 * (size + 1) > mask + 1) grow();
        int start = poolSize;
        if (pool.length < start + word.length()) {
            char[] bigger = new char[Math.max(2 * pool.length, start + word.length())];
            System.arraycopy(pool, 0, bigger, 0, start);
            pool = bigger;
        }
        word.getChars(0, word.length(), pool, start);
        poolSize += word.length();
        put(word.hashCode(), size, start, word.length());
        if (size == wordStart.length) {
            wordStart = java.util.Arrays.copyOf(wordStart, size * 2);
            wordLength = java.util.Arrays.copyOf(wordLength, size * 2);
        }
        wordStart[size] = start;
        wordLength[size] = word.length();
        return size++;
    }

    private int slot(int hash) {
        return (hash * 0x9E3779B1) >>> shift;
    }

    private void put(int hash, int id, int start, int length) {
        int i = slot(hash);
        while (slots[STRIDE * i + ID] != 0) i = (i + 1) & mask;
        int at = STRIDE * i;
        slots[at + HASH] = hash;
        slots[at + ID] = id + 1;
        slots[at + START] = start;
        slots[at + LENGTH] = length;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        mask = 2 * mask + 1;
        shift--;
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at + ID] != 0) put(old[at + HASH], old[at + ID] - 1, old[at + START], old[at + LENGTH]);
        }
    }
}
