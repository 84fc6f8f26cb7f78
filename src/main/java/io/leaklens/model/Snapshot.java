package io.leaklens.model;

/**
 * Everything LeakLens knows about a target's memory at one moment, to keep and compare: the class histogram, who
 * allocated, the surviving sampled objects with their paths to GC roots, and the heap. Holds class names, counts,
 * sizes, stacks and field names, never field values.
 *
 * @param info       what and when
 * @param heap       the heap when it was taken, or null when unknown
 * @param histogram  the live objects by class ({@link ClassHistogram#NONE} if it could not be taken)
 * @param allocations the allocation profile of the session up to then
 * @param oldObjects the old-object samples at that moment
 * @param leaks      the leak rules' answer for the session up to then ({@link LeakReport#NONE} for files of format
 *                   1.0, which did not have it): what a later snapshot of the fixed program is checked against
 */
public record Snapshot(SnapshotInfo info, HeapSample heap, ClassHistogram histogram, AllocationProfile allocations,
                       OldObjectSet oldObjects, LeakReport leaks) {

    public Snapshot {
        histogram = histogram == null ? ClassHistogram.NONE : histogram;
        allocations = allocations == null ? AllocationProfile.EMPTY : allocations;
        oldObjects = oldObjects == null ? OldObjectSet.NONE : oldObjects;
        leaks = leaks == null ? LeakReport.NONE : leaks;
    }

    public Snapshot(SnapshotInfo info, HeapSample heap, ClassHistogram histogram, AllocationProfile allocations,
                    OldObjectSet oldObjects) {
        this(info, heap, histogram, allocations, oldObjects, LeakReport.NONE);
    }

    /** The same snapshot under another name and notes. */
    public Snapshot withInfo(String name, String notes) {
        return new Snapshot(new SnapshotInfo(name, notes, info.takenAt(), info.target()), heap, histogram,
                allocations, oldObjects, leaks);
    }
}
