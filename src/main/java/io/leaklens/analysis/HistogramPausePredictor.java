package io.leaklens.analysis;

import io.leaklens.model.ClassHistogram;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.HeapSample;
import io.leaklens.model.LiveSetPoint;
import io.leaklens.model.PredictedPause;
import io.leaklens.model.TimedHistogram;

import java.time.Duration;
import java.util.List;

/**
 * Predicts how long the next class histogram will pause a target; the one place that does, for the periodic
 * histograms of the leak rules, the CLI's snapshot warning and the app's confirmation.
 * <p>
 * A histogram's full GC and count take time in proportion to the live heap. The rate (ms per MB) comes from the
 * target's latest histogram, its pause over the bytes it found live, blended with a conservative prior that counts
 * as one histogram of {@value #PRIOR_WEIGHT_MB} MB. So before any histogram the prior decides; a small heap's
 * histogram, mostly fixed cost, can make a bigger heap look neither cheap nor dear; and a big heap's decides almost
 * alone, which lets a machine faster than ours earn its histograms back after one snapshot.
 */
public final class HistogramPausePredictor {

    /**
     * Before any histogram of the target: a rate above what this project's 2-core machine measured (bench/pauses.sh,
     * G1): the target paused 0.6 ms per MB live (90 ms for 149 MB, 1.25 s for 2.0 GB), and LeakLens's request, which
     * is what it learns from, took 0.75–0.9 ms per MB.
     */
    static final double PRIOR_MILLIS_PER_MB = 1.0;
    /** How much the prior weighs against a measured histogram, in MB of heap. */
    static final double PRIOR_WEIGHT_MB = 256;

    private static final double MB = 1024.0 * 1024;

    private HistogramPausePredictor() {
    }

    /** The pause of a histogram taken now, after {@code histograms} (oldest first) of the same target. */
    public static PredictedPause predict(HeapHistory heap, List<TimedHistogram> histograms) {
        long heapBytes = heapNow(heap);
        if (heapBytes < 0) {
            return PredictedPause.UNKNOWN;
        }
        double millisPerMb = PRIOR_MILLIS_PER_MB;
        if (!histograms.isEmpty()) {
            ClassHistogram last = histograms.getLast().histogram();
            millisPerMb = (PRIOR_MILLIS_PER_MB * PRIOR_WEIGHT_MB + last.took().toNanos() / 1e6)
                    / (PRIOR_WEIGHT_MB + last.totalBytes() / MB);
        }
        Duration pause = Duration.ofNanos(Math.round(millisPerMb * heapBytes / MB * 1e6));
        return new PredictedPause(pause, heapBytes, !histograms.isEmpty());
    }

    /**
     * The live set after the latest collection if one was seen, else the heap in use: never less than what is live,
     * so the prediction errs on the long side.
     */
    public static long heapNow(HeapHistory heap) {
        return heap.latestLiveSet().map(LiveSetPoint::bytes)
                .or(() -> heap.latest().map(HeapSample::heapUsed))
                .orElse(-1L);
    }
}
