package io.leaklens.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An immutable picture of a session, published after each update. A disconnected state keeps all the data.
 *
 * @param target         the target
 * @param status         connected or not
 * @param connectedAt    when the session started
 * @param disconnectedAt when it ended, or null while connected
 * @param disconnectReason one sentence on why it ended, or null while connected
 * @param heap           what was seen of the heap
 * @param allocations    who allocates (from JFR allocation samples)
 * @param oldObjects     the latest old-object samples with their paths to GC roots
 * @param jfrStatus      one sentence on the JFR stream: streaming, restarted, or why there is none
 * @param histograms     the class histograms taken for the leak rules, oldest first (bounded)
 * @param leaks          the leak rules' latest answer
 * @param histogramStatus one sentence on why the periodic class histograms are not being taken (each would pause
 *                        the target too long), or empty while they run as asked
 */
public record SessionState(TargetInfo target, ConnectionStatus status, Instant connectedAt, Instant disconnectedAt,
                           String disconnectReason, HeapHistory heap, AllocationProfile allocations,
                           OldObjectSet oldObjects, String jfrStatus, List<TimedHistogram> histograms,
                           LeakReport leaks, String histogramStatus) {

    public SessionState {
        histograms = List.copyOf(histograms);
        histogramStatus = histogramStatus == null ? "" : histogramStatus;
    }

    /** A state whose histograms, if any, run as asked. */
    public SessionState(TargetInfo target, ConnectionStatus status, Instant connectedAt, Instant disconnectedAt,
                        String disconnectReason, HeapHistory heap, AllocationProfile allocations,
                        OldObjectSet oldObjects, String jfrStatus, List<TimedHistogram> histograms,
                        LeakReport leaks) {
        this(target, status, connectedAt, disconnectedAt, disconnectReason, heap, allocations, oldObjects, jfrStatus,
                histograms, leaks, "");
    }

    /** A state without histograms or leak rules yet. */
    public SessionState(TargetInfo target, ConnectionStatus status, Instant connectedAt, Instant disconnectedAt,
                        String disconnectReason, HeapHistory heap, AllocationProfile allocations,
                        OldObjectSet oldObjects, String jfrStatus) {
        this(target, status, connectedAt, disconnectedAt, disconnectReason, heap, allocations, oldObjects, jfrStatus,
                List.of(), LeakReport.NONE);
    }

    /** The same state with the leak rules' answer. */
    public SessionState withLeaks(LeakReport report) {
        return new SessionState(target, status, connectedAt, disconnectedAt, disconnectReason, heap, allocations,
                oldObjects, jfrStatus, histograms, report, histogramStatus);
    }

    /** A state with heap data only. */
    public SessionState(TargetInfo target, ConnectionStatus status, Instant connectedAt, Instant disconnectedAt,
                        String disconnectReason, HeapHistory heap) {
        this(target, status, connectedAt, disconnectedAt, disconnectReason, heap, AllocationProfile.EMPTY,
                OldObjectSet.NONE, "");
    }

    /** A connected target whose last heap reading is this old is slow to answer, or not answering. */
    public static final Duration SILENT_AFTER = Duration.ofSeconds(3);

    public boolean connected() {
        return status == ConnectionStatus.CONNECTED;
    }

    /**
     * How long the connected target has not answered, when it is {@link #SILENT_AFTER} or longer: a long GC pause,
     * or a JVM that hangs. Empty otherwise, before the first reading, and once disconnected.
     */
    public Optional<Duration> silentFor(Instant now) {
        Optional<HeapSample> last = heap.latest();
        if (!connected() || last.isEmpty()) {
            return Optional.empty();
        }
        Duration silent = Duration.between(last.get().time(), now);
        return silent.compareTo(SILENT_AFTER) >= 0 ? Optional.of(silent) : Optional.empty();
    }

    public Optional<Instant> disconnectedTime() {
        return Optional.ofNullable(disconnectedAt);
    }
}
