package org.wedgewatch.campaign;

/**
 * A set of ints that is emptied in constant time, for counting the distinct words of one post
 * after another: open addressing, where a slot belongs to the current set only if it carries the
 * current generation.
 */
final class DistinctInts {
    private int[] keys = new int[128];
    private int[] generations = new int[128];
    private int generation;
    private int mask = 127;

    /** Empties the set, with room for {@code n} ints at most half full. */
    void clear(int n) {
        if (2 * n > keys.length) {
            int size = keys.length;
            while (size < 2 * n) size <<= 1;
            keys = new int[size];
            generations = new int[size];
            mask = size - 1;
            generation = 0;
        }
        if (++generation == 0) { // wrapped after 4 billion posts: forget every old mark once
            java.util.Arrays.fill(generations, 0);
            generation = 1;
        }
    }

    /** Adds {@code x}; true when it was not in the set. */
    boolean add(int x) {
        int i = Hashing.mix(x) & mask;
        while (generations[i] == generation) {
            if (keys[i] == x) return false;
            i = (i + 1) & mask;
        }
        generations[i] = generation;
        keys[i] = x;
        return true;
    }
}
