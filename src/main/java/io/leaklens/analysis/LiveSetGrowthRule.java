package io.leaklens.analysis;

import io.leaklens.model.ByteSize;
import io.leaklens.model.LiveSetPoint;
import io.leaklens.model.RuleResult;
import io.leaklens.model.RuleStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Does the live set (the heap after a full collection, or after each GC when no histograms are taken) keep
 * growing? A least-squares line after a warm-up, growth beyond its uncertainty, and — so that a bounded cache
 * still filling or a one-time warm-up is not called a leak — the later half must still grow at a good part of the
 * earlier half's rate.
 */
public final class LiveSetGrowthRule {

    static final String NAME = "Live set after GC";
    static final Duration MIN_SPAN = Duration.ofSeconds(40);
    static final int MIN_POINTS = 4;
    /** The first part of a watch is left out: start-up and caches filling are not leaks. */
    static final double WARM_UP_SHARE = 0.15;
    /** The later half must grow at least at this share of the earlier half's rate. */
    static final double STILL_GROWING = 0.3;
    /** Growth below this share of the live set over the window is noise, not a leak. */
    static final double MIN_RELATIVE_GROWTH = 0.02;

    /**
     * A leak this fast matters (180 MB an hour): a verdict of "no leak" from the live set alone needs it to have been
     * able to see growth this slow.
     */
    public static final double RELEVANT_BYTES_PER_SECOND = 50 * 1024;

    private LiveSetGrowthRule() {
    }

    public static RuleResult evaluate(List<LiveSetPoint> points) {
        if (points.size() < 2) {
            return new RuleResult(NAME, RuleStatus.NOT_ENOUGH_DATA, 0, 0, "waiting for collections",
                    "No live-set readings yet: they come with each collection or class histogram.");
        }
        Instant first = points.getFirst().time();
        Duration span = Duration.between(first, points.getLast().time());
        double progress = Math.min(1, Math.min((double) points.size() / MIN_POINTS,
                span.toMillis() / (double) MIN_SPAN.toMillis()));
        if (points.size() < MIN_POINTS || span.compareTo(MIN_SPAN) < 0) {
            return new RuleResult(NAME, RuleStatus.NOT_ENOUGH_DATA, 0, progress,
                    points.size() + " readings over " + span.toSeconds() + " s",
                    "Needs at least " + MIN_POINTS + " readings over " + MIN_SPAN.toSeconds() + " s.");
        }
        Window w = Window.after(points);
        int n = w.seconds().length;
        double[] seconds = w.seconds();
        double[] bytes = w.bytes();
        double mean = w.mean();
        Regression all = Regression.of(seconds, bytes, 0, n);
        Regression earlier = Regression.of(seconds, bytes, 0, n / 2 + 1);
        Regression later = Regression.of(seconds, bytes, n / 2, n);
        double windowSeconds = seconds[n - 1] - seconds[0];
        String rate = ByteSize.signedRate(all.slope());
        boolean grows = n >= 3 && all.risesBeyond(3) && all.slope() * windowSeconds > MIN_RELATIVE_GROWTH * mean;
        boolean stillGrowing = later.slope() > STILL_GROWING * Math.max(earlier.slope(), 0) && later.slope() > 0;
        if (grows && stillGrowing) {
            double t = Double.isNaN(all.standardError()) || all.standardError() == 0 ? 10
                    : all.slope() / all.standardError();
            return new RuleResult(NAME, RuleStatus.SIGNAL, Math.min(1, t / 10), 1, rate + ", still growing",
                    String.format(Locale.ROOT, "The live set grows by %s (%d readings over %d s, after the first "
                            + "%.0f %% as warm-up), and its later half grows as fast as the earlier one.", rate, n,
                            Math.round(windowSeconds), WARM_UP_SHARE * 100));
        }
        String summary = grows ? rate + ", levelling off" : rate + ", flat";
        String explanation = grows
                ? "The live set grew, but its later half grows at under " + Math.round(STILL_GROWING * 100)
                + " % of the earlier half's rate: a cache filling up or a warm-up, not a leak so far."
                : "The live set does not grow beyond noise (" + rate + " over " + Math.round(windowSeconds) + " s).";
        return new RuleResult(NAME, RuleStatus.NO_SIGN, 0, 1, summary, explanation);
    }

    /**
     * The slowest growth that {@link #evaluate} could have told from these points: what it needs beyond noise (three
     * standard errors of the slope) and beyond its share of the live set over the window. A leak slower than this
     * reads as "flat"; on a large live set watched briefly that can be a leak that matters. NaN when the points are
     * too few to judge.
     */
    public static double detectableBytesPerSecond(List<LiveSetPoint> points) {
        if (points.size() < MIN_POINTS) {
            return Double.NaN;
        }
        Window w = Window.after(points);
        int n = w.seconds().length;
        double windowSeconds = n < 3 ? 0 : w.seconds()[n - 1] - w.seconds()[0];
        if (windowSeconds <= 0) {
            return Double.NaN;
        }
        double error = Regression.of(w.seconds(), w.bytes(), 0, n).standardError();
        return Math.max(MIN_RELATIVE_GROWTH * w.mean() / windowSeconds, Double.isNaN(error) ? 0 : 3 * error);
    }

    /** The readings after the warm-up: seconds from the first reading, bytes, and their mean. */
    private record Window(double[] seconds, double[] bytes, double mean) {
        static Window after(List<LiveSetPoint> points) {
            Instant first = points.getFirst().time();
            Duration span = Duration.between(first, points.getLast().time());
            Instant windowStart = first.plusMillis((long) (span.toMillis() * WARM_UP_SHARE));
            List<LiveSetPoint> window = points.stream().filter(p -> !p.time().isBefore(windowStart)).toList();
            int n = window.size();
            double[] seconds = new double[n];
            double[] bytes = new double[n];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                seconds[i] = Duration.between(first, window.get(i).time()).toMillis() / 1000.0;
                bytes[i] = window.get(i).bytes();
                mean += bytes[i] / n;
            }
            return new Window(seconds, bytes, mean);
        }
    }
}
