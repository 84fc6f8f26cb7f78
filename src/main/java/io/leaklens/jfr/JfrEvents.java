package io.leaklens.jfr;

import io.leaklens.model.AllocationSample;
import io.leaklens.model.HeapSummaryEvent;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.RecordedJvm;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a JFR source delivers its events, already mapped to our records, on the source's own thread. The JFR event
 * objects themselves are never handed out (JFR reuses them).
 */
public interface JfrEvents {

    void allocation(AllocationSample sample);

    void heapSummary(HeapSummaryEvent summary);

    /** A collection ended; its heap before and after come as {@link #heapSummary}s of the same id. */
    default void collection(io.leaklens.model.CollectionEvent collection) {
    }

    /**
     * A new burst of old-object samples begins: the samples that follow replace every earlier one. Called just
     * before the burst's first {@link #oldObject}. A burst that has no samples at all is not announced.
     *
     * @param emittedAt   when the target began emitting them (on the target's clock)
     * @param targetPause how long the emission took on the target, path search included: the target is paused at
     *                    a safepoint for about that long
     */
    default void oldObjectBurstStarted(Instant emittedAt, Duration targetPause) {
    }

    /**
     * What direct {@code ByteBuffer}s hold now, from the periodic {@code jdk.DirectBufferStatistics} (recorded only
     * where JMX cannot tell it: a stream read from the target's repository).
     */
    default void directBuffers(long bytes) {
    }

    /** One sample of a burst; a burst re-sends every live sample, so a new burst replaces the previous one. */
    void oldObject(OldObjectSample sample);

    /**
     * A JVM that a recording file describes (at each chunk's start and end, so the same one comes many times; a file
     * that joins recordings may describe several). Not called by a live stream.
     */
    default void recordedJvm(RecordedJvm jvm) {
    }

    /** The end of a batch of events (a JFR flush, about once a second): a good moment to publish. */
    void flush();
}
