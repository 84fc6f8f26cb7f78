package io.leaklens.analysis;

import io.leaklens.model.ClassHistogram;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.PredictedPause;
import io.leaklens.model.TimedHistogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.leaklens.analysis.Records.MB;
import static io.leaklens.analysis.Records.at;
import static io.leaklens.analysis.Records.live;
import static io.leaklens.analysis.Records.sample;
import static org.assertj.core.api.Assertions.assertThat;

class HistogramPausePredictorTest {

    private static final Duration LIMIT = Duration.ofSeconds(1);

    @Test
    void nothingIsPredictedBeforeTheFirstHeapReading() {
        PredictedPause pause = HistogramPausePredictor.predict(HeapHistory.EMPTY, List.of());

        assertThat(pause.known()).isFalse();
        assertThat(pause.reaches(Duration.ofNanos(1))).isFalse();
    }

    @Test
    void withoutHistogramsTheConservativeRateDecides() {
        PredictedPause small = predict(heapInUse(100 * MB), List.of());
        PredictedPause big = predict(liveSet(2048 * MB), List.of());

        assertThat(small.pause()).isEqualTo(Duration.ofMillis(100));
        assertThat(small.reaches(LIMIT)).isFalse();
        assertThat(small.measured()).isFalse();
        assertThat(big.pause()).isEqualTo(Duration.ofMillis(2048));
        assertThat(big.reaches(LIMIT)).isTrue();
    }

    @Test
    void theLiveSetAfterGcCountsRatherThanTheGarbageInUse() {
        HeapHistory heap = new HeapHistory(List.of(sample(10, 3072 * MB)), List.of(live(5, 500 * MB)), List.of());

        assertThat(predict(heap, List.of()).pause()).isEqualTo(Duration.ofMillis(500));
        assertThat(predict(heap, List.of()).heapBytes()).isEqualTo(500 * MB);
    }

    @Test
    void aBigHeapsHistogramDecidesAlmostAloneSoAFastMachineEarnsItsHistogramsBack() {
        // 2 GB counted in 400 ms: (256 ms + 400 ms) / (256 MB + 2048 MB) × 2048 MB = 583.1 ms.
        PredictedPause pause = predict(liveSet(2048 * MB), List.of(histogram(2048 * MB, 400)));

        assertThat(pause.pause().toMillis()).isEqualTo(583);
        assertThat(pause.measured()).isTrue();
        assertThat(pause.reaches(LIMIT)).isFalse();
    }

    @Test
    void aSmallHeapsHistogramMostlyFixedCostDoesNotMakeABiggerHeapLookDear() {
        // 10 MB in 60 ms is 6 ms/MB, which would make 600 MB look like 3.6 s; blended with the prior: 712.8 ms.
        PredictedPause pause = predict(liveSet(600 * MB), List.of(histogram(10 * MB, 60)));

        assertThat(pause.pause().toMillis()).isEqualTo(712);
        assertThat(pause.reaches(LIMIT)).isFalse();
    }

    @Test
    void theLatestHistogramCountsAsTheTargetGrows() {
        PredictedPause pause = predict(liveSet(1200 * MB), List.of(histogram(100 * MB, 50),
                histogram(1000 * MB, 1300)));

        // (256 + 1300) / (256 + 1000) × 1200 = 1,486.6 ms
        assertThat(pause.pause().toMillis()).isEqualTo(1486);
        assertThat(pause.reaches(LIMIT)).isTrue();
    }

    @Test
    void aHeapWalkIsPredictedFromAllTheHeapInUseAtItsOwnCheaperRate() {
        HeapHistory heap = new HeapHistory(List.of(sample(10, 2400 * MB)), List.of(live(5, 2000 * MB)), List.of());

        // the walk counts garbage too: 2400 MB × 0.35 ms/MB
        assertThat(HistogramPausePredictor.predictWalk(heap).pause()).isEqualTo(Duration.ofMillis(840));
        assertThat(HistogramPausePredictor.predictWalk(heap).reaches(LIMIT)).isFalse();
        assertThat(HistogramPausePredictor.predictWalk(heapInUse(3000 * MB)).reaches(LIMIT)).isTrue();
        assertThat(HistogramPausePredictor.predictWalk(HeapHistory.EMPTY).known()).isFalse();
    }

    @Test
    void aWalkOfABigHeapOfArraysEarnsItsHistogramsAndAWalkOfSmallObjectsDoesNot() {
        // 2.4 GB of long arrays walked in 130 ms: a live histogram at three times that,
        // (256 + 390) / (256 + 2400) × 2400 = 583.7 ms
        PredictedPause arrays = predict(heapInUse(2400 * MB), List.of(walk(2400 * MB, 130)));
        // 2.1 GB of 80-byte objects walked in 510 ms: (256 + 1530) / (256 + 2100) × 2100 = 1,591.9 ms (was 1.25 s)
        PredictedPause objects = predict(heapInUse(2100 * MB), List.of(walk(2100 * MB, 510)));

        assertThat(arrays.pause().toMillis()).isEqualTo(583);
        assertThat(arrays.measured()).isTrue();
        assertThat(arrays.reaches(LIMIT)).isFalse();
        assertThat(objects.pause().toMillis()).isEqualTo(1591);
        assertThat(objects.reaches(LIMIT)).isTrue();
    }

    @Test
    void thePredictionIsToldAsPreciselyAsItDeserves() {
        assertThat(new PredictedPause(Duration.ofMillis(1873), 2150 * MB, true).describe())
                .isEqualTo("about 1.9 s (the heap holds 2.10 GB)");
        assertThat(new PredictedPause(Duration.ofMillis(846), 900 * MB, false).describe())
                .isEqualTo("about 850 ms (the heap holds 900 MB)");
        assertThat(new PredictedPause(Duration.ofMillis(23_400), 20_000 * MB, false).describe())
                .isEqualTo("about 23 s (the heap holds 19.5 GB)");
    }

    private static PredictedPause predict(HeapHistory heap, List<TimedHistogram> histograms) {
        return HistogramPausePredictor.predict(heap, histograms);
    }

    private static HeapHistory heapInUse(long bytes) {
        return new HeapHistory(List.of(sample(1, bytes)), List.of(), List.of());
    }

    private static HeapHistory liveSet(long bytes) {
        return new HeapHistory(List.of(sample(30, bytes + 300 * MB)), List.of(live(29, bytes)), List.of());
    }

    private static TimedHistogram histogram(long liveBytes, long tookMillis) {
        return new TimedHistogram(at(20), new ClassHistogram(List.of(), 1000, liveBytes,
                Duration.ofMillis(tookMillis)));
    }

    private static TimedHistogram walk(long bytes, long tookMillis) {
        return new TimedHistogram(at(20), new ClassHistogram(List.of(), 1000, bytes, Duration.ofMillis(tookMillis),
                false));
    }
}
