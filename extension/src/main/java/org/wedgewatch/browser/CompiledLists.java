package org.wedgewatch.browser;

import java.util.ArrayList;
import java.util.List;
import org.wedgewatch.rules.Match;
import org.wedgewatch.rules.Matcher;
import org.wedgewatch.rules.PatternList;
import org.wedgewatch.rules.Rule;

/**
 * A compiled matcher with its lists' rules numbered in order, so a match crosses into
 * JavaScript as a rule number and a span instead of the rule's texts.
 */
final class CompiledLists {
    private final Matcher matcher;
    private final List<PatternList> lists;
    /** The number of each list's first rule. */
    private final int[] firstRule;

    CompiledLists(Matcher matcher, List<PatternList> lists) {
        this.matcher = matcher;
        this.lists = lists;
        firstRule = new int[lists.size()];
        int n = 0;
        for (int l = 0; l < lists.size(); l++) {
            firstRule[l] = n;
            n += lists.get(l).rules().size();
        }
    }

    Matcher matcher() {
        return matcher;
    }

    List<PatternList> lists() {
        return lists;
    }

    int numberOf(Match m) {
        return firstRule[m.listIndex] + m.ruleIndex;
    }
}
