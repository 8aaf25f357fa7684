package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wedgewatch.rules.Template.Part;

/**
 * Expands a template into the plain word sequences it stands for. A gap of up to N words becomes
 * N+1 sequences with 0..N {@link #ANY} slots, so the compiled automaton needs no backtracking.
 */
final class Expander {
    /** The slot a gap word fills: any token but a negation or a sentence break. */
    static final String ANY = "\u0001any";

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
            case Part.GROUP: return groups.get(p.group).terms.size();
            case Part.GAP: return p.gap + 1;
            default:
                long sum = p.optional ? 1 : 0;
                for (List<Part> alt : p.alternatives) sum = Math.min(cap + 1, sum + countSeq(alt, groups, cap));
                return sum;
        }
    }

    static List<String[]> expand(Template t, Map<String, TermGroup> groups) {
        List<List<String>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        out = expandSeq(t.parts, groups, out);
        List<String[]> phrases = new ArrayList<>(out.size());
        for (List<String> words : out) phrases.add(words.toArray(new String[0]));
        return phrases;
    }

    private static List<List<String>> expandSeq(List<Part> parts, Map<String, TermGroup> groups,
                                                List<List<String>> prefixes) {
        for (Part p : parts) prefixes = expandPart(p, groups, prefixes);
        return prefixes;
    }

    private static List<List<String>> expandPart(Part p, Map<String, TermGroup> groups, List<List<String>> prefixes) {
        List<List<String>> next = new ArrayList<>();
        switch (p.kind) {
            case Part.WORDS:
                for (List<String> prefix : prefixes) next.add(append(prefix, p.words));
                return next;
            case Part.GROUP:
                for (List<String> prefix : prefixes) {
                    for (String[] term : groups.get(p.group).terms) next.add(append(prefix, term));
                }
                return next;
            case Part.GAP:
                for (List<String> prefix : prefixes) {
                    for (int n = 0; n <= p.gap; n++) {
                        List<String> copy = new ArrayList<>(prefix);
                        for (int k = 0; k < n; k++) copy.add(ANY);
                        next.add(copy);
                    }
                }
                return next;
            default:
                if (p.optional) next.addAll(prefixes);
                for (List<Part> alt : p.alternatives) next.addAll(expandSeq(alt, groups, prefixes));
                return next;
        }
    }

    private static List<String> append(List<String> prefix, String[] words) {
        List<String> copy = new ArrayList<>(prefix.size() + words.length);
        copy.addAll(prefix);
        for (String w : words) copy.add(w);
        return copy;
    }
}
