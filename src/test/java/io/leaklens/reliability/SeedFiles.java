package io.leaklens.reliability;

import io.leaklens.model.ClassHistogram;
import io.leaklens.model.HistogramEntry;
import io.leaklens.model.Snapshot;
import io.leaklens.store.SnapshotFile;
import io.leaklens.support.Snapshots;
import jdk.jfr.Recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The good files the fuzzer damages: snapshots saved by LeakLens and a recording made by this very JVM. */
final class SeedFiles {

    /** Held for the recording's old-object samples, as a leak would hold them. */
    private static final List<int[]> RETAINED = new ArrayList<>();

    private SeedFiles() {
    }

    /** The hand-built shop snapshot, saved as LeakLens saves it: small, with every kind of content. */
    static byte[] shopSnapshot(Path dir) throws IOException {
        return save(Snapshots.shop("fuzz seed", 60), dir.resolve("seed-shop.llsnap"));
    }

    /** A snapshot with a histogram of 3,000 classes: long enough that damage lands in the middle of big lists. */
    static byte[] bigSnapshot(Path dir) throws IOException {
        Snapshot shop = Snapshots.shop("big fuzz seed", 120);
        List<HistogramEntry> rows = new ArrayList<>(shop.histogram().classes());
        for (int i = 0; i < 3_000; i++) {
            rows.add(new HistogramEntry("com.acme.generated.Type" + i, 3_000 - i, 24L * (3_000 - i)));
        }
        ClassHistogram histogram = new ClassHistogram(rows, shop.histogram().totalInstances(),
                shop.histogram().totalBytes(), Duration.ofMillis(80));
        return save(new Snapshot(shop.info(), shop.heap(), histogram, shop.allocations(), shop.oldObjects(),
                shop.leaks()), dir.resolve("seed-big.llsnap"));
    }

    /**
     * A short recording of this JVM with the events LeakLens reads (allocation samples with stacks, heap summaries,
     * collections, old objects with their paths), dumped as {@code jcmd JFR.dump} would.
     */
    static byte[] recording(Path dir) throws IOException {
        Path file = dir.resolve("seed.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ObjectAllocationSample").with("throttle", "1000/s").withStackTrace();
            recording.enable("jdk.GCHeapSummary");
            recording.enable("jdk.GarbageCollection");
            recording.enable("jdk.OldObjectSample").with("cutoff", "1 s").withStackTrace();
            recording.start();
            allocateAndRetain();
            System.gc();
            recording.stop();
            recording.dump(file);
        }
        return Files.readAllBytes(file);
    }

    private static void allocateAndRetain() {
        long sink = 0;
        for (int i = 0; i < 20_000; i++) {
            int[] block = new int[64 + i % 64];
            if (i % 10 == 0) {
                RETAINED.add(block);
            }
            sink += block.length + String.valueOf(i).length();
        }
        if (sink == 42) {
            System.out.println(sink);
        }
    }

    private static byte[] save(Snapshot snapshot, Path file) throws IOException {
        SnapshotFile.write(snapshot, file);
        return Files.readAllBytes(file);
    }
}
