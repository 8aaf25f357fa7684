package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the enabled rules of all lists, plus the built-in rebuttal cues, into one
 * {@link Automaton}. Templates are expanded into word sequences and inserted into a trie.
 */
public final class ListCompiler {
    /** Words that make a claim a rebuttal; a gap never skips them. Written as posts are normalized. */
    static final String[] NEGATIONS = {"not", "never", "no", "nobody", "nothing", "neither", "nor", "cannot", "none", "nope"};

    private final Vocabulary vocabulary = new Vocabulary();
    private final LongIntMap edges = new LongIntMap(); // (parent << 32 | token) -> child
    private int[] edgeParent = new int[1024];
    private int[] edgeToken = new int[1024];
    private int[] edgeChild = new int[1024];
    private int edgeCount;
    private final PatternTable patterns = new PatternTable();
    private int[] outputHead = new int[1024];
    private int[] outputNext = new int[1024];
    private int[] outputPattern = new int[1024];
    private int outputCount;
    private int nodeCount = 1;

    private ListCompiler() {
        vocabulary.intern("\u0000unknown"); // Automaton.UNKNOWN
        vocabulary.intern("\u0001any"); // Automaton.ANY: never a word of a post
        for (String n : NEGATIONS) id(Normalizer.collapseRepeats(n));
        Arrays.fill(outputHead, -1);
    }

    public static Matcher compile(List<PatternList> lists) {
        return compile(lists, Collections.<String>emptySet());
    }

    /** Compiles every rule except those whose key ("listId/ruleId") is in {@code disabled}. */
    public static Matcher compile(List<PatternList> lists, Set<String> disabled) {
        ListCompiler c = new ListCompiler();
        PatternList cues = RebuttalCues.list();
        for (Exemption e : cues.exemptions) c.addExemption(e, cues.groups, -1, -1);
        for (int l = 0; l < lists.size(); l++) {
            PatternList list = lists.get(l);
            for (Exemption e : list.exemptions) c.addExemption(e, list.groups, l, -1);
            for (int r = 0; r < list.rules.size(); r++) {
                Rule rule = list.rules.get(r);
                if (disabled.contains(list.id + "/" + rule.id)) continue;
                int pattern = c.patterns.addRule(l, r);
                for (Template t : rule.templates) c.insertAll(t, list.groups, pattern);
                for (Exemption e : rule.exemptions) c.addExemption(e, list.groups, l, r);
            }
        }
        return new Matcher(c.build(), c.patterns, new ArrayList<>(lists));
    }

    private void addExemption(Exemption e, Map<String, TermGroup> groups, int list, int rule) {
        insertAll(e.template, groups, patterns.addExemption(e.place, list, rule));
    }

    /**
     * Inserts every phrase the template stands for, walking the trie as it goes instead of
     * listing the phrases first.
     */
    private void insertAll(Template t, Map<String, TermGroup> groups, int pattern) {
        insertFrom(t.parts, 0, 0, groups, pattern);
    }

    private void insertFrom(List<Template.Part> parts, int k, int node, Map<String, TermGroup> groups, int pattern) {
        if (k == parts.size()) {
            addOutput(node, pattern);
            return;
        }
        Template.Part p = parts.get(k);
        switch (p.kind) {
            case Template.Part.WORDS:
                insertFrom(parts, k + 1, walk(node, p.words), groups, pattern);
                return;
            case Template.Part.GROUP:
                for (String[] term : groups.get(p.group).terms) insertFrom(parts, k + 1, walk(node, term), groups, pattern);
                return;
            case Template.Part.GAP:
                int at = node;
                for (int n = 0; n <= p.gap; n++) {
                    if (n > 0) at = child(at, Automaton.ANY);
                    insertFrom(parts, k + 1, at, groups, pattern);
                }
                return;
            default:
                if (p.optional) insertFrom(parts, k + 1, node, groups, pattern);
                for (List<Template.Part> alt : p.alternatives) {
                    List<Template.Part> rest = new ArrayList<>(alt.size() + parts.size() - k - 1);
                    rest.addAll(alt);
                    rest.addAll(parts.subList(k + 1, parts.size()));
                    insertFrom(rest, 0, node, groups, pattern);
                }
        }
    }

    private int walk(int node, String[] words) {
        for (String word : words) node = child(node, id(word));
        return node;
    }

    /** The child along {@code token}, made if it is not there yet. */
    private int child(int node, int token) {
        long key = ((long) node << 32) | token;
        int child = edges.get(key);
        if (child < 0) {
            child = nodeCount++;
            edges.put(key, child);
            addEdge(node, token, child);
        }
        return child;
    }

    private void addOutput(int node, int pattern) {
        if (node >= outputHead.length) {
            int old = outputHead.length;
            outputHead = Arrays.copyOf(outputHead, Math.max(node + 1, old * 2));
            Arrays.fill(outputHead, old, outputHead.length, -1);
        }
        for (int o = outputHead[node]; o >= 0; o = outputNext[o]) {
            if (outputPattern[o] == pattern) return; // two expansions can give the same phrase
        }
        if (outputCount == outputNext.length) {
            outputNext = Arrays.copyOf(outputNext, outputCount * 2);
            outputPattern = Arrays.copyOf(outputPattern, outputCount * 2);
        }
        outputPattern[outputCount] = pattern;
        outputNext[outputCount] = outputHead[node];
        outputHead[node] = outputCount++;
    }

    private int id(String word) {
        return vocabulary.intern(word);
    }

    private void addEdge(int parent, int token, int child) {
        if (edgeCount == edgeParent.length) {
            edgeParent = Arrays.copyOf(edgeParent, edgeCount * 2);
            edgeToken = Arrays.copyOf(edgeToken, edgeCount * 2);
            edgeChild = Arrays.copyOf(edgeChild, edgeCount * 2);
        }
        edgeParent[edgeCount] = parent;
        edgeToken[edgeCount] = token;
        edgeChild[edgeCount++] = child;
    }

    /**
     * Lays the trie out breadth-first with each node's edges sorted by token. Then the node an
     * edge leads to is simply the edge's index + 1, so no child array is stored.
     */
    private Automaton build() {
        int vocab = vocabulary.size();
        boolean[] negation = new boolean[vocab];
        for (String n : NEGATIONS) negation[vocabulary.get(Normalizer.collapseRepeats(n))] = true;

        // Children of each node (old numbering), sorted by token.
        int[] childStart = new int[nodeCount + 1];
        for (int e = 0; e < edgeCount; e++) childStart[edgeParent[e] + 1]++;
        for (int n = 0; n < nodeCount; n++) childStart[n + 1] += childStart[n];
        int[] fill = Arrays.copyOf(childStart, nodeCount);
        long[] packed = new long[edgeCount];
        for (int e = 0; e < edgeCount; e++) packed[fill[edgeParent[e]]++] = ((long) edgeToken[e] << 32) | edgeChild[e];
        for (int n = 0; n < nodeCount; n++) {
            if (childStart[n + 1] - childStart[n] > 1) Arrays.sort(packed, childStart[n], childStart[n + 1]);
        }

        // Breadth-first renumbering: queue[i] is the old id of new node i.
        int[] queue = new int[nodeCount];
        int[] edgeStart = new int[nodeCount + 1];
        int[] tokens = new int[edgeCount];
        int tail = 1;
        for (int head = 0; head < nodeCount; head++) {
            int old = queue[head];
            edgeStart[head] = tail - 1;
            for (int k = childStart[old]; k < childStart[old + 1]; k++) {
                tokens[tail - 1] = (int) (packed[k] >>> 32);
                queue[tail++] = (int) packed[k];
            }
        }
        edgeStart[nodeCount] = edgeCount;

        int[] rootChild = new int[vocab];
        Arrays.fill(rootChild, -1);
        for (int e = edgeStart[0]; e < edgeStart[1]; e++) rootChild[tokens[e]] = e + 1;

        int[] outputStart = new int[nodeCount + 1];
        int[] outputs = new int[outputCount];
        int k = 0;
        for (int n = 0; n < nodeCount; n++) {
            outputStart[n] = k;
            int old = queue[n];
            if (old < outputHead.length) {
                for (int o = outputHead[old]; o >= 0; o = outputNext[o]) outputs[k++] = outputPattern[o];
            }
        }
        outputStart[nodeCount] = k;
        return new Automaton(vocabulary, negation, rootChild, edgeStart, tokens, outputStart, outputs);
    }
}
