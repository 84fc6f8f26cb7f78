package io.leaklens.analysis;

import io.leaklens.model.LiveSetPoint;
import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ClassHistogram;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.HeapSample;
import io.leaklens.model.HistogramEntry;
import io.leaklens.model.LeakReport;
import io.leaklens.model.LeakVerdict;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.RuleStatus;
import io.leaklens.model.TimedHistogram;
import io.leaklens.support.Snapshots;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The leak rules on hand-built series: leaks, plateaus, steps, warm-ups, noise, and too little data. */
class LeakRulesTest {

    private static final String ENTRY = Snapshots.ENTRY;
    private static final String CACHE = "com.acme.PriceCache$Node";

    /** Histograms every 15 s; {@code entries} gives the leaking class's count in histogram i. */
    private static List<TimedHistogram> histograms(int count, IntFunction<Long> entries, IntFunction<Long> cache) {
        List<TimedHistogram> list = new ArrayList<>();
        Random noise = new Random(3);
        for (int i = 0; i < count; i++) {
            long inFlight = 2_000 + noise.nextInt(400); // objects of requests in progress: up and down
            List<HistogramEntry> rows = List.of(
                    new HistogramEntry("byte[]", 50_000 + entries.apply(i), 8_000_000 + 272 * entries.apply(i)),
                    new HistogramEntry(ENTRY, entries.apply(i), 40 * entries.apply(i)),
                    new HistogramEntry(CACHE, cache.apply(i), 48 * cache.apply(i)),
                    new HistogramEntry("com.acme.Request", inFlight, 64 * inFlight),
                    new HistogramEntry("javax.management.openmbean.CompositeDataSupport", 100L + 50 * i, 2400L * i));
            long total = rows.stream().mapToLong(HistogramEntry::bytes).sum();
            list.add(new TimedHistogram(Records.at(15.0 * i), new ClassHistogram(rows, 0, total,
                    Duration.ofMillis(30))));
        }
        return list;
    }

    private static LeakReport analyze(List<TimedHistogram> histograms) {
        return LeakDetector.analyze(HeapHistory.EMPTY, histograms, AllocationProfile.EMPTY, OldObjectSet.NONE);
    }

    @Test
    void aSteadyLeakIsFoundWithItsClassFirst() {
        LeakReport report = analyze(histograms(5, i -> 15_000L * i, i -> 10_000L));

        assertThat(report.verdict()).isEqualTo(LeakVerdict.LEAK);
        assertThat(report.suspects().getFirst().className()).isEqualTo(ENTRY);
        assertThat(report.suspects().getFirst().growthInstancesPerSecond()).isCloseTo(1000, within(1));
        assertThat(report.suspects()).extracting(s -> s.className()).doesNotContain(CACHE, "com.acme.Request",
                "javax.management.openmbean.CompositeDataSupport");
        assertThat(report.suspects().getFirst().explanation()).startsWith("OrderLog$Entry grows by 1,000 live "
                + "instances per second");
    }

    @Test
    void tooFewHistogramsIsNotEnoughDataWithProgress() {
        LeakReport report = analyze(histograms(2, i -> 15_000L * i, i -> 10_000L));

        assertThat(report.verdict()).isEqualTo(LeakVerdict.NOT_ENOUGH_DATA);
        assertThat(report.progress()).isEqualTo(0.375); // 2 of 4 histograms, 15 of 40 s
        assertThat(report.reason()).startsWith("Not enough data yet: needs 4 class histograms");
    }

    @Test
    void aCacheThatFillsThenPlateausIsNoLeak() {
        LeakReport report = analyze(histograms(8, i -> 0L, i -> Math.min(20_000L, 12_000L * i)));

        assertThat(report.verdict()).isEqualTo(LeakVerdict.NO_LEAK);
        assertThat(report.reason()).startsWith("No leak: across 8 histograms");
    }

    @Test
    void aCacheStillFillingButSlowingDownIsNotALeak() {
        // Fills fast, then slower and slower: the later half grows at well under a third of the earlier half's rate.
        long[] sizes = {0, 9_000, 15_000, 18_000, 19_000, 19_400, 19_600, 19_700};
        LeakReport report = analyze(histograms(8, i -> 0L, i -> sizes[i]));

        assertThat(report.verdict()).isEqualTo(LeakVerdict.NO_LEAK);
    }

    @Test
    void aOneTimeStepIsNotALeak() {
        LeakReport report = analyze(histograms(8, i -> i < 3 ? 0L : 50_000L + (i == 7 ? 10 : 0), i -> 10_000L));

        assertThat(report.verdict()).isEqualTo(LeakVerdict.NO_LEAK);
    }

    @Test
    void objectsInFlightGoingUpAndDownAreNotALeak() {
        LeakReport report = analyze(histograms(12, i -> 0L, i -> 10_000L));

        assertThat(report.verdict()).isEqualTo(LeakVerdict.NO_LEAK);
        assertThat(report.rules()).extracting(r -> r.status()).doesNotContain(RuleStatus.SIGNAL);
    }

    @Test
    void aSlowLeakUnderNoiseIsFoundOnceItIsSteady() {
        // 5 records a second: 75 per interval, far under the noise of other classes' counts.
        LeakReport report = analyze(histograms(6, i -> 75L * i, i -> 10_000L + (i % 2) * 3_000));

        assertThat(report.verdict()).isEqualTo(LeakVerdict.LEAK);
        assertThat(report.suspects().getFirst().className()).isEqualTo(ENTRY);
    }

    @Test
    void aJdkClassAloneWithAFlatLiveSetIsNotALeak() {
        List<TimedHistogram> list = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long strings = 40_000 + 2_000L * i;
            // Other JDK objects shrink by as much, so the live set stays flat.
            List<HistogramEntry> rows = List.of(new HistogramEntry("java.lang.String", strings, 24 * strings),
                    new HistogramEntry("byte[]", 100_000, 50_000_000 - 24 * 2_000L * i));
            list.add(new TimedHistogram(Records.at(15.0 * i), new ClassHistogram(rows, 0,
                    rows.stream().mapToLong(HistogramEntry::bytes).sum(), Duration.ZERO)));
        }

        assertThat(analyze(list).verdict()).isEqualTo(LeakVerdict.NO_LEAK);
    }

    @Test
    void aClassLoadedByMoreAndMoreLoadersIsAClassLoaderLeak() {
        List<TimedHistogram> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<HistogramEntry> rows = new ArrayList<>();
            for (int copy = 0; copy < 10 + 75 * i; copy++) {
                rows.add(new HistogramEntry("com.acme.Plugin", 1, 16));
            }
            rows.add(new HistogramEntry("byte[]", 1000 + 75L * i, 65_536 * (10 + 75L * i)));
            list.add(new TimedHistogram(Records.at(15.0 * i), new ClassHistogram(rows, 0,
                    rows.stream().mapToLong(HistogramEntry::bytes).sum(), Duration.ZERO)));
        }

        LeakReport report = analyze(list);

        assertThat(report.verdict()).isEqualTo(LeakVerdict.LEAK);
        assertThat(report.suspects().getFirst().className()).isEqualTo("com.acme.Plugin");
        assertThat(report.suspects().getFirst().explanation()).startsWith("Plugin is loaded again and again: 310 "
                + "copies");
    }

    @Test
    void growingDirectBuffersWithAFlatHeapAreALeak() {
        List<HeapSample> samples = new ArrayList<>();
        for (int s = 0; s <= 60; s++) {
            samples.add(new HeapSample(Records.at(s), 64 * Records.MB, 128 * Records.MB, 256 * Records.MB, 0, 0,
                    640 * 1024L * s, 0, 10, s, s, 1e6));
        }
        LeakReport report = LeakDetector.analyze(new HeapHistory(samples, List.of(), List.of()),
                histograms(5, i -> 0L, i -> 10_000L), AllocationProfile.EMPTY, OldObjectSet.NONE);

        assertThat(report.verdict()).isEqualTo(LeakVerdict.LEAK);
        assertThat(report.suspects().getFirst().className()).isEqualTo("java.nio.DirectByteBuffer");
        assertThat(report.suspects().getFirst().explanation()).startsWith("Direct buffers grow by +640 KB/s");
    }

    @Test
    void withOldObjectsTheSentenceNamesTheFieldThatHoldsTheLeak() {
        LeakReport report = LeakDetector.analyze(HeapHistory.EMPTY, histograms(5, i -> 15_000L * i, i -> 10_000L),
                Snapshots.shop("x", 60).allocations(), Snapshots.shop("x", 60).oldObjects());

        assertThat(report.suspects().getFirst().rootDescription()).isEqualTo("static field com.acme.OrderLog.ENTRIES");
        assertThat(report.suspects().getFirst().explanation()).isEqualTo("OrderLog.ENTRIES (a static ArrayList) "
                + "gains 1,000 OrderLog$Entry per second (+39.1 KB/s), allocated in OrderLog.record(OrderLog.java:31); "
                + "nothing removes them.");
    }

    @Test
    void liveSetRuleNeedsTimeAndSeesPlateausAndWarmUps() {
        assertThat(LiveSetGrowthRule.evaluate(points(3, i -> 100L)).status()).isEqualTo(RuleStatus.NOT_ENOUGH_DATA);
        assertThat(LiveSetGrowthRule.evaluate(points(12, i -> 50_000_000L + 1_000_000L * i)).status())
                .isEqualTo(RuleStatus.SIGNAL);
        assertThat(LiveSetGrowthRule.evaluate(points(12, i -> 50_000_000L + 4_000_000L * Math.min(i, 5))).status())
                .isEqualTo(RuleStatus.NO_SIGN);
        Random noise = new Random(5);
        assertThat(LiveSetGrowthRule.evaluate(points(20, i -> 50_000_000L + noise.nextInt(2_000_000))).status())
                .isEqualTo(RuleStatus.NO_SIGN);
    }

    private static List<LiveSetPoint> points(int count, IntFunction<Long> bytes) {
        List<LiveSetPoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new LiveSetPoint(Records.at(10.0 * i), bytes.apply(i)));
        }
        return points;
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
