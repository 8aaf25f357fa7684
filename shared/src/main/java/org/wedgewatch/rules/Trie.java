package org.wedgewatch.rules;

/**
 * A trie over token ids held in flat int arrays, its equal subtrees merged (so, strictly, a
 * directed acyclic graph), laid out breadth-first. Edges of a node are sorted by token id
 * (binary search); the root, visited at every token, has a direct table. Each node lists the
 * values (patterns, or term classes) that end there.
 */
final class Trie {
    final int[] rootChild;
    final int[] edgeStart;
    final int[] edgeToken;
    /** The node edge e leads to. */
    final int[] edgeChild;
    final int[] outputStart;
    final int[] outputs;

    Trie(int[] rootChild, int[] edgeStart, int[] edgeToken, int[] edgeChild, int[] outputStart, int[] outputs) {
        this.rootChild = rootChild;
        this.edgeStart = edgeStart;
        this.edgeToken = edgeToken;
        this.edgeChild = edgeChild;
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
        if (lo == end || edgeToken[lo] >= token) return lo < end && edgeToken[lo] == token ? edgeChild[lo] : -1;
        int hi = end;
        // Two-way, not three-way, comparisons: TeaVM compiles the latter into a call of its compare.
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edgeToken[mid] < token) lo = mid + 1;
            else hi = mid;
        }
        return lo < end && edgeToken[lo] == token ? edgeChild[lo] : -1;
    }

    private int[] wordDepth;

    /**
     * For each node, the most words (not gaps, not sentence ends) on a path to it from the root:
     * how far a partial match got on words, for explaining a near miss. Made on first use, in an
     * order where every node comes after all its parents.
     */
    int[] wordDepth() {
        if (wordDepth == null) {
            int nodes = nodeCount();
            int[] parents = new int[nodes];
            for (int e = 0; e < edgeChild.length; e++) parents[edgeChild[e]]++;
            int[] depth = new int[nodes];
            int[] ready = new int[nodes];
            int tail = 0;
            ready[tail++] = 0;
            for (int head = 0; head < tail; head++) {
                int node = ready[head];
                for (int e = edgeStart[node]; e < edgeStart[node + 1]; e++) {
                    int c = edgeChild[e];
                    depth[c] = Math.max(depth[c], depth[node] + (edgeToken[e] > Automaton.QUESTION ? 1 : 0));
                    if (--parents[c] == 0) ready[tail++] = c;
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
        return 4L * (rootChild.length + edgeStart.length + edgeToken.length + edgeChild.length + outputStart.length + outputs.length);
    }
}
