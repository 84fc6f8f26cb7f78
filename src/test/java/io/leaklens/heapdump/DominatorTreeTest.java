package io.leaklens.heapdump;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The dominator tree on hand-built graphs against the textbook answers, and on random graphs against brute force. */
class DominatorTreeTest {

    private static final int S = DominatorTree.SUPER_ROOT;
    private static final int X = DominatorTree.UNREACHABLE;

    @Test
    void aChainIsDominatedLinkByLink() {
        DominatorTree tree = tree(4, new int[][] {{0, 1}, {1, 2}, {2, 3}}, 0);

        assertThat(idoms(tree, 4)).containsExactly(S, 0, 1, 2);
    }

    @Test
    void theJoinOfADiamondIsDominatedByItsTopOnly() {
        // 0 → 1, 0 → 2, 1 → 3, 2 → 3, 3 → 4
        DominatorTree tree = tree(5, new int[][] {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {3, 4}}, 0);

        assertThat(idoms(tree, 5)).containsExactly(S, 0, 0, 0, 3);
    }

    @Test
    void aCycleBackToTheRootChangesNothing() {
        DominatorTree tree = tree(3, new int[][] {{0, 1}, {1, 2}, {2, 0}, {2, 1}}, 0);

        assertThat(idoms(tree, 3)).containsExactly(S, 0, 1);
    }

    @Test
    void anObjectHeldFromTwoRootsIsDominatedByTheSuperRoot() {
        DominatorTree tree = tree(4, new int[][] {{0, 2}, {1, 2}, {2, 3}}, 0, 1);

        assertThat(idoms(tree, 4)).containsExactly(S, S, S, 2);
    }

    @Test
    void nodesNoRootReachesAreUnreachable() {
        DominatorTree tree = tree(3, new int[][] {{1, 2}, {2, 1}}, 0);

        assertThat(idoms(tree, 3)).containsExactly(S, X, X);
        assertThat(tree.preorder()).containsExactly(0);
    }

    /** The graph of Lengauer and Tarjan's paper (1979), figure 1: R A B C D E F G H I J K L. */
    @Test
    void lengauerAndTarjansExample() {
        int r = 0, a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8, i = 9, j = 10, k = 11, l = 12;
        int[][] edges = {{r, a}, {r, b}, {r, c}, {a, d}, {b, a}, {b, d}, {b, e}, {c, f}, {c, g}, {d, l}, {e, h},
                {f, i}, {g, i}, {g, j}, {h, e}, {h, k}, {i, k}, {j, i}, {k, i}, {k, r}, {l, h}};

        DominatorTree tree = tree(13, edges, r);

        assertThat(idoms(tree, 13)).containsExactly(S, r, r, r, r, r, c, c, r, r, g, r, d);
    }

    @Test
    void randomGraphsAgreeWithBruteForce() {
        Random random = new Random(17);
        for (int round = 0; round < 300; round++) {
            int n = 2 + random.nextInt(30);
            List<int[]> edges = new ArrayList<>();
            int edgeCount = random.nextInt(n * 3);
            for (int e = 0; e < edgeCount; e++) {
                edges.add(new int[] {random.nextInt(n), random.nextInt(n)});
            }
            int[] roots = random.ints(1 + random.nextInt(3), 0, n).toArray();
            Graph graph = Graph.of(n, edges.toArray(int[][]::new));

            DominatorTree tree = DominatorTree.of(n, graph.offsets, NativeArray.ints(graph.targets), roots);

            for (int w = 0; w < n; w++) {
                assertThat(dominatorsByTree(tree, w)).as("round %d, node %d", round, w)
                        .isEqualTo(graph.dominatorsByBruteForce(roots, w));
            }
        }
    }

    private static List<Integer> dominatorsByTree(DominatorTree tree, int node) {
        List<Integer> dominators = new ArrayList<>();
        if (tree.idom(node) == X) {
            return null;
        }
        for (int d = node; d >= 0; d = tree.idom(d)) {
            dominators.add(d);
        }
        dominators.sort(null);
        return dominators;
    }

    private static DominatorTree tree(int n, int[][] edges, int... roots) {
        Graph graph = Graph.of(n, edges);
        return DominatorTree.of(n, graph.offsets, NativeArray.ints(graph.targets), roots);
    }

    private static int[] idoms(DominatorTree tree, int n) {
        int[] idoms = new int[n];
        for (int v = 0; v < n; v++) {
            idoms[v] = tree.idom(v);
        }
        return idoms;
    }
}
