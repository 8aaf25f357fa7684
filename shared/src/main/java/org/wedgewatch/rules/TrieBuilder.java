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
     * Lays the trie out with equal subtrees merged and each node's edges sorted by token. A list's
     * templates share their endings ("... are the real racists" after every target), so merging
     * the subtrees that read the same words to the same patterns leaves a fraction of the nodes:
     * a smaller working set for every post. Nodes are numbered breadth-first from the root.
     */
    Trie build(int vocabularySize) {
        // Children of each node, sorted by token.
        int[] childStart = new int[nodeCount + 1];
        for (int e = 0; e < edgeCount; e++) childStart[edgeParent[e] + 1]++;
        for (int n = 0; n < nodeCount; n++) childStart[n + 1] += childStart[n];
        int[] fill = Arrays.copyOf(childStart, nodeCount);
        long[] packed = new long[edgeCount];
        for (int e = 0; e < edgeCount; e++) packed[fill[edgeParent[e]]++] = ((long) edgeToken[e] << 32) | edgeChild[e];
        for (int n = 0; n < nodeCount; n++) {
            if (childStart[n + 1] - childStart[n] > 1) Arrays.sort(packed, childStart[n], childStart[n + 1]);
        }
        int[][] values = new int[nodeCount][];
        for (int n = 0; n < nodeCount; n++) values[n] = sortedOutputs(n);

        // A child is made after its parent, so from the last node back every child's class is known.
        int[] classOf = new int[nodeCount];
        int[] representative = new int[nodeCount];
        int classes = 0;
        LongIntMap byHash = new LongIntMap();
        for (int n = nodeCount - 1; n >= 1; n--) {
            long h = hash(n, childStart, packed, classOf, values[n]);
            while (true) {
                int c = byHash.get(h);
                if (c < 0) {
                    byHash.put(h, classes);
                    representative[classes] = n;
                    classOf[n] = classes++;
                    break;
                }
                if (same(n, representative[c], childStart, packed, classOf, values)) {
                    classOf[n] = c;
                    break;
                }
                h++; // another subtree with the same hash: the next slot
            }
        }
        representative[classes] = 0; // the root is a class of its own
        classOf[0] = classes++;

        // Breadth-first numbering of the classes from the root's.
        int[] newId = new int[classes];
        Arrays.fill(newId, -1);
        int[] order = new int[classes]; // order[i] is the class of new node i
        int nodes = 0;
        order[nodes] = classOf[0];
        newId[classOf[0]] = nodes++;
        int edges = 0;
        for (int head = 0; head < nodes; head++) {
            int old = representative[order[head]];
            edges += childStart[old + 1] - childStart[old];
            for (int k = childStart[old]; k < childStart[old + 1]; k++) {
                int c = classOf[(int) packed[k]];
                if (newId[c] < 0) {
                    order[nodes] = c;
                    newId[c] = nodes++;
                }
            }
        }
        int[] edgeStart = new int[nodes + 1];
        int[] tokens = new int[edges];
        int[] children = new int[edges];
        int[] outputStart = new int[nodes + 1];
        int outputTotal = 0;
        for (int i = 0; i < nodes; i++) outputTotal += values[representative[order[i]]].length;
        int[] outputs = new int[outputTotal];
        int e = 0;
        int o = 0;
        for (int i = 0; i < nodes; i++) {
            int old = representative[order[i]];
            edgeStart[i] = e;
            for (int k = childStart[old]; k < childStart[old + 1]; k++) {
                tokens[e] = (int) (packed[k] >>> 32);
                children[e++] = newId[classOf[(int) packed[k]]];
            }
            outputStart[i] = o;
            for (int v : values[old]) outputs[o++] = v;
        }
        edgeStart[nodes] = e;
        outputStart[nodes] = o;

        int[] rootChild = new int[vocabularySize];
        Arrays.fill(rootChild, -1);
        for (int k = edgeStart[0]; k < edgeStart[1]; k++) rootChild[tokens[k]] = children[k];
        return new Trie(rootChild, edgeStart, tokens, children, outputStart, outputs);
    }

    private int[] sortedOutputs(int node) {
        if (node >= outputHead.length) return new int[0];
        int count = 0;
        for (int o = outputHead[node]; o >= 0; o = outputNext[o]) count++;
        int[] out = new int[count];
        for (int o = outputHead[node], k = 0; o >= 0; o = outputNext[o]) out[k++] = outputValue[o];
        Arrays.sort(out);
        return out;
    }

    /** A hash of what node n reads: its outputs, and each edge's token and the class it leads to. */
    private static long hash(int n, int[] childStart, long[] packed, int[] classOf, int[] outputs) {
        long h = 1469598103934665603L;
        for (int v : outputs) h = (h ^ v) * 1099511628211L;
        h = (h ^ -1) * 1099511628211L;
        for (int k = childStart[n]; k < childStart[n + 1]; k++) {
            h = (h ^ (packed[k] >>> 32)) * 1099511628211L;
            h = (h ^ classOf[(int) packed[k]]) * 1099511628211L;
        }
        return h;
    }

    /** Do nodes a and b read the same: the same outputs and the same tokens to the same classes? */
    private static boolean same(int a, int b, int[] childStart, long[] packed, int[] classOf, int[][] values) {
        if (!Arrays.equals(values[a], values[b])) return false;
        int ka = childStart[a];
        int kb = childStart[b];
        if (childStart[a + 1] - ka != childStart[b + 1] - kb) return false;
        for (; ka < childStart[a + 1]; ka++, kb++) {
            if ((packed[ka] >>> 32) != (packed[kb] >>> 32)) return false;
            if (classOf[(int) packed[ka]] != classOf[(int) packed[kb]]) return false;
        }
        return true;
    }
}
