package io.leaklens.session;

import io.leaklens.analysis.LeakDetector;
import io.leaklens.model.AllocationProfile;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.LeakReport;
import io.leaklens.model.LeakVerdict;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.PredictedPause;
import io.leaklens.model.TimedHistogram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A live session's leak rules: the class histograms taken for them (bounded), whether more come on schedule (and if
 * not, why), when to run the rules again, and the moment the verdict first became a leak. Not thread-safe: the
 * session uses it on its own thread only.
 */
final class LeakWatch {

    /** Histograms kept for the leak rules: ten minutes at the default cadence. */
    static final int MAX_HISTOGRAMS = 40;
    /** The rules also run every few samples, for the live set and the buffer pools between histograms. */
    static final int CHECK_EVERY_SAMPLES = 5;

    private final List<TimedHistogram> histograms = new ArrayList<>();
    private LeakReport report = LeakReport.NONE;
    private Instant detectedAt;
    private int samplesSinceCheck;
    private boolean due = true;
    private boolean periodicHistograms = true;
    private String histogramStatus = "";

    void add(TimedHistogram histogram) {
        histograms.add(histogram);
        if (histograms.size() > MAX_HISTOGRAMS) {
            histograms.removeFirst();
        }
        due = true;
    }

    /** A histogram taken on schedule: the schedule runs (again). */
    void addPeriodic(TimedHistogram histogram) {
        periodicHistograms(true);
        histogramStatus = "";
        add(histogram);
    }

    /** The scheduled histogram was skipped: it would have paused the target this long. */
    void skipped(PredictedPause pause) {
        periodicHistograms(false);
        histogramStatus = "Class histograms are off: each would pause this JVM " + pause.describe()
                + "; the leak rules read the live set and old objects instead.";
    }

    /**
     * Whether histograms keep coming on schedule. When they do not (switched off, or each would pause the target too
     * long), the few a snapshot adds cannot tell growth: the rules then decide on the live set and old objects, as
     * for a recording, until there are enough histograms to follow classes.
     */
    void periodicHistograms(boolean running) {
        if (running != periodicHistograms) {
            periodicHistograms = running;
            due = true;
        }
    }

    /** Why histograms are skipped, in one sentence, or empty while they come as asked. */
    String histogramStatus() {
        return histogramStatus;
    }

    /** A heap sample was taken: every few of them the rules run again. */
    void sampled() {
        if (++samplesSinceCheck >= CHECK_EVERY_SAMPLES) {
            due = true;
        }
    }

    /** The rules run at the next update, whatever came in: for a session's last state. */
    void checkNow() {
        due = true;
    }

    /**
     * Runs the rules again if anything came in since they last ran (or {@link #checkNow} asked); a leak is timed from
     * the first run that named it. Read the answer with {@link #report()}.
     */
    void update(HeapHistory heap, AllocationProfile allocations, OldObjectSet oldObjects, Instant now) {
        if (due) {
            due = false;
            samplesSinceCheck = 0;
            // A heap walk counted garbage too: it measured the pause, it tells nothing of growth.
            List<TimedHistogram> live = histograms.stream().filter(h -> h.histogram().liveOnly()).toList();
            List<TimedHistogram> evidence = periodicHistograms || live.size() >= LeakDetector.MIN_HISTOGRAMS
                    ? live : List.of();
            LeakReport latest = LeakDetector.analyze(heap, evidence, allocations, oldObjects);
            if (latest.verdict() == LeakVerdict.LEAK && detectedAt == null) {
                detectedAt = now;
            } else if (latest.verdict() == LeakVerdict.NO_LEAK) {
                detectedAt = null; // what looked like a leak levelled off: a later one is timed from its own start
            }
            report = latest.verdict() == LeakVerdict.LEAK ? latest.detectedAt(detectedAt) : latest;
        }
    }

    /** The rules' answer at the latest {@link #update}. */
    LeakReport report() {
        return report;
    }

    List<TimedHistogram> histograms() {
        return histograms;
    }
}
