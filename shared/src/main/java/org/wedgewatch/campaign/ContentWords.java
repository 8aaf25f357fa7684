package org.wedgewatch.campaign;

import java.util.HashSet;
import org.wedgewatch.rules.Normalizer;
import org.wedgewatch.rules.Tokens;

/**
 * The words of a post that carry its wording, in order: what a copy-paste campaign keeps when it
 * changes everything around it. Mentions, links, emoji, an "RT @user:" or "via @user" and the
 * hashtags piled at the start or end are dropped; a hashtag inside a sentence stays as its words,
 * so "the #DNC knew" and "the DNC knew" read the same.
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

    private static final HashSet<String> GENERIC_SET = new HashSet<>();

    static {
        for (String w : GENERIC) GENERIC_SET.add(w);
    }

    final String[] words;
    /** How many distinct words are not in {@link #GENERIC}: the measure of "enough content". */
    final int distinctContent;
    final boolean[] generic;

    private ContentWords(String[] words, boolean[] generic, int distinctContent) {
        this.words = words;
        this.generic = generic;
        this.distinctContent = distinctContent;
    }

    static ContentWords of(String text) {
        Tokens t = Normalizer.normalize(text);
        int n = t.size();
        String[] kept = new String[n];
        boolean[] tag = new boolean[n];
        int k = 0;
        boolean inTag = false;
        for (int i = 0; i < n; i++) {
            if (t.kind(i) != Tokens.WORD) {
                inTag = false;
                continue;
            }
            String w = t.word(i);
            // The pieces of #BernieBros are adjacent word tokens, the first starting at the '#'.
            boolean startsTag = text.charAt(t.start(i)) == '#';
            boolean continuesTag = inTag && t.start(i) == t.end(i - 1) && t.start(i) != t.start(i - 1);
            inTag = startsTag || continuesTag;
            if ((w.equals("rt") || w.equals("via")) && i + 1 < n && t.kind(i + 1) == Tokens.MENTION) continue;
            kept[k] = w;
            tag[k] = inTag;
            k++;
        }
        int from = 0;
        int to = k;
        while (from < to && tag[from]) from++;
        while (to > from && tag[to - 1]) to--;
        String[] words = new String[to - from];
        boolean[] generic = new boolean[to - from];
        String[] content = new String[to - from];
        int contentCount = 0;
        for (int i = from; i < to; i++) {
            String w = kept[i];
            words[i - from] = w;
            generic[i - from] = w.length() < 2 || GENERIC_SET.contains(w);
            if (!generic[i - from]) content[contentCount++] = w;
        }
        return new ContentWords(words, generic, distinct(content, contentCount));
    }

    /** Distinct strings among the first n: a post has a few dozen words, so a sort beats a HashSet. */
    private static int distinct(String[] words, int n) {
        java.util.Arrays.sort(words, 0, n);
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || !words[i].equals(words[i - 1])) d++;
        }
        return d;
    }
}
