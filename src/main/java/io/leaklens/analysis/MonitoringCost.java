package io.leaklens.analysis;

import io.leaklens.model.HeapHistory;
import io.leaklens.model.HeapSample;

import java.util.List;
import java.util.Locale;

/**
 * What watching costs the target's CPU, as the target reports it: the CPU of its threads that serve monitoring
 * tools (LeakLens's reads, histograms and JFR stream), beside the CPU of the whole process. In cores: 0.02 is 2 % of
 * one core. NaN where the target did not say (a recording, a JVM without thread CPU times).
 *
 * @param monitoringNow     over the latest few seconds
 * @param processNow        the whole process over the same seconds
 * @param monitoringAverage over every sample that has it
 * @param processAverage    the whole process over the same samples
 */
public record MonitoringCost(double monitoringNow, double processNow, double monitoringAverage,
                             double processAverage) {

    /** "Now" is the mean of this many latest samples: one second alone jumps with each histogram. */
    static final int RECENT = 5;

    public static MonitoringCost of(HeapHistory history) {
        // A JVM that answers a read has used some CPU since the last one: a process figure of exactly 0 is a sample
        // that had none (a snapshot saved before these figures existed opens with zeros), not an idle JVM.
        List<HeapSample> known = history.samples().stream()
                .filter(s -> !Double.isNaN(s.monitoringCpu()) && s.processCpu() > 0).toList();
        List<HeapSample> recent = known.subList(Math.max(0, known.size() - RECENT), known.size());
        return new MonitoringCost(mean(recent, true), mean(recent, false), mean(known, true), mean(known, false));
    }

    public boolean known() {
        return !Double.isNaN(monitoringAverage);
    }

    /** "1.2 % of a core". */
    public static String percentOfCore(double cores) {
        return Double.isNaN(cores) ? "–" : String.format(Locale.ROOT, cores * 100 < 10 ? "%.1f %% of a core"
                : "%.0f %% of a core", cores * 100);
    }

    /** "45 %" of a core. */
    public static String percent(double cores) {
        return Double.isNaN(cores) ? "–" : String.format(Locale.ROOT, cores * 100 < 10 ? "%.1f %%" : "%.0f %%",
                cores * 100);
    }

    private static double mean(List<HeapSample> samples, boolean monitoring) {
        return samples.isEmpty() ? Double.NaN : samples.stream()
                .mapToDouble(s -> monitoring ? s.monitoringCpu() : s.processCpu()).average().orElse(Double.NaN);
    }
}
