package io.leaklens.jfr;

import io.leaklens.model.AllocationSample;
import io.leaklens.model.HeapSummaryEvent;
import io.leaklens.model.OldObjectSample;

/**
 * Where a JFR source delivers its events, already mapped to our records, on the source's own thread. The JFR event
 * objects themselves are never handed out (JFR reuses them).
 */
public interface JfrEvents {

    void allocation(AllocationSample sample);

    void heapSummary(HeapSummaryEvent summary);

    /** One sample of a burst; a burst re-sends every live sample, so a new burst replaces the previous one. */
    void oldObject(OldObjectSample sample);

    /** The end of a batch of events (a JFR flush, about once a second): a good moment to publish. */
    void flush();
}
