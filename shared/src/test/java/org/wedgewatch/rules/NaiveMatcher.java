package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wedgewatch.rules.Template.Part;

/**
 * The reference for the differential test: tries every template at every position by plain
 * recursion over its parts, with no expansion and no trie. Slow, obviously right.
 * Reports, per rule, the earliest token where a match ends (exemptions are not applied).
 */
final class NaiveMatcher {
    private final PatternList list;

    NaiveMatcher(PatternList list) {
        this.list = list;
    }

    Map<String, Integer> earliestEnds(String text) {
        Tokens t = Normalizer.normalize(text);
        List<String> words = new ArrayList<>();
        List<Integer> sentence = new ArrayList<>();
        List<Integer> origin = new ArrayList<>();
        int s = 0;
        boolean pending = false;
        for (int i = 0; i < t.size(); i++) {
            pending |= t.sentenceStart(i);
            if (t.kind(i) == Tokens.EMOJI) continue;
            if (pending && !words.isEmpty()) s++;
            pending = false;
            words.add(t.kind(i) == Tokens.WORD ? t.word(i) : "\u0000");
            sentence.add(s);
            origin.add(i);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Rule r : list.rules) {
            int best = Integer.MAX_VALUE;
            for (Template tp : r.templates) {
                for (int start = 0; start < words.size(); start++) {
                    for (int end : ends(tp.parts, 0, start, words, sentence, sentence.get(start))) {
                        if (end > start) best = Math.min(best, end - 1);
                    }
                }
            }
            if (best != Integer.MAX_VALUE) out.put(r.id, t.end(origin.get(best)));
        }
        return out;
    }

    /** Every position just after a match of parts[k..] starting at pos, within one sentence. */
    private List<Integer> ends(List<Part> parts, int k, int pos, List<String> words, List<Integer> sentence, int sent) {
        List<Integer> out = new ArrayList<>();
        if (k == parts.size()) {
            out.add(pos);
            return out;
        }
        Part p = parts.get(k);
        switch (p.kind) {
            case Part.WORDS:
                if (wordsAt(p.words, pos, words, sentence, sent)) out.addAll(ends(parts, k + 1, pos + p.words.length, words, sentence, sent));
                break;
            case Part.GROUP:
                for (String[] term : allTerms(list.groups.get(p.group))) {
                    if (wordsAt(term, pos, words, sentence, sent)) out.addAll(ends(parts, k + 1, pos + term.length, words, sentence, sent));
                }
                break;
            case Part.GAP:
                for (int n = 0; n <= p.gap; n++) {
                    boolean ok = true;
                    for (int j = pos; j < pos + n; j++) {
                        if (j >= words.size() || sentence.get(j) != sent || isNegation(words.get(j))) ok = false;
                    }
                    if (ok) out.addAll(ends(parts, k + 1, pos + n, words, sentence, sent));
                }
                break;
            default:
                if (p.optional) out.addAll(ends(parts, k + 1, pos, words, sentence, sent));
                for (List<Part> alt : p.alternatives) {
                    List<Part> seq = new ArrayList<>(alt);
                    seq.addAll(parts.subList(k + 1, parts.size()));
                    out.addAll(ends(seq, 0, pos, words, sentence, sent));
                }
        }
        return out;
    }

    private static boolean wordsAt(String[] ws, int pos, List<String> words, List<Integer> sentence, int sent) {
        if (pos + ws.length > words.size()) return false;
        for (int i = 0; i < ws.length; i++) {
            if (!words.get(pos + i).equals(ws[i]) || sentence.get(pos + i) != sent) return false;
        }
        return true;
    }

    private static boolean isNegation(String w) {
        for (String n : ListCompiler.NEGATIONS) {
            if (Normalizer.collapseRepeats(n).equals(w)) return true;
        }
        return false;
    }

    /** A group's own terms and those of the groups it includes. */
    private static List<String[]> allTerms(TermGroup g) {
        List<String[]> all = new ArrayList<>(g.terms);
        for (TermGroup included : g.includes) all.addAll(allTerms(included));
        return all;
    }
}
