package io.leaklens.support;

import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ClassAllocation;
import io.leaklens.model.ClassHistogram;
import io.leaklens.model.GcRoot;
import io.leaklens.model.HeapSample;
import io.leaklens.model.HistogramEntry;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.ReferenceHop;
import io.leaklens.model.SiteAllocation;
import io.leaklens.model.Snapshot;
import io.leaklens.model.SnapshotInfo;
import io.leaklens.model.StackFrame;
import io.leaklens.model.TargetInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Hand-built snapshots for tests: a shop whose order log leaks, with a histogram, allocations and old objects. */
public final class Snapshots {

    public static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    public static final TargetInfo TARGET = new TargetInfo(4242, "com.acme.Shop", "25.0.3", "OpenJDK 64-Bit Server VM",
            List.of("G1 Young Generation", "G1 Old Generation"));
    public static final String ENTRY = "com.acme.OrderLog$Entry";
    public static final StackFrame RECORD_SITE = new StackFrame("com.acme.OrderLog", "record", 31);

    private Snapshots() {
    }

    /** The shop after {@code seconds}: the log holds 1,000 entries (each with a 272-byte array) per second. */
    public static Snapshot shop(String name, double seconds) {
        long entries = Math.round(1000 * seconds);
        List<HistogramEntry> rows = new ArrayList<>(List.of(
                new HistogramEntry("byte[]", 50_000 + entries, 8_000_000 + 272 * entries),
                new HistogramEntry("java.lang.String", 40_000, 960_000),
                new HistogramEntry(ENTRY, entries, 40 * entries),
                new HistogramEntry("java.lang.Object[]", 900, 200_000 + 4 * entries),
                new HistogramEntry("com.acme.PriceCache$Node", 10_000, 400_000),
                new HistogramEntry("com.acme.Shop$$Lambda/0x000000000c154210", 3, 48)));
        ClassHistogram histogram = new ClassHistogram(rows, rows.stream().mapToLong(HistogramEntry::instances).sum(),
                rows.stream().mapToLong(HistogramEntry::bytes).sum(), Duration.ofMillis(35));
        double[] rates = new double[60];
        Arrays.fill(rates, 312_000);
        AllocationProfile allocations = new AllocationProfile(T0, T0.plusMillis((long) (seconds * 1000)), 500,
                (long) (312_000 * seconds), List.of(
                new ClassAllocation("byte[]", (long) (272_000 * seconds), 272_000, 272_000, rates, RECORD_SITE),
                new ClassAllocation(ENTRY, (long) (40_000 * seconds), 40_000, 40_000, rates, RECORD_SITE)),
                List.of(new SiteAllocation(RECORD_SITE, ENTRY, (long) (312_000 * seconds), 312_000, 312_000, rates,
                        List.of(RECORD_SITE, new StackFrame("com.acme.Shop", "order", 88)))),
                (long) (6_000 * seconds)); // what its JMX threads allocated while LeakLens watched
        HeapSample heap = new HeapSample(T0.plusMillis((long) (seconds * 1000)), 64_000_000, 128_000_000,
                256_000_000, 20_000_000, 40_000_000, 1000, 0, 12, 10, 40, 3_000_000, 0.85, 0.02);
        return new Snapshot(new SnapshotInfo(name, "", T0.plusMillis((long) (seconds * 1000)), TARGET), heap,
                histogram, allocations, new OldObjectSet(List.of(entrySample(T0.plusSeconds(1), seconds),
                entrySample(T0.plusMillis((long) (seconds * 900)), seconds)), T0.plusMillis((long) (seconds * 1000)),
                Duration.ofMillis(12), Duration.ofMillis(300)));
    }

    /** An entry held by the static list {@code OrderLog.ENTRIES}, as JFR shows it. */
    public static OldObjectSample entrySample(Instant allocated, double snapshotSeconds) {
        List<ReferenceHop> path = List.of(
                new ReferenceHop("java.lang.Class", "Class Name: com.acme.OrderLog", "ENTRIES", true, -1, -1, 0),
                new ReferenceHop("java.util.ArrayList", null, "elementData", false, -1, -1, 0),
                new ReferenceHop("java.lang.Object[]", null, null, false, 17, 2048, 0),
                new ReferenceHop(ENTRY, null, null, false, -1, -1, 0));
        return new OldObjectSample(allocated, Duration.between(allocated, T0.plusMillis((long) (snapshotSeconds
                * 1000))), ENTRY, 40, -1, 30_000_000, List.of(RECORD_SITE),
                new GcRoot("Universe", "Other", null), path);
    }
}
