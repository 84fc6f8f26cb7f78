package io.leaklens.model;

import java.util.List;

/**
 * What a heap dump holds.
 *
 * @param objects          objects in the dump, class objects included
 * @param classes          classes it defines (primitive array types not counted)
 * @param shallowBytes     the objects' shallow sizes summed, as HotSpot lays them out
 * @param reachableObjects objects a GC root reaches through strong references
 * @param reachableBytes   their shallow sizes summed: the heap that retained shares are shares of
 * @param roots            GC roots by kind, most first
 */
public record HeapDumpSummary(long objects, int classes, long shallowBytes, long reachableObjects,
                              long reachableBytes, List<RootCount> roots) {

    public HeapDumpSummary {
        roots = List.copyOf(roots);
    }

    /** How many root records of one kind the dump has ({@code Java frame}, {@code system class}, ...). */
    public record RootCount(String kind, long count) {
    }
}
