package io.leaklens.session;

import io.leaklens.analysis.AllocationAggregator;
import io.leaklens.jfr.JfrEvents;
import io.leaklens.model.AllocationProfile;
import io.leaklens.model.AllocationSample;
import io.leaklens.model.HeapSummaryEvent;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.OldObjectSet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a session makes of JFR events, on the stream's thread: allocation samples summed by class and site, the
 * latest burst of old-object samples. At each flush it publishes an immutable {@link Snapshot}.
 */
final class JfrCollector implements JfrEvents {

    /** What the collector knew at its latest flush. */
    record Snapshot(AllocationProfile allocations, OldObjectSet oldObjects) {
        static final Snapshot EMPTY = new Snapshot(AllocationProfile.EMPTY, OldObjectSet.NONE);
    }

    private final AllocationAggregator allocations = new AllocationAggregator();
    private final Consumer<HeapSummaryEvent> heapSummaries;
    private final Consumer<Snapshot> published;
    private final List<OldObjectSample> burst = new ArrayList<>();
    private boolean burstOpen;
    private volatile OldObjectSet oldObjects = OldObjectSet.NONE;
    private volatile Instant refreshedAt;
    private volatile Duration refreshTook = Duration.ZERO;
    private volatile Snapshot latest = Snapshot.EMPTY;
    private boolean changed;

    /**
     * @param heapSummaries receives each heap summary (on the stream thread)
     * @param published     receives a snapshot after each flush that brought something new (on the stream thread)
     */
    JfrCollector(Consumer<HeapSummaryEvent> heapSummaries, Consumer<Snapshot> published) {
        this.heapSummaries = heapSummaries;
        this.published = published;
    }

    /** Notes a refresh request made on another thread, so the next burst can say when and at what cost. */
    void refreshRequested(Instant at, Duration took) {
        refreshedAt = at;
        refreshTook = took;
    }

    @Override
    public void allocation(AllocationSample sample) {
        allocations.add(sample);
        changed = true;
    }

    @Override
    public void heapSummary(HeapSummaryEvent summary) {
        heapSummaries.accept(summary);
    }

    @Override
    public void oldObject(OldObjectSample sample) {
        if (!burstOpen) {
            // Samples arrive as one burst between two flushes; a burst re-sends every sample still alive.
            burst.clear();
            burstOpen = true;
        }
        burst.add(sample);
        changed = true;
    }

    @Override
    public void flush() {
        if (burstOpen) {
            oldObjects = new OldObjectSet(burst, refreshedAt, refreshTook);
            burstOpen = false;
        }
        if (changed) {
            changed = false;
            latest = new Snapshot(allocations.profile(), oldObjects);
            published.accept(latest);
        }
    }

    Snapshot latest() {
        return latest;
    }
}
