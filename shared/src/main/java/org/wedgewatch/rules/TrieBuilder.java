package org.wedgewatch.rules;

import java.util.Arrays;

/** Builds a {@link Trie}: nodes made as paths are walked, then laid out breadth-first. */
final class TrieBuilder {
    private final LongIntMap edges = new LongIntMap(); // (parent << 32 | token) -> child
    private int[] edgeParent = new int[1024];
    private int[] edgeToken = new int[1024];
    private int[] edgeChild = new int[1024];
    private int edgeCount;
    private int[] outputHead = new int[1024];
    private int[] outputNext = new int[1024];
    private int[] outputValue = new int[1024];
    private int outputCount;
    private int nodeCount = 1;

    TrieBuilder() {
        Arrays.fill(outputHead, -1);
    }

    /** The child along {@code token}, made if it is not there yet. */
    int child(int node, int token) {
        long key = ((long) node << 32) | token;
        int child = edges.get(key);
        if (child < 0) {
            child = nodeCount++;
            edges.put(key, child);
            addEdge(node, token, child);
        }
        return child;
    }

    void addOutput(int node, int value) {
        if (node >= outputHead.length) {
            int old = outputHead.length;
            outputHead = Arrays.copyOf(outputHead, Math.max(node + 1, old * 2));
            Arrays.fill(outputHead, old, outputHead.length, -1);
        }
        for (int o = outputHead[node]; o >= 0; o = outputNext[o]) {
            if (outputValue[o] == value) return; // two expansions can give the same phrase
        }
        if (outputCount == outputNext.length) {
            outputNext = Arrays.copyOf(outputNext, outputCount * 2);
            outputValue = Arrays.copyOf(outputValue, outputCount * 2);
        }
        outputValue[outputCount] = value;
        outputNext[outputCount] = outputHead[node];
        outputHead[node] = outputCount++;
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
    Trie build(int vocabularySize) {
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

        int[] rootChild = new int[vocabularySize];
        Arrays.fill(rootChild, -1);
        for (int e = edgeStart[0]; e < edgeStart[1]; e++) rootChild[tokens[e]] = e + 1;

        int[] outputStart = new int[nodeCount + 1];
        int[] outputs = new int[outputCount];
        int k = 0;
        for (int n = 0; n < nodeCount; n++) {
            outputStart[n] = k;
            int old = queue[n];
            if (old < outputHead.length) {
                for (int o = outputHead[old]; o >= 0; o = outputNext[o]) outputs[k++] = outputValue[o];
            }
        }
        outputStart[nodeCount] = k;
        return new Trie(rootChild, edgeStart, tokens, outputStart, outputs);
    }
}
