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

    final String[] words;
    final byte[] kinds;
    final int[] starts;
    final int[] ends;
    /** True where a new sentence begins at this token: matches never run across it. */
    final boolean[] sentenceStarts;
    final int size;

    Tokens(String[] words, byte[] kinds, int[] starts, int[] ends, boolean[] sentenceStarts, int size) {
        this.words = words;
        this.kinds = kinds;
        this.starts = starts;
        this.ends = ends;
        this.sentenceStarts = sentenceStarts;
        this.size = size;
    }

    public int size() { return size; }
    public String word(int i) { return words[i]; }
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
