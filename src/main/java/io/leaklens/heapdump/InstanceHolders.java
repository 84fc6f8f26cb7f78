package io.leaklens.heapdump;

import io.leaklens.model.DominatorEntry;
import io.leaklens.model.InstancesInDump;
import io.leaklens.model.ObjectPath;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.function.IntFunction;

/**
 * Where the instances of one class are kept alive, for a class the live rules suspect but the dump's own
 * accumulation points may not list (a slow leak that is still small, a class loader's classes): the deepest object of
 * the dominator tree that keeps most of them alive, found by counting the instances under each node once.
 */
final class InstanceHolders {

    private final HeapIndex index;
    private final RetainedSizes sizes;
    private final ShortestPaths paths;
    private final IntFunction<DominatorEntry> entries;

    InstanceHolders(HeapIndex index, RetainedSizes sizes, ShortestPaths paths, IntFunction<DominatorEntry> entries) {
        this.index = index;
        this.sizes = sizes;
        this.paths = paths;
        this.entries = entries;
    }

    InstancesInDump of(String className) {
        BitSet classes = new BitSet();
        for (int c = 0; c < index.classes().size(); c++) {
            if (index.className(c).equals(className)) {
                classes.set(c);
            }
        }
        long instances = 0;
        long shallow = 0;
        int someInstance = -1;
        for (int node = 0; node < index.nodeCount(); node++) {
            if (classes.get(index.classOf(node)) && sizes.isReachable(node)) {
                instances++;
                shallow += index.shallow(node);
                someInstance = someInstance < 0 ? node : someInstance;
            }
        }
        long[] byClass = sizes.retainedByClass();
        long retained = classes.stream().mapToLong(c -> byClass[c]).sum();
        double share = sizes.heapBytes() == 0 ? 0 : (double) retained / sizes.heapBytes();
        if (instances == 0) {
            return new InstancesInDump(className, classes.cardinality(), 0, 0, 0, 0, null, 0, null);
        }
        int[] below = sizes.markedBelow(node -> classes.get(index.classOf(node)));
        int holder = holder(below, instances);
        int shown = holder < 0 ? someInstance : instanceUnder(holder, classes);
        RootedPath path = RootedPath.of(index, paths, shown);
        ObjectPath objectPath = new ObjectPath("0x" + Long.toHexString(index.idOf(shown)), path.rootKind(),
                path.rootDescription(), path.steps());
        return new InstancesInDump(className, classes.cardinality(), instances, shallow, retained, share,
                holder < 0 ? null : entries.apply(holder), holder < 0 ? 0 : below[holder], objectPath);
    }

    /**
     * Down from the super-root, as long as one child keeps at least {@link AccumulationPoints#MOSTLY} of the
     * instances: the last such node. When no top-level object does, the one that keeps the most; -1 when each is held
     * by a root of its own.
     */
    private int holder(int[] below, long instances) {
        int node = -1;
        while (true) {
            int next = -1;
            for (int child : sizes.children(node)) {
                // More than one: a single instance is what is held, not what holds.
                if (below[child] >= AccumulationPoints.MOSTLY * instances && below[child] > 1) {
                    next = child;
                    break;
                }
            }
            if (next < 0) {
                break;
            }
            node = next;
        }
        if (node >= 0) {
            return node;
        }
        int most = -1;
        for (int child : sizes.children(-1)) {
            if (below[child] > 1 && (most < 0 || below[child] > below[most])) {
                most = child;
            }
        }
        return most;
    }

    /** An instance that {@code holder} keeps alive: the first found walking down its dominator subtree. */
    private int instanceUnder(int holder, BitSet classes) {
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.push(holder);
        while (!todo.isEmpty()) {
            int node = todo.pop();
            if (node != holder && classes.get(index.classOf(node))) {
                return node;
            }
            for (int child : sizes.children(node)) {
                todo.push(child);
            }
        }
        return holder;
    }
}
