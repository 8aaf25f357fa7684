package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the compiled automaton over a post in one left-to-right pass. The set of live trie
 * positions depends on the text, not on how many rules there are. Safe for concurrent use.
 */
public final class Matcher {
    /** How far before a match an "except before:" wording may end, in tokens. */
    static final int BEFORE_WINDOW = 8;
    /** How far after a match an "except after:" wording may start, in tokens. */
    static final int AFTER_WINDOW = 3;

    private final Automaton automaton;
    private final PatternTable patterns;
    private final List<PatternList> lists;

    Matcher(Automaton automaton, PatternTable patterns, List<PatternList> lists) {
        this.automaton = automaton;
        this.patterns = patterns;
        this.lists = lists;
    }

    /** Every rule that fires on {@code text}, once per rule, in order of position. */
    public List<Match> match(String text) {
        Scan scan = take();
        try {
            scan.load(Normalizer.normalize(text, scan.folded, scan.ownTokens, automaton.vocabulary));
            scan.run();
            return scan.resolve();
        } finally {
            give(scan);
        }
    }

    public List<Match> match(Tokens tokens) {
        Scan scan = take();
        try {
            scan.load(tokens);
            scan.run();
            return scan.resolve();
        } finally {
            give(scan);
        }
    }

    // One spare scan with its arrays is kept, so judging a post allocates almost nothing
    // (in the browser, allocation and garbage collection were most of the cost).
    private Scan spare;

    private synchronized Scan take() {
        Scan s = spare;
        spare = null;
        return s != null ? s : new Scan();
    }

    private synchronized void give(Scan s) {
        s.tokens = null;
        spare = s;
    }

    public boolean warns(String text) {
        return !match(text).isEmpty();
    }

    /** Nodes in the compiled trie, for benchmarks and limits. */
    public int automatonNodes() {
        return automaton.nodeCount();
    }

    public long automatonBytes() {
        return automaton.arrayBytes();
    }

    /** The state of one pass: token ids, live trie positions and the pattern hits found. */
    private final class Scan {
        final Normalizer.Folded folded = new Normalizer.Folded();
        final Tokens ownTokens = new Tokens(64); // refilled for every post matched by text
        Tokens tokens;
        int n;
        int[] ids = new int[64];
        int[] origin = new int[64];    // index into tokens (emoji are skipped)
        int[] sentence = new int[64];  // sentence number of each position
        int[] live = new int[16];
        int[] liveStart = new int[16];
        int liveCount;
        int[] next = new int[16];
        int[] nextStart = new int[16];
        int nextCount;
        int[] hitPattern = new int[8];
        int[] hitStart = new int[8];
        int[] hitEnd = new int[8];
        int hits;

        void load(Tokens t) {
            tokens = t;
            n = 0;
            liveCount = 0;
            hits = 0;
            if (ids.length < t.size) {
                ids = new int[t.size];
                origin = new int[t.size];
                sentence = new int[t.size];
            }
            int s = 0;
            boolean pendingBreak = false;
            for (int i = 0; i < t.size; i++) {
                pendingBreak |= t.sentenceStarts[i];
                if (t.kinds[i] == Tokens.EMOJI) continue; // emoji never break a phrase
                if (pendingBreak && n > 0) s++;
                pendingBreak = false;
                if (t.kinds[i] != Tokens.WORD) ids[n] = Automaton.UNKNOWN;
                else if (t.ids[i] != Tokens.NO_ID) ids[n] = t.ids[i] < 0 ? Automaton.UNKNOWN : t.ids[i];
                else ids[n] = automaton.tokenId(t.words[i]);
                origin[n] = i;
                sentence[n] = s;
                n++;
            }
        }

        void run() {
            for (int i = 0; i < n; i++) {
                if (i > 0 && sentence[i] != sentence[i - 1]) liveCount = 0;
                int token = ids[i];
                boolean negation = token != Automaton.UNKNOWN && automaton.negation[token];
                nextCount = 0;
                step(0, i, token, negation);
                for (int k = 0; k < liveCount; k++) step(live[k], liveStart[k], token, negation);
                int[] t = live;
                live = next;
                next = t;
                t = liveStart;
                liveStart = nextStart;
                nextStart = t;
                liveCount = nextCount;
                for (int k = 0; k < liveCount; k++) {
                    int node = live[k];
                    for (int o = automaton.outputStart[node]; o < automaton.outputStart[node + 1]; o++) {
                        hit(automaton.outputs[o], liveStart[k], i);
                    }
                }
            }
        }

        private void step(int node, int start, int token, boolean negation) {
            if (token != Automaton.UNKNOWN) {
                int c = automaton.child(node, token);
                if (c >= 0) advance(c, start);
            }
            if (!negation) { // a gap never skips "not" or "never": that is how rebuttals pass
                int c = automaton.child(node, Automaton.ANY);
                if (c >= 0) advance(c, start);
            }
        }

        private void advance(int node, int start) {
            for (int k = 0; k < nextCount; k++) {
                if (next[k] == node) {
                    if (start > nextStart[k]) nextStart[k] = start; // keep the shortest span
                    return;
                }
            }
            if (nextCount == next.length) {
                next = java.util.Arrays.copyOf(next, nextCount * 2);
                nextStart = java.util.Arrays.copyOf(nextStart, nextCount * 2);
            }
            next[nextCount] = node;
            nextStart[nextCount++] = start;
        }

        private void hit(int pattern, int start, int end) {
            if (hits == hitPattern.length) {
                hitPattern = java.util.Arrays.copyOf(hitPattern, hits * 2);
                hitStart = java.util.Arrays.copyOf(hitStart, hits * 2);
                hitEnd = java.util.Arrays.copyOf(hitEnd, hits * 2);
            }
            hitPattern[hits] = pattern;
            hitStart[hits] = start;
            hitEnd[hits++] = end;
        }

        /** Is position {@code i} among the first two of its sentence? */
        private boolean opensSentence(int i) {
            return i < 2 || sentence[i - 1] != sentence[i] || sentence[i - 2] != sentence[i];
        }

        List<Match> resolve() {
            List<Match> out = new ArrayList<>();
            for (int h = 0; h < hits; h++) {
                int p = hitPattern[h];
                if (patterns.kind[p] != PatternTable.RULE || reported(out, p) || exempted(h)) continue;
                PatternList list = lists.get(patterns.list[p]);
                Rule rule = list.rules.get(patterns.rule[p]);
                int start = tokens.starts[origin[hitStart[h]]];
                int end = tokens.ends[origin[hitEnd[h]]];
                out.add(new Match(list.id, rule.id, rule.family, rule.explanation, rule.action, start, end,
                        patterns.list[p], patterns.rule[p]));
            }
            sortByStart(out);
            return out;
        }

        private boolean reported(List<Match> out, int p) {
            PatternList list = lists.get(patterns.list[p]);
            String ruleId = list.rules.get(patterns.rule[p]).id;
            for (Match m : out) {
                if (m.ruleId.equals(ruleId) && m.listId.equals(list.id)) return true;
            }
            return false;
        }

        private boolean exempted(int h) {
            int p = hitPattern[h];
            int s = hitStart[h];
            int e = hitEnd[h];
            for (int x = 0; x < hits; x++) {
                int q = hitPattern[x];
                int kind = patterns.kind[q];
                if (kind == PatternTable.RULE || !patterns.covers(q, p)) continue;
                int xs = hitStart[x];
                int xe = hitEnd[x];
                Exemption.Place place = Exemption.Place.values()[kind - 1];
                boolean applies;
                if (place == Exemption.Place.OVER) {
                    applies = xs <= e && xe >= s;
                } else if (place == Exemption.Place.BEFORE) {
                    applies = xs < s && s - xe - 1 <= BEFORE_WINDOW && sentence[xs] == sentence[s];
                } else {
                    // "... lost the election? That's a myth." may answer from the next sentence's first words.
                    applies = xe > e && xs - e - 1 <= AFTER_WINDOW && xs > e
                            && (sentence[xe] == sentence[e] || (sentence[xs] == sentence[e] + 1 && opensSentence(xs)));
                }
                if (applies) return true;
            }
            return false;
        }
    }

    private static void sortByStart(List<Match> matches) {
        for (int i = 1; i < matches.size(); i++) { // insertion sort: a handful of matches at most
            Match m = matches.get(i);
            int j = i - 1;
            while (j >= 0 && matches.get(j).start > m.start) {
                matches.set(j + 1, matches.get(j));
                j--;
            }
            matches.set(j + 1, m);
        }
    }
}
