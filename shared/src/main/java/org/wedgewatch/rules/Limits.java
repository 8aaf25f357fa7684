package org.wedgewatch.rules;

/** Bounds every list must keep, so a list can never make the browser or the server slow. */
public final class Limits {
    public static final Limits DEFAULT = new Limits(2_000_000, 100_000, 2_000, 40, 5, 10_000, 1_000_000);

    /** Words one group may list after "refer:". */
    public static final int MAX_REFER_WORDS = 20;
    /** Words after "tail:" in one group, and words in one tail. */
    public static final int MAX_TAILS = 60;
    public static final int MAX_TAIL_WORDS = 4;
    /** Words in one group term; with its tail, how far back the matcher looks when a term ends. */
    public static final int MAX_TERM_WORDS = 8;
    /**
     * Live trie positions kept at one word of a post. Real lists keep a handful; the cap is what
     * makes every list, however written, cost at most this many steps a word.
     */
    public static final int MAX_LIVE = 256;
    /** Pattern hits recorded at one word of a post (a real post has a few in all). */
    public static final int MAX_HITS_PER_WORD = 32;
    /** Group terms that may end at one word of a post. */
    public static final int MAX_TERMS_PER_WORD = 16;

    public final int maxBytes;
    public final int maxRules;
    public final int maxGroupTerms;
    /** Words, group references, choices and gaps in one template. */
    public final int maxTemplateParts;
    /** The most words one gap (*N) may skip. */
    public final int maxGap;
    /** Phrases one template may expand to, after groups, choices, plurals and gaps. */
    public final int maxPhrasesPerTemplate;
    public final int maxPhrasesPerList;

    public Limits(int maxBytes, int maxRules, int maxGroupTerms, int maxTemplateParts, int maxGap,
                  int maxPhrasesPerTemplate, int maxPhrasesPerList) {
        this.maxBytes = maxBytes;
        this.maxRules = maxRules;
        this.maxGroupTerms = maxGroupTerms;
        this.maxTemplateParts = maxTemplateParts;
        this.maxGap = maxGap;
        this.maxPhrasesPerTemplate = maxPhrasesPerTemplate;
        this.maxPhrasesPerList = maxPhrasesPerList;
    }

    public Limits withMaxBytes(int bytes) {
        return new Limits(bytes, maxRules, maxGroupTerms, maxTemplateParts, maxGap, maxPhrasesPerTemplate,
                maxPhrasesPerList);
    }
}
