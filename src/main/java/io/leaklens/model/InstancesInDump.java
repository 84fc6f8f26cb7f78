package io.leaklens.model;

/**
 * Where a heap dump keeps the instances of one class alive: how many there are, what goes with them, and the one
 * object that holds most of them (the accumulation point), with the strong path from its GC root to one of them.
 *
 * @param className     the class asked for
 * @param classes       how many classes of that name the dump holds (more than one: loaded by several loaders)
 * @param instances     reachable instances, all classes of that name
 * @param shallowBytes  their own sizes
 * @param retainedBytes what would be freed with all of them
 * @param heapShare     retainedBytes as a share of the reachable heap
 * @param holder        the deepest object that keeps at least 80 % of them alive; else the one that keeps the most;
 *                      null when there are none, or only GC roots hold them
 * @param heldInstances how many of them {@code holder} keeps alive
 * @param path          from a GC root, through the holder, to one instance it keeps; null when there are none
 */
public record InstancesInDump(String className, int classes, long instances, long shallowBytes, long retainedBytes,
                              double heapShare, DominatorEntry holder, long heldInstances, ObjectPath path) {

    public boolean found() {
        return instances > 0;
    }
}
