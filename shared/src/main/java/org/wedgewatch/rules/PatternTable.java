package org.wedgewatch.rules;

import java.util.Arrays;

/** What each compiled pattern stands for: a rule, or an exemption with its place and scope. */
final class PatternTable {
    static final int RULE = 0;

    int[] kind = new int[64];   // RULE, or 1 + Exemption.Place ordinal
    int[] list = new int[64];   // index of the list; -1 for the built-in rebuttal cues
    int[] rule = new int[64];   // index of the rule in its list; -1 for a list-wide exemption
    int size;

    int addRule(int listIndex, int ruleIndex) {
        return add(RULE, listIndex, ruleIndex);
    }

    int addExemption(Exemption.Place place, int listIndex, int ruleIndex) {
        return add(1 + place.ordinal(), listIndex, ruleIndex);
    }

    private int add(int k, int l, int r) {
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
