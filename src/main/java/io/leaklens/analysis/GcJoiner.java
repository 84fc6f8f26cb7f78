package io.leaklens.analysis;

import io.leaklens.model.CollectionEvent;
import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapSummaryEvent;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Joins what JFR tells of one collection — the heap before, the heap after ({@code jdk.GCHeapSummary}) and the
 * collection itself ({@code jdk.GarbageCollection}) — into one {@link GcEvent}, whatever order they arrive in.
 * Not thread-safe: one per session, fed on the session's thread. Bounded: collections never completed are dropped.
 */
public final class GcJoiner {

    static final int MAX_PENDING = 64;

    private final Map<Long, Parts> pending = new LinkedHashMap<>();

    private static final class Parts {
        HeapSummaryEvent before;
        HeapSummaryEvent after;
        CollectionEvent collection;
    }

    /** Adds a summary; returns the collection's event once it is complete, else null. */
    public GcEvent add(HeapSummaryEvent summary) {
        Parts parts = parts(summary.gcId());
        if (summary.afterGc()) {
            parts.after = summary;
        } else {
            parts.before = summary;
        }
        return completed(summary.gcId(), parts);
    }

    /** Adds a collection; returns its event once it is complete, else null. */
    public GcEvent add(CollectionEvent collection) {
        Parts parts = parts(collection.gcId());
        parts.collection = collection;
        return completed(collection.gcId(), parts);
    }

    /** Collections waiting for their parts. */
    int pending() {
        return pending.size();
    }

    private Parts parts(long gcId) {
        Parts parts = pending.computeIfAbsent(gcId, id -> new Parts());
        if (pending.size() > MAX_PENDING) {
            Iterator<Long> oldest = pending.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return parts;
    }

    /** Complete once the heap after and the collection are known; the heap before is used when it came first. */
    private GcEvent completed(long gcId, Parts parts) {
        if (parts.after == null || parts.collection == null) {
            return null;
        }
        pending.remove(gcId);
        CollectionEvent c = parts.collection;
        long before = parts.before != null ? parts.before.heapUsed() : parts.after.heapUsed();
        return new GcEvent(c.end(), c.name() == null ? "GC" : c.name(), c.cause() == null ? "" : c.cause(),
                c.sumOfPauses(), before, parts.after.heapUsed());
    }
}
