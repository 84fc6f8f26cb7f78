package io.leaklens.session;

import io.leaklens.heapdump.HeapDump;
import io.leaklens.model.DominatedObjects;
import io.leaklens.model.HeapDumpComparison;
import io.leaklens.model.HeapDumpReport;
import io.leaklens.model.InstancesInDump;
import io.leaklens.model.ObjectPath;
import io.leaklens.model.OldObjectSample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A heap dump kept open after its analysis, for a user to walk: its report, and on request any level of its
 * dominator tree and the path from a GC root to any object. Answers come from the index in memory, in
 * milliseconds, so a view may ask as the user expands and selects.
 */
public final class OpenedHeapDump {

    private final Path file;
    private final HeapDump dump;
    private final HeapDumpReport report;
    private final List<OldObjectSample> suspectInstances;

    OpenedHeapDump(Path file, HeapDump dump, HeapDumpReport report, List<OldObjectSample> suspectInstances) {
        this.file = file;
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

    /**
     * This dump compared by class with another of the same program: the older of the two files (by modification
     * time) is "before". The other dump is read, compared and let go: one more index in memory for a while.
     */
    public HeapDumpComparison compareWith(Path other) throws SessionException {
        boolean otherIsOlder = olderOrSame(other, file);
        return HeapDumpAnalysis.withMemory(other, () -> {
            HeapDump read = HeapDumpAnalysis.read(other);
            return otherIsOlder
                    ? HeapDumpComparer.of(other, read.allClasses(), file, dump.allClasses(), report.suspects())
                    : HeapDumpComparer.of(file, dump.allClasses(), other, read.allClasses(), read.report(0).suspects());
        });
    }

    private static boolean olderOrSame(Path one, Path than) {
        try {
            return Files.getLastModifiedTime(one).compareTo(Files.getLastModifiedTime(than)) <= 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** The shortest strong path from a GC root to the object. */
    public ObjectPath pathTo(String objectId) {
        return dump.pathTo(objectId);
    }
}
