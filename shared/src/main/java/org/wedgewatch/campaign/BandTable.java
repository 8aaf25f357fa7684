package org.wedgewatch.campaign;

/**
 * The LSH index: for each of a cluster's 16 bands, the cluster is chained under that band's value.
 * Two clusters whose fingerprints agree in both slots of any band meet in a chain; with 16 bands of
 * two slots, a pair at Jaccard 0.5 meets with probability 1 - (1 - 0.5^2)^16 = 0.99.
 *
 * <p>Entry {@code cluster * 16 + band} is fixed, so the table needs only one next-pointer per entry
 * and the key is read back from the cluster's signature.
 */
final class BandTable {
    private static final int NONE = -1;
    private final int[] heads;
    private final int[] next;
    private final int mask;
    private final int[] sigs;

    /** {@code sigs} holds 16 band values per cluster; the table reads it and never writes it. */
    BandTable(int maxClusters, int[] sigs) {
        int size = 16;
        // Half as many heads as entries: chains of two on average, 2 MB at 50,000 clusters.
        while (size < 8 * maxClusters) size <<= 1;
        heads = new int[size];
        for (int i = 0; i < size; i++) heads[i] = NONE;
        next = new int[maxClusters * Fingerprint.BANDS];
        mask = size - 1;
        this.sigs = sigs;
    }

    static int bucketKey(int band, int value) {
        return Hashing.mix(band << 24 | value);
    }

    void add(int cluster) {
        for (int b = 0; b < Fingerprint.BANDS; b++) {
            int e = cluster * Fingerprint.BANDS + b;
            int h = bucketKey(b, sigs[e]) & mask;
            next[e] = heads[h];
            heads[h] = e;
        }
    }

    void remove(int cluster) {
        for (int b = 0; b < Fingerprint.BANDS; b++) {
            int e = cluster * Fingerprint.BANDS + b;
            int h = bucketKey(b, sigs[e]) & mask;
            if (heads[h] == e) {
                heads[h] = next[e];
                continue;
            }
            int p = heads[h];
            while (next[p] != e) p = next[p];
            next[p] = next[e];
        }
    }

    /** The first entry of the chain where band {@code b} of value {@code value} would be. */
    int first(int b, int value) {
        return heads[bucketKey(b, value) & mask];
    }

    int next(int entry) {
        return next[entry];
    }
}
