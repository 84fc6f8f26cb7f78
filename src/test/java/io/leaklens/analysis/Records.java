package io.leaklens.analysis;

import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapSample;
import io.leaklens.model.LiveSetPoint;

import java.time.Duration;
import java.time.Instant;

/** Hand-built records for the analysis tests: times are seconds after a fixed instant. */
final class Records {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    static final long MB = 1024 * 1024;

    private Records() {
    }

    static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    static HeapSample sample(double seconds, long used) {
        return sample(seconds, used, 0, 0);
    }

    static HeapSample sample(double seconds, long used, long gcCount, long gcMillis) {
        return new HeapSample(at(seconds), used, 2 * used, 512 * MB, 20 * MB, 40 * MB, 1000, 0, 12, gcCount,
                gcMillis, Double.NaN);
    }

    static GcEvent gc(double seconds, long before, long after) {
        return gc(seconds, before, after, Duration.ofMillis(5));
    }

    static GcEvent gc(double seconds, long before, long after, Duration duration) {
        return new GcEvent(at(seconds), "G1 Young Generation", "G1 Evacuation Pause", duration, before, after);
    }

    static LiveSetPoint live(double seconds, long bytes) {
        return new LiveSetPoint(at(seconds), bytes);
    }
}
