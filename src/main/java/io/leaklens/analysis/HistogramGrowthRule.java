package io.leaklens.analysis;

import io.leaklens.model.ByteSize;
import io.leaklens.model.ClassNames;
import io.leaklens.model.HistogramEntry;
import io.leaklens.model.RuleResult;
import io.leaklens.model.RuleStatus;
import io.leaklens.model.TimedHistogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which classes keep gaining live instances across successive class histograms (each taken right after a full
 * collection, so the counts are exact)? A class counts when its instances rose in most intervals, still rose in
 * the last one, did not gain them all in one step, and do not slow down to a stop: that is what separates a leak
 * from a cache that fills and plateaus, a warm-up, and the ups and downs of objects in flight.
 */
public final class HistogramGrowthRule {

    static final String NAME = "Class histograms";
    static final int MIN_HISTOGRAMS = 4;
    static final Duration MIN_SPAN = Duration.ofSeconds(40);
    /** Share of intervals in which the instances must rise. */
    static final double RISING_SHARE = 0.75;
    /** No single interval may hold more than this share of the growth (with four intervals or more). */
    static final double MAX_STEP_SHARE = 0.6;
    static final double STILL_GROWING = 0.3;
    /** Growth below these is too small to act on, and within what a JVM's own workings can add. */
    static final long MIN_BYTES = 32 * 1024;
    static final double MIN_BYTES_PER_SECOND = 300;
    /**
     * An application class may be small (a 24-byte record whose payload is a JDK array): its instances, rising in
     * step, say more than its bytes, so its bar is lower. The JVM's own classes come and go far more.
     */
    static final long MIN_APPLICATION_BYTES = 4 * 1024;
    static final double MIN_APPLICATION_BYTES_PER_SECOND = 50;
    /** The JDK's and the profiler's own machinery: JMX, RMI and JFR objects come and go with the watching itself. */
    private static final List<String> OWN_MACHINERY = List.of("javax.management.", "com.sun.jmx.", "sun.rmi.",
            "java.rmi.", "jdk.jfr.", "jdk.management.jfr.", "sun.management.", "com.sun.management.internal.",
            "jdk.internal.vm.FillerElement");

    /** A class that keeps growing, and how fast. */
    /**
     * A class that keeps growing, and how fast.
     *
     * @param copies   how many classes of this (normalised) name the last histogram counted
     * @param reloaded whether that number keeps growing: loaded again by new class loaders, a class-loader leak
     */
    public record ClassGrowth(String className, double bytesPerSecond, double instancesPerSecond,
                              double risingShare, long instancesNow, long bytesNow, int histograms, int copies,
                              boolean reloaded) {
    }

    /**
     * The rule's answer and the classes behind it, fastest-growing first.
     *
     * @param small application classes that gain instances as steadily but too few bytes to count on their own (a
     *              32-byte task that holds a 48 KB array): what they hold may say they are the leak
     */
    public record Finding(RuleResult result, List<ClassGrowth> growing, List<ClassGrowth> small) {
        Finding(RuleResult result, List<ClassGrowth> growing) {
            this(result, growing, List.of());
        }
    }

    private HistogramGrowthRule() {
    }

    public static Finding evaluate(List<TimedHistogram> histograms) {
        int n = histograms.size();
        if (n < 2) {
            return new Finding(new RuleResult(NAME, RuleStatus.NOT_ENOUGH_DATA, 0, n / (double) MIN_HISTOGRAMS,
                    n + " of " + MIN_HISTOGRAMS + " histograms", "Needs " + MIN_HISTOGRAMS
                    + " class histograms over at least " + MIN_SPAN.toSeconds() + " s."), List.of());
        }
        Duration span = Duration.between(histograms.getFirst().takenAt(), histograms.getLast().takenAt());
        double progress = Math.min(1, Math.min(n / (double) MIN_HISTOGRAMS,
                span.toMillis() / (double) MIN_SPAN.toMillis()));
        if (n < MIN_HISTOGRAMS || span.compareTo(MIN_SPAN) < 0) {
            return new Finding(new RuleResult(NAME, RuleStatus.NOT_ENOUGH_DATA, 0, progress,
                    n + " of " + MIN_HISTOGRAMS + " histograms", "Needs " + MIN_HISTOGRAMS
                    + " class histograms over at least " + MIN_SPAN.toSeconds() + " s; has " + n + " over "
                    + span.toSeconds() + " s."), List.of());
        }
        double[] seconds = new double[n];
        for (int i = 0; i < n; i++) {
            seconds[i] = Duration.between(histograms.getFirst().takenAt(), histograms.get(i).takenAt()).toMillis()
                    / 1000.0;
        }
        List<ClassGrowth> growing = new ArrayList<>();
        List<ClassGrowth> small = new ArrayList<>();
        for (Map.Entry<String, long[][]> series : series(histograms).entrySet()) {
            long[][] row = series.getValue();
            ClassGrowth growth = growth(series.getKey(), row[0], row[1], row[2], seconds, true);
            if (growth != null) {
                growing.add(growth);
            } else if (!ClassNames.isJdk(series.getKey())) {
                ClassGrowth steady = growth(series.getKey(), row[0], row[1], row[2], seconds, false);
                if (steady != null) {
                    small.add(steady);
                }
            }
        }
        growing.sort(Comparator.comparingDouble(ClassGrowth::bytesPerSecond).reversed());
        if (growing.isEmpty()) {
            return new Finding(new RuleResult(NAME, RuleStatus.NO_SIGN, 0, 1, "no class keeps growing",
                    "Across " + n + " histograms over " + span.toSeconds() + " s, no class gained live instances "
                            + "steadily."), List.of());
        }
        // The sentence names the class a person fixes: the fastest-growing application class, if any.
        ClassGrowth top = growing.stream().filter(HistogramGrowthRule::isApplication).findFirst()
                .orElse(growing.getFirst());
        return new Finding(new RuleResult(NAME, RuleStatus.SIGNAL, Math.min(1, top.risingShare()), 1,
                growing.size() + (growing.size() == 1 ? " class keeps" : " classes keep") + " growing",
                String.format(Locale.ROOT, "Across %d histograms over %d s, %s gained live instances in %.0f %% of "
                        + "the intervals (%s, %+,.1f instances/s).", n, span.toSeconds(), top.className(),
                        100 * top.risingShare(), ByteSize.signedRate(top.bytesPerSecond()), top.instancesPerSecond())),
                growing, small);
    }

    /**
     * Per class (normalised name, own machinery left out): instances, bytes and how many classes of that name in
     * each histogram.
     */
    private static Map<String, long[][]> series(List<TimedHistogram> histograms) {
        int n = histograms.size();
        Map<String, long[][]> series = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (HistogramEntry entry : histograms.get(i).histogram().classes()) {
                if (isOwnMachinery(entry.className())) {
                    continue;
                }
                long[][] row = series.computeIfAbsent(GeneratedNames.normalize(entry.className()),
                        k -> new long[3][n]);
                row[0][i] += entry.instances();
                row[1][i] += entry.bytes();
                row[2][i]++;
            }
        }
        return series;
    }

    static boolean isOwnMachinery(String className) {
        for (String prefix : OWN_MACHINERY) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** @param bytesBar whether the class must also gain enough bytes on its own */
    private static ClassGrowth growth(String name, long[] instances, long[] bytes, long[] copies,
                                      double[] seconds, boolean bytesBar) {
        int n = instances.length;
        int last = n - 1;
        long net = instances[last] - instances[0];
        long netBytes = bytes[last] - bytes[0];
        // A class loaded again by each new loader: its objects may be tiny, the loaders and their classes are not.
        boolean reloaded = copies[last] - copies[0] >= n - 1 && copies[last] > copies[last - 1]
                && !GeneratedNames.isGenerated(name);
        boolean application = !ClassNames.isJdk(name);
        long minBytes = !bytesBar ? 0 : application ? MIN_APPLICATION_BYTES : MIN_BYTES;
        if (net < 2L * (n - 1) || (netBytes < minBytes && !reloaded) || instances[last] <= instances[last - 1]) {
            return null;
        }
        int rising = 0;
        long largestStep = 0;
        for (int i = 1; i < n; i++) {
            long step = instances[i] - instances[i - 1];
            if (step > 0) {
                rising++;
            }
            largestStep = Math.max(largestStep, step);
        }
        double risingShare = rising / (double) (n - 1);
        if (risingShare < RISING_SHARE || (n > 4 && largestStep > MAX_STEP_SHARE * net)) {
            return null;
        }
        int middle = n / 2;
        double earlier = (instances[middle] - instances[0]) / Math.max(1e-9, seconds[middle] - seconds[0]);
        double later = (instances[last] - instances[middle]) / Math.max(1e-9, seconds[last] - seconds[middle]);
        if (later < STILL_GROWING * earlier) {
            return null;
        }
        double[] b = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = bytes[i];
            c[i] = instances[i];
        }
        double bytesPerSecond = Regression.of(seconds, b, 0, n).slope();
        if (bytesBar && bytesPerSecond < (application ? MIN_APPLICATION_BYTES_PER_SECOND : MIN_BYTES_PER_SECOND)
                && !reloaded) {
            return null;
        }
        return new ClassGrowth(name, bytesPerSecond, Regression.of(seconds, c, 0, n).slope(), risingShare,
                instances[last], bytes[last], n, (int) copies[last], reloaded);
    }

    /** Whether the class is one a person fixes in their own code rather than a JDK object it drags along. */
    static boolean isApplication(ClassGrowth growth) {
        return !ClassNames.isJdk(growth.className());
    }
}
