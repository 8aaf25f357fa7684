package org.wedgewatch.rules;

/**
 * Words of the compiled lists and their token ids, in an open-addressing table of plain arrays.
 * It is looked up for every word of every post; without boxed integers or entry objects this is
 * noticeably cheaper in the browser than a HashMap.
 *
 * <p>A slot is two ints side by side, the key's hash and its id plus one (0: empty), so a probe
 * reads one array and compares characters only when the hashes agree. Slots are chosen by the hash
 * times the golden ratio: similar words' String hashes differ by little in their low bits and would
 * pile up in neighbouring slots.
 */
final class Vocabulary {
    private String[] keys = new String[1024];
    private int[] slots = new int[2 * 1024];
    private int shift = 32 - 10; // 1024 slots
    private int size;

    int size() {
        return size;
    }

    /** The id of {@code word}, or -1. */
    int get(String word) {
        int mask = keys.length - 1;
        int hash = word.hashCode();
        for (int i = slot(hash); slots[2 * i + 1] != 0; i = (i + 1) & mask) {
            if (slots[2 * i] == hash && keys[i].equals(word)) return slots[2 * i + 1] - 1;
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
        int[] s = slots;
        for (int i = slot(hash); s[2 * i + 1] != 0; i = (i + 1) & mask) {
            if (s[2 * i] == hash && sameCollapsed(keys[i], chars, from, to)) return s[2 * i + 1] - 1;
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

    private int slot(int hash) {
        return (hash * 0x9E3779B1) >>> shift;
    }

    private void put(String word, int id) {
        int mask = keys.length - 1;
        int hash = word.hashCode();
        int i = slot(hash);
        while (slots[2 * i + 1] != 0) i = (i + 1) & mask;
        keys[i] = word;
        slots[2 * i] = hash;
        slots[2 * i + 1] = id + 1;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new String[oldKeys.length * 2];
        slots = new int[oldSlots.length * 2];
        shift--;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldSlots[2 * i + 1] != 0) put(oldKeys[i], oldSlots[2 * i + 1] - 1);
        }
    }
}
