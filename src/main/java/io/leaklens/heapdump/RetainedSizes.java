package io.leaklens.heapdump;

/**
 * Retained sizes from a dominator tree: a node's retained size is its shallow size plus those of the nodes it
 * dominates. Also the tree's children in compressed sparse rows (the super-root's at index {@code n}), for walking
 * down from a big object, and the retained size of each class's instances together.
 */
final class RetainedSizes {

    private final HeapIndex index;
    private final DominatorTree tree;
    private final long[] retained;
    private final int[] childOffsets;
    private final int[] children;
    private final long heapBytes;
    private final long reachable;

    RetainedSizes(HeapIndex index, DominatorTree tree) {
        this.index = index;
        this.tree = tree;
        int n = index.nodeCount();
        retained = new long[n];
        int[] preorder = tree.preorder();
        long total = 0;
        for (int node : preorder) {
            retained[node] = index.shallow(node);
        }
        // Later in preorder first: each node's dominated nodes are summed before it is added to its dominator.
        for (int i = preorder.length - 1; i >= 0; i--) {
            int node = preorder[i];
            int idom = tree.idom(node);
            if (idom >= 0) {
                retained[idom] += retained[node];
            } else {
                total += retained[node];
            }
        }
        heapBytes = total;
        reachable = preorder.length;
        childOffsets = new int[n + 2];
        for (int node : preorder) {
            childOffsets[parentSlot(node) + 1]++;
        }
        for (int i = 1; i < childOffsets.length; i++) {
            childOffsets[i] += childOffsets[i - 1];
        }
        int[] fill = childOffsets.clone();
        children = new int[preorder.length];
        for (int node : preorder) {
            children[fill[parentSlot(node)]++] = node;
        }
    }

    private int parentSlot(int node) {
        int idom = tree.idom(node);
        return idom == DominatorTree.SUPER_ROOT ? index.nodeCount() : idom;
    }

    long retained(int node) {
        return retained[node];
    }

    /** The shallow sizes of every reachable object, summed. */
    long heapBytes() {
        return heapBytes;
    }

    long reachableObjects() {
        return reachable;
    }

    boolean isReachable(int node) {
        return tree.idom(node) != DominatorTree.UNREACHABLE;
    }

    int idom(int node) {
        return tree.idom(node);
    }

    /** The nodes {@code node} immediately dominates; {@code -1} for the super-root's, the objects only roots hold. */
    int[] children(int node) {
        int slot = node < 0 ? index.nodeCount() : node;
        return java.util.Arrays.copyOfRange(children, childOffsets[slot], childOffsets[slot + 1]);
    }

    /**
     * For each node, how many {@code marked} nodes its dominator subtree holds (itself included); the last slot,
     * {@code nodeCount()}, is the super-root's: all marked reachable nodes.
     */
    int[] markedBelow(java.util.function.IntPredicate marked) {
        int n = index.nodeCount();
        int[] counts = new int[n + 1];
        int[] preorder = tree.preorder();
        for (int node : preorder) {
            counts[node] = marked.test(node) ? 1 : 0;
        }
        for (int i = preorder.length - 1; i >= 0; i--) {
            int node = preorder[i];
            counts[parentSlot(node)] += counts[node];
        }
        return counts;
    }

    int childCount(int node) {
        int slot = node < 0 ? index.nodeCount() : node;
        return childOffsets[slot + 1] - childOffsets[slot];
    }

    /**
     * Each class's instances' retained size together: the sum over those instances that no other instance of the
     * class dominates (a depth-first walk of the dominator tree counting, per class, the instances open above). A
     * lower bound of what goes with all of them: an object only two instances hold together is dominated by neither.
     */
    long[] retainedByClass() {
        int classes = index.classes().size();
        long[] byClass = new long[classes];
        int[] open = new int[classes];
        int n = index.nodeCount();
        int[] stackNode = new int[(int) reachable + 1];
        int[] stackCursor = new int[(int) reachable + 1];
        int top = 0;
        stackNode[0] = n;
        stackCursor[0] = childOffsets[n];
        while (top >= 0) {
            int node = stackNode[top];
            int slot = node;
            if (stackCursor[top] == childOffsets[slot + 1]) {
                if (node != n) {
                    open[index.classOf(node)]--;
                }
                top--;
                continue;
            }
            int child = children[stackCursor[top]++];
            int c = index.classOf(child);
            if (open[c]++ == 0) {
                byClass[c] += retained[child];
            }
            top++;
            stackNode[top] = child;
            stackCursor[top] = childOffsets[child];
        }
        return byClass;
    }
}
