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

    /**
     * Bytes per second since the previous sample, or NaN for the first one. A collection may be told after the
     * sample that follows it (JFR delivers about once a second): the heap then seems to shrink with nothing freed.
     * Such an interval gives NaN and is measured together with the next one, when the collection is known.
     */
    double next(HeapSample sample) {
        double rate = Double.NaN;
        if (previous != null) {
            long millis = Duration.between(previous.time(), sample.time()).toMillis();
            if (millis > 0) {
                long allocated = sample.heapUsed() - previous.heapUsed() + freedSincePrevious;
                if (allocated < 0) {
                    return Double.NaN; // wait for the collection that freed it; previous stays
                }
                rate = allocated * 1000.0 / millis;
            }
        }
        previous = sample;
        freedSincePrevious = 0;
        return rate;
    }
}
