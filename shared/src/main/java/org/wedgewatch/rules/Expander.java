package org.wedgewatch.rules;

import java.util.List;
import java.util.Map;
import org.wedgewatch.rules.Template.Part;

/**
 * Counts the plain word sequences a template stands for, so the parser can refuse a list before
 * compiling it. A gap of up to N words counts as N+1 sequences (0..N "any word" slots), which is
 * how the compiler inserts it: the automaton needs no backtracking.
 */
final class Expander {
    private Expander() {
    }

    /** How many sequences {@code t} expands to, saturating at {@code cap + 1}. */
    static long count(Template t, Map<String, TermGroup> groups, long cap) {
        return countSeq(t.parts, groups, cap);
    }

    private static long countSeq(List<Part> parts, Map<String, TermGroup> groups, long cap) {
        long total = 1;
        for (Part p : parts) {
            total = Math.min(cap + 1, total * countPart(p, groups, cap));
        }
        return total;
    }

    private static long countPart(Part p, Map<String, TermGroup> groups, long cap) {
        switch (p.kind) {
            case Part.WORDS: return 1;
            case Part.GROUP: return 1; // one edge to the group's class: terms are matched apart
            case Part.GAP: return p.gap + 1;
            case Part.BREAK: return 1;
            default:
                long sum = p.optional ? 1 : 0;
                for (List<Part> alt : p.alternatives) sum = Math.min(cap + 1, sum + countSeq(alt, groups, cap));
                return sum;
        }
    }
}
