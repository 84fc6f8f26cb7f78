package io.leaklens.analysis;

import io.leaklens.model.HeapHistory;
import io.leaklens.model.HeapSample;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.leaklens.analysis.Records.MB;
import static io.leaklens.analysis.Records.gc;
import static io.leaklens.analysis.Records.live;
import static io.leaklens.analysis.Records.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HeapSummaryTest {

    @Test
    void withoutSamplesEverythingIsUnknown() {
        HeapSummary summary = HeapSummary.of(HeapHistory.EMPTY);

        assertThat(summary.samples()).isZero();
        assertThat(summary.usedStart()).isEqualTo(-1);
        assertThat(summary.usedEnd()).isEqualTo(-1);
        assertThat(summary.committedEnd()).isEqualTo(-1);
        assertThat(summary.max()).isEqualTo(-1);
        assertThat(summary.liveSetEnd()).isEqualTo(-1);
        assertThat(summary.span()).isEqualTo(Duration.ZERO);
        assertThat(summary.gcCount()).isZero();
        assertThat(summary.averageAllocationRate()).isZero();
        assertThat(summary.liveSetTrend().points()).isZero();
    }

    @Test
    void summarisesAWatchFromItsFirstAndLastSamples() {
        List<HeapSample> samples = List.of(
                sample(0, 100 * MB, 10, 200),
                sample(1, 130 * MB, 11, 230).withAllocationRate(40 * MB),
                sample(2, 110 * MB, 14, 260).withAllocationRate(20 * MB));
        HeapHistory history = new HeapHistory(samples, List.of(live(0.5, 80 * MB), live(1.5, 90 * MB)),
                List.of(gc(0.5, 140 * MB, 80 * MB, Duration.ofMillis(12)),
                        gc(1.5, 150 * MB, 90 * MB, Duration.ofMillis(30)),
                        gc(1.7, 95 * MB, 90 * MB, Duration.ofMillis(4))));

        HeapSummary summary = HeapSummary.of(history);

        assertThat(summary.span()).isEqualTo(Duration.ofSeconds(2));
        assertThat(summary.samples()).isEqualTo(3);
        assertThat(summary.usedStart()).isEqualTo(100 * MB);
        assertThat(summary.usedEnd()).isEqualTo(110 * MB);
        assertThat(summary.committedEnd()).isEqualTo(220 * MB);
        assertThat(summary.max()).isEqualTo(512 * MB);
        assertThat(summary.liveSetEnd()).isEqualTo(90 * MB);
        assertThat(summary.liveSetTrend().slopeBytesPerSecond()).isCloseTo(10.0 * MB, within(1e-6));
        assertThat(summary.gcCount()).as("collections during the watch, not since the target started").isEqualTo(4);
        assertThat(summary.gcPauseTotal()).isEqualTo(Duration.ofMillis(60));
        assertThat(summary.longestGc()).isEqualTo(Duration.ofMillis(30));
        assertThat(summary.averageAllocationRate()).as("the first sample's unknown rate is left out")
                .isCloseTo(30.0 * MB, within(1e-6));
    }

    @Test
    void aDayLongWatchIsMeasuredFromItsRealStartThoughOldSamplesAreMerged() {
        HeapTimeline timeline = new HeapTimeline();
        int seconds = 24 * 3600;
        for (int i = 0; i < seconds; i++) {
            long used = (i == 0 ? 50 : 100 + i % 7) * MB;
            timeline.add(sample(i, used, 3 + i / 10, 100 + i / 10));
        }

        HeapSummary summary = HeapSummary.of(timeline.history());

        assertThat(summary.span()).isEqualTo(Duration.ofSeconds(seconds - 1));
        assertThat(summary.usedStart()).isEqualTo(50 * MB);
        assertThat(summary.gcCount()).isEqualTo((seconds - 1) / 10);
        assertThat(summary.gcPauseTotal()).isEqualTo(Duration.ofMillis((seconds - 1) / 10));
    }

    @Test
    void oneSampleSpansNothing() {
        HeapSummary summary = HeapSummary.of(new HeapHistory(List.of(sample(0, 5 * MB)), List.of(), List.of()));

        assertThat(summary.span()).isEqualTo(Duration.ZERO);
        assertThat(summary.usedStart()).isEqualTo(summary.usedEnd()).isEqualTo(5 * MB);
        assertThat(summary.liveSetEnd()).isEqualTo(-1);
        assertThat(summary.longestGc()).isEqualTo(Duration.ZERO);
        assertThat(summary.averageAllocationRate()).isZero();
    }
}
