package io.leaklens.heapdump;

import java.util.Arrays;

/**
 * The shortest strong path from the GC roots to every object: a breadth-first search from all roots at once,
 * remembering for each object the object and the edge it was first reached through.
 */
final class ShortestPaths {

    private final int[] parent;
    private final int[] parentEdge;
    /** For a root node, the index of its first root record; -1 for the others. */
    private final int[] rootOf;

    ShortestPaths(HeapIndex index) {
        int n = index.nodeCount();
        parent = new int[n];
        parentEdge = new int[n];
        rootOf = new int[n];
        Arrays.fill(parent, -2);
        Arrays.fill(rootOf, -1);
        int[] queue = new int[n];
        int tail = 0;
        int[] roots = index.rootNodes();
        for (int i = 0; i < roots.length; i++) {
            int root = roots[i];
            if (parent[root] == -2) {
                parent[root] = -1;
                parentEdge[root] = -1;
                rootOf[root] = i;
                queue[tail++] = root;
            }
        }
        int[] offsets = index.edgeOffsets();
        NativeArray targets = index.edgeTargets();
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int e = offsets[v]; e < offsets[v + 1]; e++) {
                int w = targets.getInt(e);
                if (parent[w] == -2) {
                    parent[w] = v;
                    parentEdge[w] = e;
                    queue[tail++] = w;
                }
            }
        }
    }

    /** The nodes from a root down to {@code node}, or an empty array when no root reaches it. */
    int[] path(int node) {
        if (parent[node] == -2) {
            return new int[0];
        }
        int length = 1;
        for (int v = node; parent[v] >= 0; v = parent[v]) {
            length++;
        }
        int[] path = new int[length];
        for (int v = node, i = length - 1; i >= 0; v = parent[v], i--) {
            path[i] = v;
        }
        return path;
    }

    /** The edge through which the search first reached {@code node}, -1 for a root. */
    int edgeTo(int node) {
        return parentEdge[node];
    }

    /** The root record index of a root node. */
    int rootRecord(int node) {
        return rootOf[node];
    }
}
