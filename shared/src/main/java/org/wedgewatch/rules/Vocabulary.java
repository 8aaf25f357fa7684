package org.wedgewatch.rules;

/**
 * Words of the compiled lists and their token ids, in an open-addressing table of plain arrays.
 * It is looked up for every word of every post; without boxed integers, entry objects or String
 * keys this is noticeably cheaper in the browser than a HashMap.
 *
 * <p>A slot is four ints side by side: the key's hash, its id plus one (0: empty), and the key
 * {@link #packed} in two ints. A post's plain word is packed as it is read, so finding it reads
 * one array and no characters; other keys are compared, when the hashes agree, with their
 * characters in one shared char pool. A String key would cost the browser three dependent memory
 * reads before its first character. Slots are chosen by the hash times the golden ratio: similar
 * words' String hashes differ by little in their low bits and would pile up in neighbouring slots.
 */
final class Vocabulary {
    private static final int HASH = 0;
    private static final int ID = 1;
    private static final int PACK_HIGH = 2;
    private static final int PACK_LOW = 3;
    private static final int STRIDE = 4;
    /** Letters a word may have to be packed, five bits each in two ints (never negative). */
    static final int PACK_LETTERS = 12;
    /** The packed form of a word that has none: no packed word equals it. */
    static final int NOT_PACKED = -1;

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
            if (s[at + HASH] == hash && sameAs(s[at + ID] - 1, word)) return s[at + ID] - 1;
        }
        return -1;
    }

    /**
     * The id of the lower-cased word in {@code chars[from, to)} with repeated letters read once (as
     * {@link Normalizer#collapseRepeats} would make it), or -1; {@code hash} is that word's
     * String.hashCode() and {@code high}, {@code low} its {@link #packed} form. Posts' plain words
     * are looked up this way without making a String.
     */
    int get(char[] chars, int from, int to, int hash, int high, int low) {
        int[] s = slots;
        for (int i = slot(hash); s[STRIDE * i + ID] != 0; i = (i + 1) & mask) {
            int at = STRIDE * i;
            if (s[at + HASH] == hash && (high != NOT_PACKED ? s[at + PACK_HIGH] == high && s[at + PACK_LOW] == low
                    : sameCollapsed(s[at + ID] - 1, chars, from, to))) return s[at + ID] - 1;
        }
        return -1;
    }

    /**
     * A word of at most {@link #PACK_LETTERS} letters a to z as two ints, its first six letters and
     * the rest, five bits a letter (a is 1): two words are the same exactly when these are.
     * {@link #NOT_PACKED} for any other word. The normalizer packs posts' words the same way.
     */
    static int packed(String word, boolean high) {
        int n = word.length();
        if (n > PACK_LETTERS) return NOT_PACKED;
        int pack = 0;
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') return NOT_PACKED;
            if (high == i < PACK_LETTERS / 2) pack = pack << 5 | (c - 'a' + 1);
        }
        return pack;
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
            int id = s[at + ID] - 1;
            if (s[at + HASH] == hash && wordLength[id] == length && sameVariant(wordStart[id], word, skip, swap)) return id;
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

    private boolean sameAs(int id, String word) {
        int start = wordStart[id];
        int length = wordLength[id];
        if (length != word.length()) return false;
        for (int k = 0; k < length; k++) if (pool[start + k] != word.charAt(k)) return false;
        return true;
    }

    private boolean sameCollapsed(int id, char[] chars, int from, int to) {
        int start = wordStart[id];
        int length = wordLength[id];
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
        if (size == wordStart.length) {
            wordStart = java.util.Arrays.copyOf(wordStart, size * 2);
            wordLength = java.util.Arrays.copyOf(wordLength, size * 2);
        }
        wordStart[size] = start;
        wordLength[size] = word.length();
        put(word.hashCode(), size, packed(word, true), packed(word, false));
        return size++;
    }

    private int slot(int hash) {
        return (hash * 0x9E3779B1) >>> shift;
    }

    private void put(int hash, int id, int high, int low) {
        int i = slot(hash);
        while (slots[STRIDE * i + ID] != 0) i = (i + 1) & mask;
        int at = STRIDE * i;
        slots[at + HASH] = hash;
        slots[at + ID] = id + 1;
        slots[at + PACK_HIGH] = high;
        slots[at + PACK_LOW] = low;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        mask = 2 * mask + 1;
        shift--;
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at + ID] != 0) put(old[at + HASH], old[at + ID] - 1, old[at + PACK_HIGH], old[at + PACK_LOW]);
        }
    }
}
