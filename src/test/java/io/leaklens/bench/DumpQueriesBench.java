package io.leaklens.bench;

import io.leaklens.heapdump.HeapDump;
import io.leaklens.model.InstancesInDump;
import io.leaklens.model.ObjectPath;
import io.leaklens.model.OldObjectSample;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a user waits for once a dump is indexed: the shortest strong path from a GC root to one object (by id), the
 * instances of a class with their holder and path ("Find in heap dump"), and the merged paths of the biggest
 * accumulation points' instances (the graph: up to 200 instances at each of 5 points). Each timed three times, the
 * best printed. Run by {@code bench/heapdump.sh} with {@code QUERIES=CLASS}.
 */
public final class DumpQueriesBench {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String className = args[1];
        long start = System.nanoTime();
        HeapDump dump = HeapDump.read(file);
        System.out.printf(Locale.ROOT, "read %s in %.1f s%n", file.getFileName(), (System.nanoTime() - start) / 1e9);
        InstancesInDump instances = null;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            instances = dump.instancesOf(className);
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf(Locale.ROOT, "instances of %s: %,d, their holder and a path: %.0f ms%n", className,
                instances.instances(), best / 1e6);
        String objectId = instances.path().objectId();
        best = Long.MAX_VALUE;
        ObjectPath path = null;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            path = dump.pathTo(objectId);
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf(Locale.ROOT, "the path to %s (%d steps): %.2f ms%n", objectId, path.steps().size(),
                best / 1e6);
        best = Long.MAX_VALUE;
        List<OldObjectSample> merged = List.of();
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            merged = dump.suspectInstances(5, 200, true);
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf(Locale.ROOT, "paths of %d instances at the 5 biggest accumulation points: %.0f ms%n",
                merged.size(), best / 1e6);
    }
}
