package org.wedgewatch.rules;

/**
 * A trie over token ids held in flat int arrays, laid out breadth-first. Edges of a node are
 * sorted by token id (binary search); the root, visited at every token, has a direct table. Each
 * node lists the values (patterns, or term classes) that end there.
 */
final class Trie {
    final int[] rootChild;
    final int[] edgeStart;
    /** Edge e leads to node e + 1: nodes are numbered breadth-first in edge order. */
    final int[] edgeToken;
    final int[] outputStart;
    final int[] outputs;

    Trie(int[] rootChild, int[] edgeStart, int[] edgeToken, int[] outputStart, int[] outputs) {
        this.rootChild = rootChild;
        this.edgeStart = edgeStart;
        this.edgeToken = edgeToken;
        this.outputStart = outputStart;
        this.outputs = outputs;
    }

    /** The child of {@code node} along {@code token}, or -1. Node 0 is the root. */
    int child(int node, int token) {
        if (node == 0) return token < rootChild.length ? rootChild[token] : -1;
        int lo = edgeStart[node];
        int end = edgeStart[node + 1];
        // The first edge has the smallest token: a gap's, looked up at every live position, is found
        // or ruled out there (and so is any token at a leaf).
        if (lo == end || edgeToken[lo] >= token) return lo < end && edgeToken[lo] == token ? lo + 1 : -1;
        int hi = end;
        // Two-way, not three-way, comparisons: TeaVM compiles the latter into a call of its compare.
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edgeToken[mid] < token) lo = mid + 1;
            else hi = mid;
        }
        return lo < end && edgeToken[lo] == token ? lo + 1 : -1;
    }

    private int[] wordDepth;

    /**
     * For each node, the words (not gaps, not sentence ends) on its path from the root: how far a
     * partial match got on words, for explaining a near miss. Made on first use; nodes are
     * numbered breadth-first, so a parent comes before its children.
     */
    int[] wordDepth() {
        if (wordDepth == null) {
            int[] depth = new int[nodeCount()];
            for (int node = 0; node < depth.length; node++) {
                for (int e = edgeStart[node]; e < edgeStart[node + 1]; e++) {
                    depth[e + 1] = depth[node] + (edgeToken[e] > Automaton.QUESTION ? 1 : 0);
                }
            }
            wordDepth = depth;
        }
        return wordDepth;
    }

    int nodeCount() {
        return edgeStart.length - 1;
    }

    long arrayBytes() {
        return 4L * (rootChild.length + edgeStart.length + edgeToken.length + outputStart.length + outputs.length);
    }
}
