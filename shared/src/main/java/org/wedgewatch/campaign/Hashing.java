package org.wedgewatch.campaign;

/**
 * 32-bit hashes built only from int arithmetic, so the JVM and TeaVM's JavaScript agree bit for
 * bit and nothing touches TeaVM's slow emulated {@code long}.
 */
final class Hashing {
    private Hashing() {
    }

    /** FNV-1a over UTF-16 code units: cheap, and well mixed once passed through {@link #mix}. */
    static int fnv(String s) {
        int h = 0x811C9DC5;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        return h;
    }

    /** MurmurHash3's finalizer: every input bit reaches every output bit. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    /** An ordered pair of hashes as one hash. */
    static int pair(int a, int b) {
        return mix(a * 0x9E3779B1 + b);
    }
}
