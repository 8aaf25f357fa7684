package org.wedgewatch.rules;

import java.util.Arrays;

/** What each compiled pattern stands for: a rule, or an exemption with its place and scope. */
final class PatternTable {
    static final int RULE = 0;
    /** A built-in wording that endorses a reported claim ("he was right"); see {@link RebuttalCues}. */
    static final int CONFIRM = 4;
    /** A built-in wording that denies a denial ("let's not pretend ..."): negations after it assert. */
    static final int DENIAL = 5;

    int[] kind = new int[64];   // RULE, or 1 + Exemption.Place ordinal
    int[] list = new int[64];   // index of the list; -1 for the built-in rebuttal cues
    int[] rule = new int[64];   // index of the rule in its list; -1 for a list-wide exemption
    int size;
    /** Each pattern's template as written (an exemption's), or its name (a confirmation's); else null. */
    final java.util.List<String> source = new java.util.ArrayList<>();

    int addRule(int listIndex, int ruleIndex) {
        return add(RULE, listIndex, ruleIndex, null);
    }

    int addExemption(Exemption.Place place, int listIndex, int ruleIndex, String template) {
        return add(1 + place.ordinal(), listIndex, ruleIndex, template);
    }

    int addCue(int cueKind, String name) {
        return add(cueKind, -1, -1, name);
    }

    /**
     * Is exemption {@code e} a speaker named after the claim ("..., my dad said")? A post that
     * endorses what it reports keeps such a claim ("..., my dad said, and he's right").
     */
    boolean reports(int e) {
        String src = source.get(e);
        return src != null && src.contains("said");
    }

    boolean isExemption(int p) {
        return kind[p] >= 1 && kind[p] <= 3;
    }

    private int add(int k, int l, int r, String src) {
        source.add(src);
        if (size == kind.length) {
            kind = Arrays.copyOf(kind, size * 2);
            list = Arrays.copyOf(list, size * 2);
            rule = Arrays.copyOf(rule, size * 2);
        }
        kind[size] = k;
        list[size] = l;
        rule[size] = r;
        return size++;
    }

    /** Does exemption pattern {@code e} apply to rule pattern {@code r}? */
    boolean covers(int e, int r) {
        return list[e] < 0 || (list[e] == list[r] && (rule[e] < 0 || rule[e] == rule[r]));
    }
}
