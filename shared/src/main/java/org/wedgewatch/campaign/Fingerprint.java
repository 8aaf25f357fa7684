package org.wedgewatch.campaign;

/**
 * The wording of a post as a MinHash signature of 32 slots of 12 bits over the post's shingles
 * (adjacent word pairs, plus single content words so that one swapped word in a short post still
 * leaves most of the set intact), made by {@link Fingerprinter}. Two posts agree in a slot with
 * probability equal to the Jaccard similarity of their shingle sets (Broder 1997); keeping only 12
 * bits per slot adds a 1/4096 chance of a false agreement (b-bit MinHash, Li and Koenig 2010) and
 * halves storage.
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

    final int[] bands;

    Fingerprint(int[] bands) {
        this.bands = bands;
    }

    /**
     * The fingerprint of a post's text, or null when the text has too little content to compare.
     * For many posts, keep a {@link Fingerprinter}: this makes a new one each time.
     */
    public static Fingerprint of(String text) {
        return new Fingerprinter().of(text);
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
