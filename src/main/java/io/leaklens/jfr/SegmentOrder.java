package io.leaklens.jfr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts the few events whose order matters back in the order an ordered stream gives them, for a file read unordered.
 * An ordered {@code EventStream} sorts every event of a segment (the events between two flushes) by end time before
 * it delivers them; reading unordered skips that sort and lets JFR reuse its event objects, which made reading a
 * large recording about a quarter faster, but it hands events over in file order, where one thread's events can come before
 * another's earlier ones. Allocation samples do not need the order (their aggregation does not depend on it); heap
 * summaries, collections and old-object bursts do. So they wait here, already mapped, and {@link #deliver()} at the
 * segment's flush hands them on sorted by end time exactly as the ordered stream would (a stable sort, like its own).
 * <p>
 * Used on the stream's thread only.
 */
final class SegmentOrder {

    private record Pending(Instant end, Runnable delivery) {
    }

    private static final Comparator<Pending> BY_END = Comparator.comparing(Pending::end);

    private final List<Pending> pending = new ArrayList<>();

    /** Holds a delivery of an event that ended at {@code end} until the segment's flush. */
    void add(Instant end, Runnable delivery) {
        pending.add(new Pending(end, delivery));
    }

    /** Runs the segment's deliveries in end-time order, equal end times in file order. */
    void deliver() {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> segment = new ArrayList<>(pending);
        pending.clear(); // before running them: a delivery that fails leaves nothing to run twice
        segment.sort(BY_END);
        for (Pending p : segment) {
            p.delivery().run();
        }
    }
}
