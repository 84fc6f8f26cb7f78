package io.leaklens.analysis;

import io.leaklens.model.ClassDelta;
import io.leaklens.model.ClassHistogram;
import io.leaklens.model.HistogramEntry;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.SiteAllocation;
import io.leaklens.model.SiteDelta;
import io.leaklens.model.Snapshot;
import io.leaklens.model.SnapshotDiff;
import io.leaklens.model.StackFrame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two snapshots: classes by bytes grown, allocation sites by change in rate, old-object samples that
 * survived from one to the other, and the classes that look like they leak.
 */
public final class SnapshotDiffer {

    private final boolean normalizeNames;

    /** @param normalizeNames whether generated names (lambdas, hidden classes, proxies) are normalised first */
    public SnapshotDiffer(boolean normalizeNames) {
        this.normalizeNames = normalizeNames;
    }

    public SnapshotDiffer() {
        this(true);
    }

    public SnapshotDiff compare(Snapshot before, Snapshot after) {
        List<ClassDelta> classes = classes(before.histogram(), after.histogram());
        List<OldObjectSample> survivors = new ArrayList<>();
        List<OldObjectSample> fresh = new ArrayList<>();
        Set<String> earlier = new HashSet<>();
        for (OldObjectSample sample : before.oldObjects().samples()) {
            earlier.add(identity(sample));
        }
        for (OldObjectSample sample : after.oldObjects().samples()) {
            if (RootPaths.heldByProfiler(sample)) {
                continue;
            }
            (earlier.contains(identity(sample)) ? survivors : fresh).add(sample);
        }
        SnapshotDiff withoutSuspects = new SnapshotDiff(before.info(), after.info(), classes, sites(before, after),
                survivors, fresh, List.of());
        return new SnapshotDiff(before.info(), after.info(), classes, withoutSuspects.sites(), survivors, fresh,
                GrowthSuspects.find(withoutSuspects, before, after, this::name),
                LeakVerification.compare(before, after));
    }

    String name(String className) {
        return normalizeNames && className != null ? GeneratedNames.normalize(className) : className;
    }

    /**
     * The same sampled object in two bursts: the sampler keeps an object with its allocation time, which is exact to
     * the tick, so class and time together name it.
     */
    private String identity(OldObjectSample sample) {
        return name(sample.className()) + '@' + sample.allocationTime();
    }

    private List<ClassDelta> classes(ClassHistogram before, ClassHistogram after) {
        Map<String, long[]> rows = new HashMap<>(Math.max(16, (before.classes().size() + after.classes().size())));
        add(rows, before, 0);
        add(rows, after, 2);
        List<ClassDelta> deltas = new ArrayList<>(rows.size());
        rows.forEach((name, r) -> deltas.add(new ClassDelta(name, r[0], r[2], r[1], r[3])));
        deltas.sort(Comparator.comparingLong(ClassDelta::bytesDelta).reversed()
                .thenComparing(ClassDelta::className));
        return deltas;
    }

    /** Sums rows into {instancesBefore, bytesBefore, instancesAfter, bytesAfter}: normalised names may merge. */
    private void add(Map<String, long[]> rows, ClassHistogram histogram, int offset) {
        for (HistogramEntry entry : histogram.classes()) {
            long[] row = rows.computeIfAbsent(name(entry.className()), k -> new long[4]);
            row[offset] += entry.instances();
            row[offset + 1] += entry.bytes();
        }
    }

    private List<SiteDelta> sites(Snapshot before, Snapshot after) {
        Map<StackFrame, SiteAllocation> earlier = new HashMap<>();
        for (SiteAllocation site : before.allocations().sites()) {
            earlier.put(site.site(), site);
        }
        Map<StackFrame, SiteDelta> deltas = new LinkedHashMap<>();
        for (SiteAllocation site : after.allocations().sites()) {
            SiteAllocation old = earlier.remove(site.site());
            deltas.put(site.site(), new SiteDelta(site.site(), name(site.topClass()), old == null ? 0 : rate(old),
                    rate(site), site.stack()));
        }
        for (SiteAllocation old : earlier.values()) {
            deltas.put(old.site(), new SiteDelta(old.site(), name(old.topClass()), rate(old), 0, old.stack()));
        }
        List<SiteDelta> sorted = new ArrayList<>(deltas.values());
        sorted.sort(Comparator.comparingDouble((SiteDelta d) -> Math.abs(d.rateDelta())).reversed());
        return sorted;
    }

    /** The rate when the snapshot was taken: over its last minute, or its whole session if that was shorter. */
    private static double rate(SiteAllocation site) {
        return site.recentBytesPerSecond() > 0 ? site.recentBytesPerSecond() : site.bytesPerSecond();
    }
}
