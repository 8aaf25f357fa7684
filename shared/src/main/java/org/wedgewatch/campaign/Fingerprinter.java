package org.wedgewatch.campaign;

/**
 * Makes {@link Fingerprint}s post after post, reusing its buffers: a caller that fingerprints
 * every post a reader scrolls past keeps one. Not thread-safe.
 *
 * <p>The 32 slots are filled by one-permutation hashing with optimal densification (Li, Owen and
 * Zhang 2012; Shrivastava 2017): each shingle's hash picks a slot with its top 5 bits and competes
 * for that slot's minimum with the rest, so a post costs one hash per shingle, not 32. A slot no
 * shingle reached borrows the value of a reached one, chosen by a hash sequence of the slot's
 * number that is the same for every post. Two posts still agree in a slot with probability equal
 * to the Jaccard similarity of their shingle sets.
 */
public final class Fingerprinter {
    private static final int SLOTS = Fingerprint.SLOTS;
    private static final int VALUE_MASK = (1 << 27) - 1; // the bits under the 5 that choose the slot
    private static final int EMPTY = Integer.MAX_VALUE;
    /** Borrowing tries this many hashed choices, then takes the next reached slot in order. */
    private static final int MAX_TRIES = 64;

    private final ContentWords words = new ContentWords();
    private int[] shingles = new int[128];
    private final int[] mins = new int[SLOTS];

    /** The fingerprint of a post's text, or null when the text has too little content to compare. */
    public Fingerprint of(String text) {
        if (text == null) return null;
        words.read(text);
        if (words.distinctContent < Fingerprint.MIN_CONTENT_WORDS) return null;
        int n = shingles();
        int[] m = mins;
        for (int i = 0; i < SLOTS; i++) m[i] = EMPTY;
        int reached = 0; // bit i set: a shingle fell in slot i
        for (int k = 0; k < n; k++) {
            int x = shingles[k];
            int slot = x >>> 27;
            int v = x & VALUE_MASK;
            if (v < m[slot]) m[slot] = v;
            reached |= 1 << slot;
        }
        int[] bands = new int[Fingerprint.BANDS];
        for (int b = 0; b < Fingerprint.BANDS; b++) {
            int first = Hashing.mix(m[borrowed(2 * b, reached)]) & Fingerprint.SLOT_MASK;
            int second = Hashing.mix(m[borrowed(2 * b + 1, reached)]) & Fingerprint.SLOT_MASK;
            bands[b] = first << Fingerprint.SLOT_BITS | second;
        }
        return new Fingerprint(bands);
    }

    /** The slot whose value slot {@code i} takes: itself if reached, else a reached one. */
    private static int borrowed(int i, int reached) {
        if ((reached >>> i & 1) != 0) return i;
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            int j = Hashing.pair(i, attempt) >>> 27;
            if ((reached >>> j & 1) != 0) return j;
        }
        for (int j = (i + 1) % SLOTS; ; j = (j + 1) % SLOTS) { // never empty: a post has 4+ shingles
            if ((reached >>> j & 1) != 0) return j;
        }
    }

    /**
     * Fills {@link #shingles} and returns how many: word pairs with a content word in them, and
     * each content word alone (so one swapped word in a short post leaves most of the set intact;
     * repeats do not matter to a minimum).
     */
    private int shingles() {
        int count = words.count;
        int[] h = words.hashes;
        boolean[] generic = words.generic;
        if (shingles.length < 2 * count) shingles = new int[2 * count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            // "of the" joins a third of all posts to each other: pairs need a content word.
            if (i > 0 && (!generic[i] || !generic[i - 1])) shingles[n++] = Hashing.pair(h[i - 1], h[i]);
            // A different mix than pairs use, so a word never collides with a pair by construction.
            if (!generic[i]) shingles[n++] = Hashing.mix(h[i] ^ 0x2545F491);
        }
        return n;
    }
}
