package org.wedgewatch.rules;

/**
 * The compiled form of all enabled rules: a trie over token ids held in flat int arrays, laid
 * out breadth-first. Edges of a node are sorted by token id (binary search); the root, visited at
 * every token, has a direct table. Each node lists the patterns that end there.
 */
final class Automaton {
    static final int UNKNOWN = 0;
    static final int ANY = 1;

    final Vocabulary vocabulary;
    final boolean[] negation;
    final int[] rootChild;
    final int[] edgeStart;
    /** Edge e leads to node e + 1: nodes are numbered breadth-first in edge order. */
    final int[] edgeToken;
    final int[] outputStart;
    final int[] outputs;

    Automaton(Vocabulary vocabulary, boolean[] negation, int[] rootChild, int[] edgeStart, int[] edgeToken,
              int[] outputStart, int[] outputs) {
        this.vocabulary = vocabulary;
        this.negation = negation;
        this.rootChild = rootChild;
        this.edgeStart = edgeStart;
        this.edgeToken = edgeToken;
        this.outputStart = outputStart;
        this.outputs = outputs;
    }

    int tokenId(String word) {
        int id = vocabulary.get(word);
        return id < 0 ? UNKNOWN : id;
    }

    /** The child of {@code node} along {@code token}, or -1. Node 0 is the root. */
    int child(int node, int token) {
        if (node == 0) return token < rootChild.length ? rootChild[token] : -1;
        int lo = edgeStart[node];
        int hi = edgeStart[node + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int t = edgeToken[mid];
            if (t < token) lo = mid + 1;
            else if (t > token) hi = mid - 1;
            else return mid + 1;
        }
        return -1;
    }

    int nodeCount() {
        return edgeStart.length - 1;
    }

    /** Approximate bytes held by the arrays (the vocabulary map excluded). */
    long arrayBytes() {
        return 4L * (rootChild.length + edgeStart.length + edgeToken.length + outputStart.length
                + outputs.length) + negation.length;
    }
}
