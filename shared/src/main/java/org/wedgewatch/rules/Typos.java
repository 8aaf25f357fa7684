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
    private static final int AMBIGUOUS = -2;

    private final Vocabulary keys;
    private int[] target;

    Typos() {
        this(new Vocabulary(), new int[256]);
    }

    /** An index read back from {@link CompiledForm}: its keys and, by key id, the word id each stands for. */
    Typos(Vocabulary keys, int[] target) {
        this.keys = keys;
        this.target = target;
    }

    Vocabulary keys() {
        return keys;
    }

    int target(int key) {
        return target[key];
    }

    /** Indexes {@code word} (a list word with id {@code id}) and its one-letter deletions. */
    void add(String word, int id) {
        if (word.length() < MIN_LENGTH || !letters(word)) return;
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

    /** The id of the one list word {@code word} is a slip of, or -1. */
    int correct(String word) {
        int n = word.length();
        if (n < MIN_LENGTH - 1 || !letters(word)) return -1;
        int found = lookup(word, word, -1);
        for (int i = 1; i < n - 1 && found != AMBIGUOUS; i++) found = lookup(deleteAt(word, i), word, found);
        for (int i = 1; i < n - 2 && found != AMBIGUOUS; i++) found = lookup(swapAt(word, i), word, found);
        return found < 0 ? -1 : found;
    }

    private int lookup(String key, String word, int found) {
        int k = keys.get(key);
        if (k < 0) return found;
        int id = target[k];
        if (id == AMBIGUOUS || (found >= 0 && found != id)) return AMBIGUOUS;
        return id;
    }

    /** Two neighbouring inner letters swapped: "kremiln". */
    private static String swapAt(String w, int i) {
        char[] c = w.toCharArray();
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(c);
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
