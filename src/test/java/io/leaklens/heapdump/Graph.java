package io.leaklens.heapdump;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A small graph in compressed sparse rows, built by hand for tests, with brute-force answers to check against. */
final class Graph {

    final int n;
    final int[] offsets;
    final int[] targets;

    private Graph(int n, int[] offsets, int[] targets) {
        this.n = n;
        this.offsets = offsets;
        this.targets = targets;
    }

    static Graph of(int n, int[][] edges) {
        int[] offsets = new int[n + 1];
        for (int[] edge : edges) {
            offsets[edge[0] + 1]++;
        }
        for (int i = 1; i <= n; i++) {
            offsets[i] += offsets[i - 1];
        }
        int[] fill = offsets.clone();
        int[] targets = new int[edges.length];
        for (int[] edge : edges) {
            targets[fill[edge[0]]++] = edge[1];
        }
        return new Graph(n, offsets, targets);
    }

    /** Which nodes the roots reach when {@code removed} is taken out (-1: none). */
    boolean[] reachable(int[] roots, int removed) {
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int root : roots) {
            if (root != removed && !seen[root]) {
                seen[root] = true;
                queue[tail++] = root;
            }
        }
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int e = offsets[v]; e < offsets[v + 1]; e++) {
                int w = targets[e];
                if (w != removed && !seen[w]) {
                    seen[w] = true;
                    queue[tail++] = w;
                }
            }
        }
        return seen;
    }

    /** The nodes that dominate {@code w} (itself included), sorted; null when no root reaches it. */
    List<Integer> dominatorsByBruteForce(int[] roots, int w) {
        if (!reachable(roots, -1)[w]) {
            return null;
        }
        List<Integer> dominators = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            if (d == w || !reachable(roots, d)[w]) {
                dominators.add(d);
            }
        }
        return dominators;
    }

    @Override
    public String toString() {
        return n + " nodes " + Arrays.toString(offsets) + " " + Arrays.toString(targets);
    }
}
