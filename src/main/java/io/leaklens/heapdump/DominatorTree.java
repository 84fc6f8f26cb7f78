package io.leaklens.heapdump;

import java.util.Arrays;

/**
 * The dominator tree of a graph in compressed sparse rows, seen from a virtual super-root that points at every
 * root: computed exactly with the semi-NCA algorithm (Georgiadis; semidominators as Lengauer and Tarjan compute
 * them, then immediate dominators as nearest common ancestors), iteratively, in arrays only. Vertex 0 is the
 * super-root; node {@code v} of the graph is vertex {@code v + 1}.
 */
final class DominatorTree {

    /** {@link #idom} of a root: the super-root. */
    static final int SUPER_ROOT = -1;
    /** {@link #idom} of a node no root reaches. */
    static final int UNREACHABLE = -2;

    private final int[] idom;
    /** The reachable nodes in DFS preorder: a node's dominators come before it. */
    private final int[] preorder;

    private DominatorTree(int[] idom, int[] preorder) {
        this.idom = idom;
        this.preorder = preorder;
    }

    /** A node's immediate dominator, {@link #SUPER_ROOT} or {@link #UNREACHABLE}. */
    int idom(int node) {
        return idom[node];
    }

    /** The nodes the roots reach, each after its dominators. */
    int[] preorder() {
        return preorder;
    }

    static DominatorTree of(int nodeCount, int[] offsets, NativeArray targets, int[] roots) {
        int vertices = nodeCount + 1;
        int[] distinctRoots = Arrays.stream(roots).distinct().toArray();
        // Depth-first numbering from the super-root; number[v] == 0 means not reached (the super-root is 1).
        int[] number = new int[vertices];
        int[] vertexOf = new int[vertices + 1];
        int[] parent = new int[vertices + 1];
        int count = depthFirst(vertices, offsets, targets, distinctRoots, number, vertexOf, parent);
        int[] predOffsets = new int[count + 2];
        NativeArray preds = predecessors(count, offsets, targets, distinctRoots, number, vertexOf, predOffsets);
        int[] semi = new int[count + 1];
        int[] label = new int[count + 1];
        int[] ancestor = new int[count + 1];
        int[] stack = new int[count + 1];
        for (int w = 1; w <= count; w++) {
            semi[w] = w;
            label[w] = w;
        }
        for (int w = count; w >= 2; w--) {
            for (int p = predOffsets[w]; p < predOffsets[w + 1]; p++) {
                int u = eval(preds.getInt(p), ancestor, label, semi, stack);
                if (semi[u] < semi[w]) {
                    semi[w] = semi[u];
                }
            }
            ancestor[w] = parent[w];
        }
        int[] dominator = parent; // reused: from here on, dominator[w] is w's dominator candidate
        for (int w = 2; w <= count; w++) {
            while (dominator[w] > semi[w]) {
                dominator[w] = dominator[dominator[w]];
            }
        }
        int[] idom = new int[nodeCount];
        Arrays.fill(idom, UNREACHABLE);
        int[] preorder = new int[count - 1];
        for (int w = 2; w <= count; w++) {
            int node = vertexOf[w] - 1;
            preorder[w - 2] = node;
            idom[node] = dominator[w] == 1 ? SUPER_ROOT : vertexOf[dominator[w]] - 1;
        }
        return new DominatorTree(idom, preorder);
    }

    /** Numbers the vertices reached from the super-root in preorder (from 1) and returns how many. */
    private static int depthFirst(int vertices, int[] offsets, NativeArray targets, int[] roots, int[] number,
                                  int[] vertexOf, int[] parent) {
        int[] stackVertex = new int[vertices];
        int[] stackEdge = new int[vertices];
        int top = 0;
        int count = 1;
        number[0] = 1;
        vertexOf[1] = 0;
        stackVertex[0] = 0;
        stackEdge[0] = 0;
        while (top >= 0) {
            int v = stackVertex[top];
            // Vertex v > 0 is node v - 1, whose edges are offsets[v - 1]..offsets[v].
            int end = v == 0 ? roots.length : offsets[v] - offsets[v - 1];
            int edge = stackEdge[top];
            if (edge == end) {
                top--;
                continue;
            }
            stackEdge[top]++;
            int next = (v == 0 ? roots[edge] : targets.getInt(offsets[v - 1] + edge)) + 1;
            if (number[next] == 0) {
                number[next] = ++count;
                vertexOf[count] = next;
                parent[count] = number[v];
                top++;
                stackVertex[top] = next;
                stackEdge[top] = 0;
            }
        }
        return count;
    }

    /**
     * Each reached vertex's predecessors (by number), in compressed sparse rows indexed by number: the rows' offsets
     * into {@code predOffsets}, the predecessors (ints, off the heap: one an edge) returned.
     */
    private static NativeArray predecessors(int count, int[] offsets, NativeArray targets, int[] roots, int[] number,
                                            int[] vertexOf, int[] predOffsets) {
        for (int root : roots) {
            predOffsets[number[root + 1] + 1]++;
        }
        for (int w = 2; w <= count; w++) {
            int node = vertexOf[w] - 1;
            for (int e = offsets[node]; e < offsets[node + 1]; e++) {
                predOffsets[number[targets.getInt(e) + 1] + 1]++;
            }
        }
        for (int i = 1; i < predOffsets.length; i++) {
            predOffsets[i] += predOffsets[i - 1];
        }
        int[] fill = predOffsets.clone();
        NativeArray preds = NativeArray.ints(predOffsets[count + 1]);
        for (int root : roots) {
            preds.setInt(fill[number[root + 1]]++, 1);
        }
        for (int w = 2; w <= count; w++) {
            int node = vertexOf[w] - 1;
            for (int e = offsets[node]; e < offsets[node + 1]; e++) {
                preds.setInt(fill[number[targets.getInt(e) + 1]]++, w);
            }
        }
        return preds;
    }

    /**
     * The vertex of smallest semidominator on the path from {@code v} up to the root of its tree in the forest
     * linked so far, compressing that path (iteratively: dumps have paths millions of objects long).
     */
    private static int eval(int v, int[] ancestor, int[] label, int[] semi, int[] stack) {
        if (ancestor[v] == 0) {
            return v;
        }
        int top = 0;
        for (int x = v; ancestor[ancestor[x]] != 0; x = ancestor[x]) {
            stack[top++] = x;
        }
        while (top > 0) {
            int x = stack[--top];
            int a = ancestor[x];
            if (semi[label[a]] < semi[label[x]]) {
                label[x] = label[a];
            }
            ancestor[x] = ancestor[a];
        }
        return label[v];
    }
}
