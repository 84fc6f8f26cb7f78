package io.leaklens.session;

import io.leaklens.heapdump.HeapDump;
import io.leaklens.model.DominatedObjects;
import io.leaklens.model.HeapDumpReport;
import io.leaklens.model.InstancesInDump;
import io.leaklens.model.ObjectPath;
import io.leaklens.model.OldObjectSample;

import java.util.List;

/**
 * A heap dump kept open after its analysis, for a user to walk: its report, and on request any level of its
 * dominator tree and the path from a GC root to any object. Answers come from the index in memory, in
 * milliseconds, so a view may ask as the user expands and selects.
 */
public final class OpenedHeapDump {

    private final HeapDump dump;
    private final HeapDumpReport report;
    private final List<OldObjectSample> suspectInstances;

    OpenedHeapDump(HeapDump dump, HeapDumpReport report, List<OldObjectSample> suspectInstances) {
        this.dump = dump;
        this.report = report;
        this.suspectInstances = List.copyOf(suspectInstances);
    }

    /**
     * The instances at the dump's biggest accumulation points with their paths from the GC roots and what each
     * retains, shaped as old-object samples: what the reference graph draws.
     */
    public List<OldObjectSample> suspectInstances() {
        return suspectInstances;
    }

    public HeapDumpReport report() {
        return report;
    }

    /** The objects that {@code objectId} keeps alive directly, biggest first; null for the top of the tree. */
    public DominatedObjects dominated(String objectId, int limit) {
        return dump.dominated(objectId, limit);
    }

    /** Where the instances of a class are kept alive, and by what. */
    public InstancesInDump instancesOf(String className) {
        return dump.instancesOf(className);
    }

    /** The shortest strong path from a GC root to the object. */
    public ObjectPath pathTo(String objectId) {
        return dump.pathTo(objectId);
    }
}
