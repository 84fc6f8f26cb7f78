package io.leaklens.session;

import io.leaklens.analysis.AllocationAggregator;
import io.leaklens.analysis.RootPaths;
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
 * What a session makes of JFR events, on the source's thread: allocation samples summed by class and site, and the
 * latest burst of old-object samples. At each flush that brought something new it publishes an immutable
 * {@link Snapshot}.
 */
final class JfrCollector implements JfrEvents {

    /** What the collector knew at its latest flush. */
    record Snapshot(AllocationProfile allocations, OldObjectSet oldObjects) {
        static final Snapshot EMPTY = new Snapshot(AllocationProfile.EMPTY, OldObjectSet.NONE);
    }

    private final AllocationAggregator allocations = new AllocationAggregator();
    private final Consumer<HeapSummaryEvent> heapSummaries;
    private final Consumer<io.leaklens.model.CollectionEvent> collections;
    private final Consumer<Snapshot> published;
    private final List<OldObjectSample> burst = new ArrayList<>();
    private Instant burstEmittedAt;
    private Duration burstPause = Duration.ZERO;
    private boolean burstOpen;
    private boolean burstChanged;
    private OldObjectSet oldObjects = OldObjectSet.NONE;
    private volatile Duration lastRequestTook = Duration.ZERO;
    private volatile Instant pendingRequest;
    /** A request unanswered for this long had nothing to emit: a burst comes within ~2 s when there is one. */
    static final Duration SILENT_REQUEST = Duration.ofSeconds(5);
    private volatile Snapshot latest = Snapshot.EMPTY;
    private volatile long directBuffers = -1;
    private boolean changed;

    /**
     * @param heapSummaries receives each heap summary (on the source's thread)
     * @param published     receives each new snapshot (on the source's thread)
     */
    JfrCollector(Consumer<HeapSummaryEvent> heapSummaries, Consumer<Snapshot> published) {
        this(heapSummaries, collection -> { }, published);
    }

    /** @param collections receives each collection (on the source's thread) */
    JfrCollector(Consumer<HeapSummaryEvent> heapSummaries, Consumer<io.leaklens.model.CollectionEvent> collections,
                 Consumer<Snapshot> published) {
        this.heapSummaries = heapSummaries;
        this.collections = collections;
        this.published = published;
    }

    /** How long the latest old-object request took on our side; told from the thread that made it. */
    void requestTook(Duration took) {
        lastRequestTook = took;
    }

    /**
     * Notes a refresh request (from the requesting thread). A target whose sampled objects have all died emits no
     * burst at all; without this the previous set would stand and the user would wait for an answer forever.
     */
    void requested(Instant at) {
        pendingRequest = at;
    }

    @Override
    public void allocation(AllocationSample sample) {
        allocations.add(sample);
        changed = true;
    }

    /**
     * Adds the allocation samples a later part of a recording counted (see {@link AllocationAggregator#merge}).
     *
     * @return false when the figures now depend on the order of the samples (a bound was reached)
     */
    boolean mergeAllocations(AllocationAggregator part) {
        allocations.merge(part);
        changed = true;
        return !allocations.reachedABound();
    }

    @Override
    public void directBuffers(long bytes) {
        directBuffers = bytes;
    }

    /** What direct buffers held at the latest reading JFR gave, or -1 when it gave none. */
    long directBuffers() {
        return directBuffers;
    }

    @Override
    public void heapSummary(HeapSummaryEvent summary) {
        heapSummaries.accept(summary);
    }

    @Override
    public void collection(io.leaklens.model.CollectionEvent collection) {
        collections.accept(collection);
    }

    @Override
    public void oldObjectBurstStarted(Instant emittedAt, Duration targetPause) {
        burst.clear();
        burstEmittedAt = emittedAt;
        burstPause = targetPause;
        burstOpen = true;
        burstChanged = true; // published even if every sample is JFR's own: the refresh happened
        pendingRequest = null;
    }

    @Override
    public void oldObject(OldObjectSample sample) {
        if (!burstOpen) {
            oldObjectBurstStarted(null, Duration.ZERO);
        }
        if (!RootPaths.heldByProfiler(sample)) {
            burst.add(sample);
            burstChanged = true;
        }
    }

    @Override
    public void flush() {
        Instant asked = pendingRequest;
        if (asked != null && !burstChanged && Instant.now().isAfter(asked.plus(SILENT_REQUEST))) {
            pendingRequest = null;
            burst.clear();
            burstOpen = false;
            oldObjects = new OldObjectSet(List.of(), asked, Duration.ZERO, lastRequestTook);
            changed = true;
        }
        if (burstChanged) {
            // The burst stays open: a stream may flush in the middle of one emission, and the samples after the
            // flush belong to the same burst (a new one is always announced). Closing it here made them start an
            // unannounced burst of their own that replaced the first part.
            oldObjects = new OldObjectSet(burst, burstEmittedAt, burstPause, lastRequestTook);
            burstChanged = false;
            changed = true;
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
