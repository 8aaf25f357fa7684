package org.wedgewatch.rules;

/** Bounds every list must keep, so a list can never make the browser or the server slow. */
public final class Limits {
    public static final Limits DEFAULT = new Limits(2_000_000, 100_000, 2_000, 40, 5, 10_000, 1_000_000);

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
