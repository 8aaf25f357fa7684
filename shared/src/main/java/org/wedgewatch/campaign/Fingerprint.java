package org.wedgewatch.campaign;

/**
 * The wording of a post as a MinHash signature: 32 slots of 12 bits, each the minimum of one hash
 * function over the post's shingles (adjacent word pairs, plus single content words so that one
 * swapped word in a short post still leaves most of the set intact). Two posts agree in a slot with probability
 * equal to the Jaccard similarity of their shingle sets (Broder 1997); keeping only 12 bits per slot
 * adds a 1/4096 chance of a false agreement (b-bit MinHash, Li and Koenig 2010) and halves storage.
 *
 * <p>Slots are packed in pairs into 16 band values of 24 bits: a band is both the storage and the
 * LSH key, so the index needs nothing but these 16 ints.
 */
public final class Fingerprint {
    public static final int SLOTS = 32;
    public static final int BANDS = SLOTS / 2;
    static final int SLOT_BITS = 12;
    static final int SLOT_MASK = (1 << SLOT_BITS) - 1;

    /**
     * The least number of distinct content words (not function words, not stock phrases such as
     * "thank you", at least two letters) a post needs before it gets a fingerprint. Below this,
     * unrelated people write the same words by chance and a count of accounts means nothing.
     */
    public static final int MIN_CONTENT_WORDS = 4;

    /**
     * Slots that must agree for two fingerprints to be the same wording: an estimated Jaccard
     * similarity of 16/32 = 0.5. One word swapped in a 12-word post leaves about 0.7; two different
     * claims sharing a phrase stay under 0.3.
     */
    public static final int SAME_SLOTS = 16;

    private static final int[] SEEDS = new int[SLOTS];

    static {
        for (int i = 0; i < SLOTS; i++) SEEDS[i] = Hashing.mix(0x5EED0000 + i * 0x9E3779B1);
    }

    final int[] bands;

    Fingerprint(int[] bands) {
        this.bands = bands;
    }

    /** The fingerprint of a post's text, or null when the text has too little content to compare. */
    public static Fingerprint of(String text) {
        if (text == null) return null;
        ContentWords cw = ContentWords.of(text);
        if (cw.distinctContent < MIN_CONTENT_WORDS) return null;
        int[] shingles = new int[2 * cw.words.length];
        int n = shingles(cw, shingles);
        // Bands outside, shingles inside: two running minimums in locals, no array per slot.
        // TeaVM allocates every int[] as a typed array, which costs more than the hashing here.
        int[] bands = new int[BANDS];
        for (int b = 0; b < BANDS; b++) {
            int seed0 = SEEDS[2 * b];
            int seed1 = SEEDS[2 * b + 1];
            int min0 = Integer.MAX_VALUE;
            int min1 = Integer.MAX_VALUE;
            for (int k = 0; k < n; k++) {
                int h0 = Hashing.mix(shingles[k] ^ seed0);
                int h1 = Hashing.mix(shingles[k] ^ seed1);
                if (h0 < min0) min0 = h0;
                if (h1 < min1) min1 = h1;
            }
            bands[b] = (min0 & SLOT_MASK) << SLOT_BITS | (min1 & SLOT_MASK);
        }
        return new Fingerprint(bands);
    }

    /**
     * Writes the shingle hashes into {@code out} and returns how many: word pairs with a content
     * word in them, and each content word alone (repeats do not matter to a minimum).
     */
    private static int shingles(ContentWords cw, int[] out) {
        String[] w = cw.words;
        int n = 0;
        int previous = 0;
        for (int i = 0; i < w.length; i++) {
            int h = Hashing.fnv(w[i]);
            // "of the" joins a third of all posts to each other: pairs need a content word.
            if (i > 0 && (!cw.generic[i] || !cw.generic[i - 1])) out[n++] = Hashing.pair(previous, h);
            // A different mix than pairs use, so a word never collides with a pair by construction.
            if (!cw.generic[i]) out[n++] = Hashing.mix(h ^ 0x2545F491);
            previous = h;
        }
        return n;
    }

    /** How many of the 32 slots agree: 32 times the estimated Jaccard similarity. */
    public int agreement(Fingerprint other) {
        return agreement(bands, 0, other.bands, 0);
    }

    static int agreement(int[] a, int aOff, int[] b, int bOff) {
        int same = 0;
        for (int i = 0; i < BANDS; i++) {
            int x = a[aOff + i] ^ b[bOff + i];
            if ((x & SLOT_MASK) == 0) same++;
            if ((x >>> SLOT_BITS) == 0) same++;
        }
        return same;
    }

    /** True when the two posts share their wording, up to small edits. */
    public boolean sameWording(Fingerprint other) {
        return agreement(other) >= SAME_SLOTS;
    }

    /** 96 hex digits, six per band: the exact value, for JVM/JS parity checks and debugging. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(BANDS * 6);
        for (int b : bands) {
            for (int shift = 20; shift >= 0; shift -= 4) sb.append(Character.forDigit((b >>> shift) & 0xF, 16));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fingerprint)) return false;
        int[] other = ((Fingerprint) o).bands;
        for (int i = 0; i < BANDS; i++) if (bands[i] != other[i]) return false;
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int b : bands) h = h * 31 + b;
        return h;
    }
}
