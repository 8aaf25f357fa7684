package org.wedgewatch.rules;

/**
 * A text split into normalized tokens. Each token keeps the span of the original text it came
 * from (UTF-16 offsets, end exclusive), so matches can be shown where the reader sees them.
 */
public final class Tokens {
    public static final byte WORD = 0;
    public static final byte MENTION = 1;
    public static final byte URL = 2;
    public static final byte EMOJI = 3;

    /** The text these tokens were read from; token spans point into it. */
    String text;
    String[] words;
    byte[] kinds;
    int[] starts;
    int[] ends;
    /** True where a new sentence begins at this token: matches never run across it. */
    boolean[] sentenceStarts;
    /**
     * Filled only when normalizing for a matcher: the vocabulary id of a plain word (or -1 when the
     * lists do not have it), whose String is then never made (words[i] is null); NO_ID elsewhere.
     */
    int[] ids;
    /** Beside an id: the String.hashCode of the word never made, for {@link #wordHash}. */
    int[] hashes;
    int size;
    /** False when the text has no character {@link Quotes} could read as a quotation mark. */
    boolean mayQuote = true;
    /** False when no comma stands between two tokens (most posts): the matcher looks for no aside. */
    boolean mayComma = true;

    static final int NO_ID = -2;
    /** Beside a word's String: not a word of the vocabulary, looked up already (the typo reader may still read it). */
    static final int NOT_LISTED = -3;

    /** Empty, with room for {@code capacity} tokens; it grows as needed and can be refilled. */
    Tokens(int capacity) {
        words = new String[capacity];
        kinds = new byte[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
        sentenceStarts = new boolean[capacity];
        ids = new int[capacity];
        hashes = new int[capacity];
    }

    void add(String word, byte kind, int start, int end, boolean sentenceStart) {
        addWithId(word, NO_ID, 0, kind, start, end, sentenceStart);
    }

    void addWithId(String word, int id, int hash, byte kind, int start, int end, boolean sentenceStart) {
        if (size == words.length) grow();
        ids[size] = id;
        hashes[size] = hash;
        words[size] = word;
        kinds[size] = kind;
        starts[size] = start;
        ends[size] = end;
        sentenceStarts[size] = sentenceStart;
        size++;
    }

    private void grow() {
        int n = size * 2;
        String[] w = new String[n];
        byte[] k = new byte[n];
        int[] a = new int[n];
        int[] b = new int[n];
        boolean[] s = new boolean[n];
        int[] d = new int[n];
        int[] h = new int[n];
        System.arraycopy(ids, 0, d, 0, size);
        System.arraycopy(hashes, 0, h, 0, size);
        System.arraycopy(words, 0, w, 0, size);
        System.arraycopy(kinds, 0, k, 0, size);
        System.arraycopy(starts, 0, a, 0, size);
        System.arraycopy(ends, 0, b, 0, size);
        System.arraycopy(sentenceStarts, 0, s, 0, size);
        words = w;
        kinds = k;
        starts = a;
        ends = b;
        sentenceStarts = s;
        ids = d;
        hashes = h;
    }

    void copy(int src, int dst) {
        ids[dst] = ids[src];
        hashes[dst] = hashes[src];
        words[dst] = words[src];
        kinds[dst] = kinds[src];
        starts[dst] = starts[src];
        ends[dst] = ends[src];
        sentenceStarts[dst] = sentenceStarts[src];
    }

    public int size() { return size; }
    /** The normalized word, or null for a plain word normalized against a vocabulary (only its id was needed). */
    public String word(int i) { return words[i]; }
    /** The String.hashCode of the normalized word, whether or not its String was made. */
    public int wordHash(int i) { return words[i] != null ? words[i].hashCode() : hashes[i]; }
    public byte kind(int i) { return kinds[i]; }
    public int start(int i) { return starts[i]; }
    public int end(int i) { return ends[i]; }
    public boolean sentenceStart(int i) { return sentenceStarts[i]; }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            if (i > 0) sb.append(sentenceStarts[i] ? " | " : " ");
            sb.append(words[i]);
        }
        return sb.toString();
    }
}
