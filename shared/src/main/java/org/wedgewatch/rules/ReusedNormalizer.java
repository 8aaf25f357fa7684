package org.wedgewatch.rules;

/**
 * {@link Normalizer#normalize(String)} into the same buffers post after post, for callers that
 * see thousands of posts (the campaign detector): in the browser a fresh set of arrays, and a
 * String per word, were most of its cost. Most plain words get no String ({@link Tokens#word}
 * is null): the caller reads {@link Tokens#wordHash} and asks {@link #knownId} about the few words
 * it cares about. Tokens are valid until the next call.
 * Not thread-safe.
 */
public final class ReusedNormalizer {
    private final Normalizer.Folded folded = new Normalizer.Folded();
    private final Tokens tokens = new Tokens(64);
    private final Vocabulary known = new Vocabulary();

    /** {@code knownWords}: the words {@link #knownId} answers for, as written (they are normalized here). */
    public ReusedNormalizer(String[] knownWords) {
        for (String phrase : knownWords) {
            for (String w : Normalizer.words(phrase)) known.intern(w);
        }
    }

    public Tokens normalize(String text) {
        return Normalizer.normalize(text, folded, tokens, known);
    }

    /** Which known word token {@code i} of the last normalized text is, or -1. */
    public int knownId(Tokens t, int i) {
        String w = t.words[i];
        return w != null ? known.get(w) : t.ids[i];
    }

    /** The id {@link #knownId(Tokens, int)} gives for {@code word}, or -1 if it is not known. */
    public int knownId(String word) {
        String[] words = Normalizer.words(word);
        return words.length == 1 ? known.get(words[0]) : -1;
    }
}
