package io.leaklens.analysis;

import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.HeapSample;
import io.leaklens.model.LiveSetPoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.leaklens.analysis.Records.MB;
import static io.leaklens.analysis.Records.at;
import static io.leaklens.analysis.Records.gc;
import static io.leaklens.analysis.Records.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HeapTimelineTest {

    @Test
    void firstSampleHasNoAllocationRate() {
        HeapTimeline timeline = new HeapTimeline();

        assertThat(timeline.add(sample(0, 100 * MB)).allocationRate()).isNaN();
    }

    @Test
    void allocationRateIsTheHeapGrowthPlusWhatCollectionsFreedInBetween() {
        HeapTimeline timeline = new HeapTimeline();
        timeline.add(sample(0, 100 * MB));
        timeline.add(gc(0.5, 150 * MB, 90 * MB)); // 50 MB allocated before, 60 MB freed
        timeline.add(gc(1.5, 130 * MB, 100 * MB)); // 40 MB allocated, 30 MB freed

        HeapSample second = timeline.add(sample(2, 120 * MB)); // 20 MB more than at 0 s, 90 MB freed
        HeapSample third = timeline.add(sample(4, 140 * MB)); // no collection: only the growth counts

        assertThat(second.allocationRate()).isCloseTo(110 * MB / 2.0, within(1.0));
        assertThat(third.allocationRate()).isCloseTo(20 * MB / 2.0, within(1.0));
        assertThat(timeline.history().samples()).extracting(HeapSample::allocationRate)
                .containsExactly(Double.NaN, 110 * MB / 2.0, 20 * MB / 2.0);
    }

    @Test
    void aCollectionToldLateIsCountedOverBothIntervalsNotAsANegativeRate() {
        HeapTimeline timeline = new HeapTimeline();
        timeline.add(sample(0, 100 * MB));

        // The heap shrank, but the collection that freed it arrives only after this sample.
        assertThat(timeline.add(sample(1, 60 * MB)).allocationRate()).isNaN();
        timeline.add(gc(0.9, 110 * MB, 50 * MB));

        // From 0 s to 2 s: 100 → 110 MB allocated before the collection, 50 → 80 MB after: 40 MB in 2 s.
        assertThat(timeline.add(sample(2, 80 * MB)).allocationRate()).isEqualTo(20.0 * MB);
    }

    @Test
    void samplesAtTheSameMillisecondGiveNoRate() {
        HeapTimeline timeline = new HeapTimeline();
        timeline.add(sample(0, 100 * MB));

        assertThat(timeline.add(sample(0, 110 * MB)).allocationRate()).isNaN();
    }

    @Test
    void eachCollectionAddsALiveSetPoint() {
        HeapTimeline timeline = new HeapTimeline();
        timeline.add(gc(1, 150 * MB, 90 * MB));
        timeline.add(gc(2, 160 * MB, 95 * MB));

        HeapHistory history = timeline.history();
        assertThat(history.liveSet()).containsExactly(new LiveSetPoint(at(1), 90 * MB),
                new LiveSetPoint(at(2), 95 * MB));
        assertThat(history.gcEvents()).hasSize(2);
        assertThat(history.latestLiveSet()).contains(new LiveSetPoint(at(2), 95 * MB));
    }

    @Test
    void keepsOnlyTheMostRecentCollections() {
        HeapTimeline timeline = new HeapTimeline();
        int total = HeapTimeline.GC_EVENTS + 2_500;
        for (int i = 0; i < total; i++) {
            timeline.add(gc(i, 100 * MB + i, 50 * MB + i));
        }

        HeapHistory history = timeline.history();
        assertThat(history.gcEvents()).hasSize(HeapTimeline.GC_EVENTS);
        assertThat(history.gcEvents().getFirst().end()).isEqualTo(at(2_500));
        assertThat(history.gcEvents().getLast().end()).isEqualTo(at(total - 1));
        assertThat(history.liveSet().size())
                .isLessThanOrEqualTo(1 + HeapTimeline.RECENT_LIVE_SET + HeapTimeline.ARCHIVE_LIVE_SET);
    }

    @Test
    void aDayOfSamplesStaysBoundedAndKeepsThePeaks() {
        HeapTimeline timeline = new HeapTimeline();
        int seconds = 24 * 3600;
        for (int i = 0; i < seconds; i++) {
            long used = i == 1_000 ? 400 * MB : 100 * MB; // one spike, long merged away at full resolution
            timeline.add(new HeapSample(at(i), used, 200 * MB, 512 * MB, 20 * MB, 40 * MB, 0, 0, 10, i, i, Double.NaN));
        }

        HeapHistory history = timeline.history();
        assertThat(history.samples().size())
                .isLessThanOrEqualTo(1 + HeapTimeline.RECENT_SAMPLES + HeapTimeline.ARCHIVE_SAMPLES);
        assertThat(history.first().orElseThrow().time()).as("where the watch started").isEqualTo(at(0));
        assertThat(history.samples()).extracting(HeapSample::heapUsed).contains(400 * MB);
        assertThat(history.latest().orElseThrow().time()).isEqualTo(at(seconds - 1));
        assertThat(timeline.span()).isEqualTo(Duration.ofSeconds(seconds - 1));
    }

    @Test
    void mergingSamplesKeepsPeaksAndTheNewerCounters() {
        HeapSample older = new HeapSample(at(0), 300, 400, 1000, 50, 80, 7, 1, 20, 5, 50, 10.0);
        HeapSample newer = new HeapSample(at(1), 200, 500, 2000, 60, 70, 3, 2, 15, 6, 55, 30.0);

        HeapSample merged = HeapTimeline.mergeSamples(older, newer);

        assertThat(merged).isEqualTo(new HeapSample(at(1), 300, 500, 2000, 60, 80, 7, 2, 20, 6, 55, 20.0));
        assertThat(HeapTimeline.mergeSamples(older.withAllocationRate(Double.NaN), newer).allocationRate())
                .isEqualTo(30.0);
        assertThat(HeapTimeline.mergeSamples(older, newer.withAllocationRate(Double.NaN)).allocationRate())
                .isEqualTo(10.0);
    }

    @Test
    void mergingLiveSetPointsKeepsTheLowest() {
        assertThat(HeapTimeline.mergeLiveSet(new LiveSetPoint(at(0), 50), new LiveSetPoint(at(1), 70)))
                .isEqualTo(new LiveSetPoint(at(1), 50));
    }

    @Test
    void historyIsASnapshot() {
        HeapTimeline timeline = new HeapTimeline();
        timeline.add(sample(0, MB));
        HeapHistory before = timeline.history();
        timeline.add(sample(1, 2 * MB));
        timeline.add(new GcEvent(at(1), "G1 Old Generation", "System.gc()", Duration.ZERO, 2 * MB, MB));

        assertThat(before.samples()).hasSize(1);
        assertThat(before.gcEvents()).isEmpty();
        assertThat(timeline.isEmpty()).isFalse();
    }
}
