package io.leaklens.bench;

import io.leaklens.analysis.SnapshotDiffer;
import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ClassAllocation;
import io.leaklens.model.ClassHistogram;
import io.leaklens.model.GcRoot;
import io.leaklens.model.HistogramEntry;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.ReferenceHop;
import io.leaklens.model.SiteAllocation;
import io.leaklens.model.Snapshot;
import io.leaklens.model.SnapshotDiff;
import io.leaklens.model.SnapshotInfo;
import io.leaklens.model.StackFrame;
import io.leaklens.model.TargetInfo;
import io.leaklens.store.SnapshotFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Snapshot work on big inputs: a diff of two snapshots of 20,000 classes and 50,000 allocation sites (target
 * ≤ 100 ms), and saving and opening a snapshot (target ≤ 200 ms each) — the synthetic one, and a real one from
 * {@code bench/snapshot.sh} when {@code -Dleaklens.bench.snapshot=FILE} names it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SnapshotBench {

    static final int CLASSES = 20_000;
    static final int SITES = 50_000;

    private Snapshot before;
    private Snapshot after;
    private Snapshot real;
    private Path dir;
    private Path synthetic;
    private Path realFile;

    @Setup
    public void setUp() throws IOException {
        before = synthetic(1, 0);
        after = synthetic(2, 60);
        dir = Files.createTempDirectory("leaklens-bench");
        synthetic = dir.resolve("synthetic.llsnap");
        SnapshotFile.write(after, synthetic);
        String file = System.getProperty("leaklens.bench.snapshot", "target/bench-snapshot.llsnap");
        realFile = Path.of(file);
        real = Files.exists(realFile) ? SnapshotFile.read(realFile) : after;
        System.out.printf("%nsynthetic snapshot: %,d bytes; real snapshot %s: %s%n", Files.size(synthetic), realFile,
                Files.exists(realFile) ? String.format("%,d bytes, %,d classes", Files.size(realFile),
                        real.histogram().classes().size()) : "absent (run bench/snapshot.sh)");
    }

    @Benchmark
    public SnapshotDiff diff20kClasses50kSites() {
        return new SnapshotDiffer().compare(before, after);
    }

    @Benchmark
    public Snapshot openSynthetic() throws IOException {
        return SnapshotFile.read(synthetic);
    }

    @Benchmark
    public Path saveSynthetic() throws IOException {
        Path file = dir.resolve("save-synthetic.llsnap");
        SnapshotFile.write(after, file);
        return file;
    }

    @Benchmark
    public Snapshot openReal() throws IOException {
        return Files.exists(realFile) ? SnapshotFile.read(realFile) : SnapshotFile.read(synthetic);
    }

    @Benchmark
    public Path saveReal() throws IOException {
        Path file = dir.resolve("save-real.llsnap");
        SnapshotFile.write(real, file);
        return file;
    }

    /** A snapshot of many classes and sites; {@code seconds} later, a third of the classes have grown. */
    static Snapshot synthetic(int seed, int seconds) {
        Random random = new Random(42); // the same classes and sites in both
        List<HistogramEntry> rows = new ArrayList<>(CLASSES);
        for (int i = 0; i < CLASSES; i++) {
            long instances = 1 + random.nextInt(10_000);
            long grown = seconds > 0 && i % 3 == 0 ? instances * seconds / 60 : 0;
            rows.add(new HistogramEntry("com.example.module" + (i % 97) + ".Type" + i + (i % 11 == 0 ? "$Inner" : ""),
                    instances + grown, (instances + grown) * (16 + 8L * (i % 9))));
        }
        double[] rates = new double[60];
        Arrays.fill(rates, 1000);
        List<ClassAllocation> classes = new ArrayList<>();
        List<SiteAllocation> sites = new ArrayList<>(SITES);
        for (int i = 0; i < SITES; i++) {
            StackFrame frame = new StackFrame("com.example.module" + (i % 97) + ".Service" + (i % 5000), "call" + i,
                    10 + i % 500);
            List<StackFrame> stack = List.of(frame, new StackFrame("com.example.Main", "run", 20));
            double rate = random.nextInt(100_000) * (seed == 2 && i % 7 == 0 ? 1.5 : 1);
            sites.add(new SiteAllocation(frame, rows.get(i % CLASSES).className(), (long) rate * 60, rate, rate,
                    rates, stack));
            if (i < 500) {
                classes.add(new ClassAllocation(rows.get(i).className(), (long) rate * 60, rate, rate, rates, frame));
            }
        }
        List<OldObjectSample> samples = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            List<ReferenceHop> path = new ArrayList<>();
            path.add(new ReferenceHop("java.lang.Class", "Class Name: com.example.Registry", "ITEMS", true, -1, -1, 0));
            for (int d = 0; d < 30; d++) {
                path.add(new ReferenceHop("java.util.HashMap$Node", null, "next", false, -1, -1, 0));
            }
            path.add(new ReferenceHop(rows.get(i).className(), null, null, false, -1, -1, 0));
            samples.add(new OldObjectSample(Instant.EPOCH.plusSeconds(i), Duration.ofSeconds(100), rows.get(i)
                    .className(), 48, -1, 1 << 20, List.of(new StackFrame("com.example.Registry", "add", 12)),
                    new GcRoot("Universe", "Other", null), path));
        }
        Instant at = Instant.parse("2026-11-01T10:00:00Z").plusSeconds(seconds);
        long total = rows.stream().mapToLong(HistogramEntry::bytes).sum();
        return new Snapshot(new SnapshotInfo("Snapshot " + seed, "", at, new TargetInfo(1, "bench", "25",
                "vm", List.of("G1"))), null, new ClassHistogram(rows, 0, total, Duration.ofMillis(100)),
                new AllocationProfile(at.minusSeconds(60), at, 10_000, 1 << 30, classes, sites, 0),
                new OldObjectSet(samples, at, Duration.ofMillis(10), Duration.ofMillis(200)));
    }
}
