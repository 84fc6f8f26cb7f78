package io.leaklens.session;

import io.leaklens.heapdump.HeapDump;
import io.leaklens.model.HeapDumpComparison;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.RetainedClass;
import io.leaklens.model.RetainedClassDelta;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two heap dumps at the class level: instances, shallow and retained bytes, classes ranked by retained
 * growth. The dumps are read one after the other, so only one index is in memory at a time.
 */
public final class HeapDumpComparer {

    private HeapDumpComparer() {
    }

    public static HeapDumpComparison compare(Path before, Path after) throws SessionException {
        List<RetainedClass> earlier = HeapDumpAnalysis.withMemory(before,
                () -> HeapDumpAnalysis.read(before).allClasses());
        return HeapDumpAnalysis.withMemory(after, () -> {
            HeapDump later = HeapDumpAnalysis.read(after);
            return of(before, earlier, after, later.allClasses(), later.report(0).suspects());
        });
    }

    /** The comparison of two dumps already read: their classes, and the later one's suspects. */
    static HeapDumpComparison of(Path before, List<RetainedClass> earlier, Path after, List<RetainedClass> later,
                                 List<LeakSuspect> suspectsAfter) {
        return new HeapDumpComparison(name(before), name(after), deltas(earlier, later), suspectsAfter);
    }

    /** Each class of either list, before and after, by retained growth, then shallow growth, then name. */
    public static List<RetainedClassDelta> deltas(List<RetainedClass> earlier, List<RetainedClass> later) {
        // Two classes of one name (two loaders) add up to one here, as in the snapshots' class histograms.
        Map<String, long[]> byName = new LinkedHashMap<>();
        add(byName, earlier, 0);
        add(byName, later, 3);
        return byName.entrySet().stream()
                .map(e -> new RetainedClassDelta(e.getKey(), e.getValue()[0], e.getValue()[3], e.getValue()[1],
                        e.getValue()[4], e.getValue()[2], e.getValue()[5]))
                .sorted(Comparator.comparingLong(RetainedClassDelta::retainedDelta).reversed()
                        .thenComparing(Comparator.comparingLong(RetainedClassDelta::bytesDelta).reversed())
                        .thenComparing(RetainedClassDelta::className))
                .toList();
    }

    /** Adds instances, shallow and retained bytes at {@code at}, {@code at + 1}, {@code at + 2}. */
    private static void add(Map<String, long[]> byName, List<RetainedClass> classes, int at) {
        for (RetainedClass c : classes) {
            long[] sums = byName.computeIfAbsent(c.className(), n -> new long[6]);
            sums[at] += c.instances();
            sums[at + 1] += c.shallowBytes();
            sums[at + 2] += c.retainedBytes();
        }
    }

    private static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }
}
