package io.leaklens.analysis;

import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapSample;

import java.time.Duration;

/**
 * Estimates how fast a target allocates from what any JVM tells over JMX: the bytes allocated between two samples
 * are the growth of the heap plus what the collections in between freed. Works on every collector and JDK version,
 * needs no per-thread counters.
 */
final class AllocationRateEstimator {

    private HeapSample previous;
    private long freedSincePrevious;

    void collected(GcEvent event) {
        freedSincePrevious += event.freedBytes();
    }

    /** Bytes per second since the previous sample, or NaN for the first one. */
    double next(HeapSample sample) {
        double rate = Double.NaN;
        if (previous != null) {
            long millis = Duration.between(previous.time(), sample.time()).toMillis();
            if (millis > 0) {
                long allocated = Math.max(0, sample.heapUsed() - previous.heapUsed() + freedSincePrevious);
                rate = allocated * 1000.0 / millis;
            }
        }
        previous = sample;
        freedSincePrevious = 0;
        return rate;
    }
}
