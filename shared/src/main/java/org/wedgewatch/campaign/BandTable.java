package org.wedgewatch.campaign;

/**
 * The LSH index: for each of the first 12 of a cluster's 16 bands, the cluster is chained under
 * that band's value. Two clusters whose fingerprints agree in both slots of any of those bands meet
 * in a chain: a pair at Jaccard 0.5 (the least that counts as the same wording) with probability
 * 1 - (1 - 0.5^2)^12 = 0.97, at 0.6 with 0.995. All 16 bands still decide the agreement; chaining
 * only 12 saves a quarter of the index's memory traffic, which is most of its cost.
 *
 * <p>Entry {@code cluster * 16 + band} is fixed (4 of every 16 unused, so a cluster is a shift). Each entry keeps its next and previous entry and
 * its key side by side in one array, so walking a chain costs one memory access per entry. Chains
 * are doubly linked because every new sighting, once the store is full, ends an old cluster:
 * removal must not walk a chain that a popular band value made long.
 */
final class BandTable {
    static final int NONE = -1;
    /** Bands chained; the rest are compared, never looked up. */
    static final int CHAINED = 12;
    private static final int NEXT = 0;
    private static final int PREV = 1; // the entry before, or -2 - bucket for a chain's first
    private static final int KEY = 2;
    private static final int STRIDE = 3;

    private final int[] heads;
    private final int[] links;
    private final int mask;

    BandTable(int maxClusters) {
        int size = 16;
        // As many heads as entries: short chains.
        while (size < CHAINED * maxClusters) size <<= 1;
        heads = new int[size];
        for (int i = 0; i < size; i++) heads[i] = NONE;
        links = new int[maxClusters * Fingerprint.BANDS * STRIDE];
        mask = size - 1;
    }

    /** Band and value as one int: a value has 24 bits, a band number 4. */
    static int key(int band, int value) {
        return band << 24 | value;
    }

    /** Chains cluster {@code cluster} under each of its band values, {@code bands[offset..offset+16)}. */
    void add(int cluster, int[] bands, int offset) {
        for (int b = 0; b < CHAINED; b++) {
            int e = cluster * Fingerprint.BANDS + b;
            int key = key(b, bands[offset + b]);
            int h = Hashing.mix(key) & mask;
            int first = heads[h];
            int at = e * STRIDE;
            links[at + NEXT] = first;
            links[at + PREV] = -2 - h;
            links[at + KEY] = key;
            if (first != NONE) links[first * STRIDE + PREV] = e;
            heads[h] = e;
        }
    }

    void remove(int cluster) {
        for (int b = 0; b < CHAINED; b++) {
            int at = (cluster * Fingerprint.BANDS + b) * STRIDE;
            int p = links[at + PREV];
            int n = links[at + NEXT];
            if (p >= 0) links[p * STRIDE + NEXT] = n;
            else heads[-2 - p] = n;
            if (n != NONE) links[n * STRIDE + PREV] = p;
        }
    }

    /** The first entry of the chain where {@code key} would be; the chain also holds other keys. */
    int first(int key) {
        return heads[Hashing.mix(key) & mask];
    }

    int next(int entry) {
        return links[entry * STRIDE + NEXT];
    }

    boolean hasKey(int entry, int key) {
        return links[entry * STRIDE + KEY] == key;
    }
}
