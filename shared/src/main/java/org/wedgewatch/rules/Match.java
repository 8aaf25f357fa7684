package org.wedgewatch.rules;

/** One rule that fired on a text, with the span of the original text (UTF-16 offsets, end exclusive). */
public final class Match {
    public final String listId;
    public final String ruleId;
    public final String family;
    public final String explanation;
    public final Action action;
    public final int start;
    public final int end;
    /** Where the rule is: its list's position among the lists compiled, and its position in that list. */
    public final int listIndex;
    public final int ruleIndex;

    Match(String listId, String ruleId, String family, String explanation, Action action, int start, int end,
            int listIndex, int ruleIndex) {
        this.listId = listId;
        this.ruleId = ruleId;
        this.family = family;
        this.explanation = explanation;
        this.action = action;
        this.start = start;
        this.end = end;
        this.listIndex = listIndex;
        this.ruleIndex = ruleIndex;
    }

    @Override
    public String toString() {
        return listId + "/" + ruleId + "@" + start + "-" + end;
    }
}
