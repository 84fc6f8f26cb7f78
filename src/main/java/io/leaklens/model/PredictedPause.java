package io.leaklens.model;

import java.time.Duration;
import java.util.Locale;

/**
 * How long a class histogram would pause a target, predicted before it is taken: each one runs a full GC at a
 * safepoint, so the pause grows with the heap, to seconds on a heap of a few GB.
 *
 * @param pause     the predicted pause
 * @param heapBytes the heap it was predicted for (the live set after the last GC, else the heap in use), or -1 when
 *                  nothing is known of the heap yet
 * @param measured  whether an earlier histogram of this target went into the prediction (else a conservative rate)
 */
public record PredictedPause(Duration pause, long heapBytes, boolean measured) {

    public static final PredictedPause UNKNOWN = new PredictedPause(Duration.ZERO, -1, false);

    public boolean known() {
        return heapBytes >= 0;
    }

    /** Whether the pause is predicted to last {@code limit} or longer; an unknown heap reaches no limit. */
    public boolean reaches(Duration limit) {
        return known() && pause.compareTo(limit) >= 0;
    }

    /** E.g. {@code about 1.9 s (the heap holds 2.00 GB)}. */
    public String describe() {
        return "about " + approximately(pause) + " (the heap holds " + ByteSize.format(heapBytes) + ")";
    }

    /** {@code 850 ms}, {@code 1.9 s}, {@code 12 s}: as precise as a prediction deserves. */
    public static String approximately(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return Math.max(10, Math.round(millis / 10.0) * 10) + " ms";
        }
        return millis < 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : Math.round(millis / 1000.0)
                + " s";
    }
}
