package org.wedgewatch.campaign;

import org.wedgewatch.rules.ReusedNormalizer;
import org.wedgewatch.rules.Tokens;

/**
 * The words of a post that carry its wording, in order, as hashes: what a copy-paste campaign
 * keeps when it changes everything around it. Mentions, links, emoji, an "RT @user:" or "via @user"
 * and the hashtags piled at the start or end are dropped; a hashtag inside a sentence stays as its
 * words, so "the #DNC knew" and "the DNC knew" read the same.
 *
 * <p>One object reads post after post into the same arrays (valid until the next {@link #read}):
 * in the browser, allocation cost more than the reading. Not thread-safe.
 */
final class ContentWords {
    /** Function words and the stock phrases of social media: they never make two posts alike. */
    private static final String[] GENERIC = {
        "a", "an", "the", "and", "or", "but", "if", "so", "of", "to", "in", "on", "at", "by", "for",
        "with", "from", "up", "out", "as", "is", "am", "are", "was", "were", "be", "been", "being",
        "do", "does", "did", "have", "has", "had", "will", "would", "can", "could", "should", "shall",
        "may", "might", "must", "not", "no", "yes", "it", "its", "this", "that", "these", "those",
        "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "they",
        "them", "their", "what", "who", "how", "when", "where", "why", "all", "just", "very", "too",
        "much", "more", "now", "here", "there", "then", "than", "about", "get", "got", "oh",
        "thank", "thanks", "thx", "please", "lol", "lmao", "omg", "wow", "yeah", "ok", "okay",
        "love", "like", "good", "great", "nice", "happy", "day", "morning", "night", "today",
        "follow", "following", "followed", "retweet", "rt", "via", "everyone", "guys", "amp",
    };

    private final ReusedNormalizer normalizer = new ReusedNormalizer(GENERIC);
    private final int rt = normalizer.knownId("rt");
    private final int via = normalizer.knownId("via");
    /** The String.hashCode of each word kept, in order; the first {@link #count} are valid. */
    int[] hashes = new int[64];
    /** Whether each word is generic (in {@link #GENERIC}, or a single character). */
    boolean[] generic = new boolean[64];
    private boolean[] tag = new boolean[64];
    int count;
    /** How many distinct words are not generic: the measure of "enough content". */
    int distinctContent;
    private final DistinctInts distinct = new DistinctInts();

    /** Reads the content words of {@code text} into this object's arrays. */
    void read(String text) {
        Tokens t = normalizer.normalize(text);
        int n = t.size();
        if (hashes.length < n) {
            hashes = new int[n];
            generic = new boolean[n];
            tag = new boolean[n];
        }
        int k = 0;
        boolean inTag = false;
        boolean inHandle = false;
        for (int i = 0; i < n; i++) {
            if (t.kind(i) != Tokens.WORD || isPunctuation(t.word(i))) {
                inTag = false;
                inHandle = false;
                continue;
            }
            // The pieces of #BernieBros are adjacent word tokens, the first starting at the '#'.
            boolean startsTag = text.charAt(t.start(i)) == '#';
            boolean startsHandle = text.charAt(t.start(i)) == '@';
            boolean continuesTag = (inTag || inHandle) && t.start(i) == t.end(i - 1) && t.start(i) != t.start(i - 1);
            inHandle = startsHandle || inHandle && continuesTag;
            inTag = startsTag || inTag && continuesTag;
            if (inHandle) continue; // a handle read as words ("@TheDemocrats") names someone: not wording
            int known = normalizer.knownId(t, i);
            if (known >= 0 && (known == rt || known == via) && i + 1 < n && t.kind(i + 1) == Tokens.MENTION) continue;
            String w = t.word(i); // null for most plain words: only their hash is made
            hashes[k] = t.wordHash(i);
            generic[k] = known >= 0 || (w != null && w.length() < 2);
            tag[k] = inTag;
            k++;
        }
        int from = 0;
        int to = k;
        while (from < to && tag[from]) from++;
        while (to > from && tag[to - 1]) to--;
        count = to - from;
        if (from > 0) {
            System.arraycopy(hashes, from, hashes, 0, count);
            System.arraycopy(generic, from, generic, 0, count);
        }
        distinct.clear(count);
        int d = 0;
        for (int i = 0; i < count; i++) {
            if (!generic[i] && distinct.add(hashes[i])) d++;
        }
        distinctContent = d;
    }

    /** ":" and "=" are tokens for the rules ("Progressives: the real racists"), not content words. */
    private static boolean isPunctuation(String w) {
        return w != null && (w.equals(":") || w.equals("="));
    }
}
