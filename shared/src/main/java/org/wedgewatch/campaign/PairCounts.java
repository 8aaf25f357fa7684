package org.wedgewatch.campaign;

/**
 * Counts of (int, int) pairs in one open-addressing table with linear probing. Removal shifts
 * later entries back instead of leaving tombstones (Knuth 6.4, Algorithm R), so a table that sees
 * millions of adds and removes never degrades.
 */
final class PairCounts {
    private final int[] as;
    private final int[] bs;
    private final int[] counts; // 0 marks a free slot
    private final int mask;

    /** A table for at most {@code maxPairs} distinct pairs at a time, kept at most half full. */
    PairCounts(int maxPairs) {
        int size = 4;
        while (size < 2 * maxPairs) size <<= 1;
        as = new int[size];
        bs = new int[size];
        counts = new int[size];
        mask = size - 1;
    }

    /** Adds one to the pair's count and returns the new count. */
    int increment(int a, int b) {
        int i = slot(a, b);
        if (counts[i] == 0) {
            as[i] = a;
            bs[i] = b;
        }
        return ++counts[i];
    }

    /** Takes one from the pair's count (which must be positive) and returns the new count. */
    int decrement(int a, int b) {
        int i = slot(a, b);
        int c = --counts[i];
        if (c == 0) closeGap(i);
        return c;
    }

    int get(int a, int b) {
        return counts[slot(a, b)];
    }

    /** The slot holding the pair, or the free slot where it would go. */
    private int slot(int a, int b) {
        int i = Hashing.pair(a, b) & mask;
        while (counts[i] != 0 && (as[i] != a || bs[i] != b)) i = (i + 1) & mask;
        return i;
    }

    private void closeGap(int gap) {
        int i = gap;
        while (true) {
            i = (i + 1) & mask;
            if (counts[i] == 0) return;
            int home = Hashing.pair(as[i], bs[i]) & mask;
            // Move the entry into the gap unless its home lies cyclically in (gap, i].
            boolean stays = gap <= i ? gap < home && home <= i : gap < home || home <= i;
            if (stays) continue;
            as[gap] = as[i];
            bs[gap] = bs[i];
            counts[gap] = counts[i];
            counts[i] = 0;
            gap = i;
        }
    }
}
