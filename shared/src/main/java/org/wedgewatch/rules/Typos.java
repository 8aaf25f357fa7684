package org.wedgewatch.rules;

/**
 * Reads a one-letter slip in a long word ("electon", "rascists") as the list's word, by the
 * symmetric-delete method: every list word and each of its one-letter deletions are indexed, and
 * a post's unknown word is looked up, and each of its own deletions and neighbour swaps. That is two lookups
 * per letter, so matching stays linear. Only long words, the same first and last letter, and a
 * single candidate. Only inner letters are deleted, so the first and last letters always agree:
 * "racism" never becomes "racist".
 */
final class Typos {
    /** Words shorter than this are never corrected: short words are too close to each other. */
    static final int MIN_LENGTH = 7;
    /** Longer words are never corrected: no list word is that long, and the hash table below is bounded. */
    static final int MAX_LENGTH = 40;
    private static final int AMBIGUOUS = -2;
    private static final int[] POW31 = new int[MAX_LENGTH + 1];

    static {
        POW31[0] = 1;
        for (int i = 1; i <= MAX_LENGTH; i++) POW31[i] = 31 * POW31[i - 1];
    }

    private final Vocabulary keys;
    /** By first letter, last letter and length: could a word of that shape be a slip of a list word? */
    private final boolean[] shapes = new boolean[26 * 26 * (MAX_LENGTH + 2)];
    private int[] target;

    Typos() {
        this(new Vocabulary(), new int[256], new Vocabulary());
    }

    /**
     * An index read back from {@link CompiledForm}: its keys, by key id the word id each stands for,
     * and the list words whose shapes the first test knows (marked exactly as {@link #add} marks them).
     */
    Typos(Vocabulary keys, int[] target, Vocabulary words) {
        this.keys = keys;
        this.target = target;
        for (int id = 0; id < words.size(); id++) {
            String w = words.word(id);
            if (w.length() >= MIN_LENGTH && w.length() <= MAX_LENGTH && letters(w)) markShape(w);
        }
    }

    Vocabulary keys() {
        return keys;
    }

    int target(int key) {
        return target[key];
    }

    /** Indexes {@code word} (a list word with id {@code id}) and its one-letter deletions. */
    void add(String word, int id) {
        if (word.length() < MIN_LENGTH || word.length() > MAX_LENGTH || !letters(word)) return;
        markShape(word);
        put(word, id);
        for (int i = 1; i < word.length() - 1; i++) put(deleteAt(word, i), id);
    }

    private void put(String key, int id) {
        int k = keys.get(key);
        if (k >= 0) {
            if (target[k] != id) target[k] = AMBIGUOUS;
            return;
        }
        k = keys.intern(key);
        if (k == target.length) target = java.util.Arrays.copyOf(target, k * 2);
        target[k] = id;
    }

    private void markShape(String word) {
        int n = word.length();
        if (n < 2 || n > MAX_LENGTH || !letters(word)) return;
        for (int len = n - 1; len <= n + 1; len++) shapes[shape(word.charAt(0), word.charAt(n - 1), len)] = true;
    }

    /** A cheap first test, on the shape of a lower-case word: false means {@link #correct} would find nothing. */
    boolean mayCorrect(char first, char last, int length) {
        if (length < MIN_LENGTH - 1 || length > MAX_LENGTH + 1 || first < 'a' || first > 'z' || last < 'a' || last > 'z') {
            return false;
        }
        return shapes[shape(first, last, length)];
    }

    private static int shape(char first, char last, int length) {
        return ((first - 'a') * 26 + (last - 'a')) * (MAX_LENGTH + 2) + length;
    }

    /** The id of the one list word {@code word} is a slip of, or -1. Allocates nothing. */
    int correct(String word) {
        int n = word.length();
        if (n < MIN_LENGTH - 1 || n > MAX_LENGTH || !letters(word)) return -1;
        int[] pow = POW31;
        int full = word.hashCode();
        int found = found(keys.get(word), -1);
        // Deleting letter i: hash = prefix(i) * 31^(n-1-i) + the part after i, weighted as in the word.
        int prefix = word.charAt(0);
        int suffix = full - prefix * pow[n - 1];
        for (int i = 1; i < n - 1 && found != AMBIGUOUS; i++) {
            int c = word.charAt(i);
            suffix -= c * pow[n - 1 - i];
            found = found(keys.getVariant(word, i, false, prefix * pow[n - 1 - i] + suffix), found);
            prefix = 31 * prefix + c;
        }
        for (int i = 1; i < n - 2 && found != AMBIGUOUS; i++) {
            int a = word.charAt(i);
            int b = word.charAt(i + 1);
            int hash = full + (b - a) * pow[n - 1 - i] + (a - b) * pow[n - 2 - i];
            found = found(keys.getVariant(word, i, true, hash), found);
        }
        return found < 0 ? -1 : found;
    }

    private int found(int k, int found) {
        if (k < 0) return found;
        int id = target[k];
        if (id == AMBIGUOUS || (found >= 0 && found != id)) return AMBIGUOUS;
        return id;
    }

    private static String deleteAt(String w, int i) {
        return w.substring(0, i) + w.substring(i + 1);
    }

    private static boolean letters(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c < 'a' || c > 'z') return false;
        }
        return true;
    }

    long arrayBytes() {
        return 4L * target.length;
    }
}
