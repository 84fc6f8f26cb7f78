package io.leaklens.model;

import java.time.Duration;
import java.time.Instant;

/**
 * One garbage collection.
 *
 * @param end            when it ended
 * @param collector      the collector's name, e.g. {@code G1 Young Generation}
 * @param cause          why it ran, e.g. {@code G1 Evacuation Pause}, {@code System.gc()}
 * @param duration       how long it took (for stop-the-world collectors, the pause)
 * @param heapUsedBefore heap bytes in use before
 * @param heapUsedAfter  heap bytes in use after: the live set, for a collection of the whole heap
 */
public record GcEvent(Instant end, String collector, String cause, Duration duration, long heapUsedBefore,
                      long heapUsedAfter) {

    /** Bytes this collection freed (0 if the heap grew). */
    public long freedBytes() {
        return Math.max(0, heapUsedBefore - heapUsedAfter);
    }
}
