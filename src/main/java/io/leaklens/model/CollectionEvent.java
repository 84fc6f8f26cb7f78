package io.leaklens.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A garbage collection as JFR reports it ({@code jdk.GarbageCollection}); its heap before and after come in the
 * {@link HeapSummaryEvent}s of the same {@code gcId}.
 *
 * @param end          when it ended
 * @param gcId         the collection's id
 * @param name         the collector, e.g. {@code G1New}, {@code G1Full}
 * @param cause        why it ran, e.g. {@code G1 Evacuation Pause}, {@code Heap Inspection Initiated GC}
 * @param sumOfPauses  how long the application was paused in all
 */
public record CollectionEvent(Instant end, long gcId, String name, String cause, Duration sumOfPauses) {
}
