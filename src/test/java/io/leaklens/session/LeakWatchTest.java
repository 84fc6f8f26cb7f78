package io.leaklens.session;

import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ClassHistogram;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.HistogramEntry;
import io.leaklens.model.LeakReport;
import io.leaklens.model.LeakVerdict;
import io.leaklens.model.LiveSetPoint;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.TimedHistogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LeakWatchTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    /** A flat live set, read after a collection every 10 s for 90 s. */
    private static final HeapHistory FLAT = new HeapHistory(List.of(), IntStream.range(0, 10)
            .mapToObj(i -> new LiveSetPoint(T0.plusSeconds(10L * i), 50_000_000L)).toList(), List.of());
    private static final TimedHistogram ONE = new TimedHistogram(T0.plusSeconds(60),
            new ClassHistogram(List.of(), 1000, 200_000_000L, Duration.ofMillis(180)));

    @Test
    void whileHistogramsComeOnScheduleOneOfThemIsNotEnoughToDecide() {
        LeakWatch watch = new LeakWatch();
        watch.add(ONE);

        assertThat(report(watch)).isEqualTo(LeakVerdict.NOT_ENOUGH_DATA);
    }

    @Test
    void withoutPeriodicHistogramsASnapshotsHistogramLeavesTheDecisionToTheLiveSet() {
        LeakWatch watch = new LeakWatch();
        watch.periodicHistograms(false);
        watch.add(ONE);

        assertThat(report(watch)).isEqualTo(LeakVerdict.NO_LEAK);
    }

    @Test
    void aGrowthThatLevelsOffIsNoLongerALeakAndLeavesNoDetectionTime() {
        LeakWatch watch = new LeakWatch();
        for (int i = 0; i < 6; i++) {
            watch.addPeriodic(cacheEntries(i, 1_000L * i));
        }
        watch.update(FLAT, AllocationProfile.EMPTY, OldObjectSet.NONE, T0.plusSeconds(80));
        LeakReport growing = watch.report();
        assertThat(growing.verdict()).isEqualTo(LeakVerdict.LEAK);
        assertThat(growing.detectedAt()).isEqualTo(T0.plusSeconds(80));

        for (int i = 6; i < 26; i++) {
            watch.addPeriodic(cacheEntries(i, 5_000)); // a bounded cache, full
        }
        watch.update(FLAT, AllocationProfile.EMPTY, OldObjectSet.NONE, T0.plusSeconds(400));
        LeakReport full = watch.report();
        assertThat(full.verdict()).isEqualTo(LeakVerdict.NO_LEAK);
        assertThat(full.detectedAt()).isNull();
    }

    private static TimedHistogram cacheEntries(int index, long entries) {
        return new TimedHistogram(T0.plusSeconds(15L * index), new ClassHistogram(List.of(
                new HistogramEntry("com.acme.Cache$Entry", entries, 32 * entries),
                new HistogramEntry("byte[]", 1_000, 200_000_000L)), 1_000 + entries, 200_000_000L + 32 * entries,
                Duration.ofMillis(50)));
    }

    private static LeakVerdict report(LeakWatch watch) {
        watch.update(FLAT, AllocationProfile.EMPTY, OldObjectSet.NONE, T0.plusSeconds(90));
        return watch.report().verdict();
    }
}
