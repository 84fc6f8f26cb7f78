package io.leaklens.model;

import java.time.Instant;

/**
 * The heap at the start or end of a collection ({@code jdk.GCHeapSummary}).
 *
 * @param time      when it was taken
 * @param gcId      the collection it belongs to
 * @param afterGc   true for the summary after the collection (its used bytes are the live set estimate)
 * @param heapUsed  heap bytes in use
 * @param committed heap bytes committed
 */
public record HeapSummaryEvent(Instant time, long gcId, boolean afterGc, long heapUsed, long committed) {
}
