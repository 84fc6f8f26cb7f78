package io.leaklens.analysis;

import io.leaklens.model.ByteSize;
import io.leaklens.model.HeapSample;
import io.leaklens.model.RuleResult;
import io.leaklens.model.RuleStatus;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Do the direct and mapped buffer pools keep growing? Their memory lies outside the heap, so a leak of direct
 * buffers leaves every heap-based rule quiet.
 */
public final class DirectMemoryRule {

    static final String NAME = "Direct and mapped buffers";
    static final Duration MIN_SPAN = Duration.ofSeconds(30);
    static final long MIN_GROWTH = 1024 * 1024;
    static final double STILL_GROWING = 0.3;

    private DirectMemoryRule() {
    }

    /** The rule's answer and the growth it saw, in bytes per second. */
    public record Finding(RuleResult result, double bytesPerSecond) {
    }

    public static Finding evaluate(List<HeapSample> samples) {
        List<HeapSample> known = samples.stream().filter(s -> s.directBufferUsed() >= 0).toList();
        if (known.size() < 2) {
            return new Finding(new RuleResult(NAME, RuleStatus.NOT_ENOUGH_DATA, 0, 0, "no readings",
                    "The target does not report its buffer pools yet."), 0);
        }
        Duration span = Duration.between(known.getFirst().time(), known.getLast().time());
        double progress = Math.min(1, span.toMillis() / (double) MIN_SPAN.toMillis());
        if (span.compareTo(MIN_SPAN) < 0) {
            return new Finding(new RuleResult(NAME, RuleStatus.NOT_ENOUGH_DATA, 0, progress,
                    span.toSeconds() + " of " + MIN_SPAN.toSeconds() + " s", "Needs " + MIN_SPAN.toSeconds()
                    + " s of readings."), 0);
        }
        int n = known.size();
        double[] seconds = new double[n];
        double[] bytes = new double[n];
        for (int i = 0; i < n; i++) {
            seconds[i] = Duration.between(known.getFirst().time(), known.get(i).time()).toMillis() / 1000.0;
            bytes[i] = known.get(i).directBufferUsed() + Math.max(0, known.get(i).mappedBufferUsed());
        }
        Regression all = Regression.of(seconds, bytes, 0, n);
        Regression earlier = Regression.of(seconds, bytes, 0, n / 2 + 1);
        Regression later = Regression.of(seconds, bytes, n / 2, n);
        double growth = bytes[n - 1] - bytes[0];
        if (growth >= MIN_GROWTH && all.risesBeyond(3) && later.slope() > STILL_GROWING * Math.max(0,
                earlier.slope())) {
            String rate = ByteSize.signedRate(all.slope());
            return new Finding(new RuleResult(NAME, RuleStatus.SIGNAL, 0.9, 1, rate + ", still growing",
                    String.format(Locale.ROOT, "Direct and mapped buffers grew by %s in %d s (%s) and keep "
                            + "growing; this memory is outside the heap.", ByteSize.format(growth),
                            span.toSeconds(), rate)), all.slope());
        }
        return new Finding(new RuleResult(NAME, RuleStatus.NO_SIGN, 0, 1, ByteSize.format(bytes[n - 1]) + ", steady",
                "The buffer pools do not keep growing."), 0);
    }
}
