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
 * <p>
 * The prior fits heaps of small objects; a heap of the same size held mostly in big arrays is counted several times
 * faster (a full GC marks objects, not bytes). So where the prior says a histogram would pause too long, a session
 * can first measure this heap with a walk (it counts without collecting, about a third of the pause) and predict
 * from that.
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

    /**
     * A live histogram pauses the target this many times as long as a heap walk of the same heap: measured 2.3 and
     * 2.4 on this project's machine (G1, JDK 25: 2 GB of 6 M objects, mostly long arrays, walked in 123 ms and
     * counted live in 285 ms; 2 GB of 27 M small objects, 0.51 s and 1.25 s), rounded up.
     */
    static final double LIVE_PER_WALK = 3.0;
    /**
     * Before a heap walk: its pause per MB in use, above what the same machine measured (0.05 ms per MB for the
     * arrays, 0.24 for the small objects): a heap of 40-byte objects would take about this.
     */
    static final double WALK_PRIOR_MILLIS_PER_MB = 0.35;

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
            double tookMillis = last.took().toNanos() / 1e6 * (last.liveOnly() ? 1 : LIVE_PER_WALK);
            millisPerMb = (PRIOR_MILLIS_PER_MB * PRIOR_WEIGHT_MB + tookMillis)
                    / (PRIOR_WEIGHT_MB + last.totalBytes() / MB);
        }
        Duration pause = Duration.ofNanos(Math.round(millisPerMb * heapBytes / MB * 1e6));
        return new PredictedPause(pause, heapBytes, !histograms.isEmpty());
    }

    /** The pause of a heap walk taken now, before any histogram of the target: it walks all the heap in use. */
    public static PredictedPause predictWalk(HeapHistory heap) {
        long inUse = heap.latest().map(HeapSample::heapUsed).orElse(-1L);
        if (inUse < 0) {
            return PredictedPause.UNKNOWN;
        }
        return new PredictedPause(Duration.ofNanos(Math.round(WALK_PRIOR_MILLIS_PER_MB * inUse / MB * 1e6)), inUse,
                false);
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
