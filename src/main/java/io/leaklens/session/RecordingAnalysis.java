package io.leaklens.session;

import io.leaklens.analysis.HeapTimeline;
import io.leaklens.jfr.JfrFile;
import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.HeapSample;
import io.leaklens.model.HeapSummaryEvent;
import io.leaklens.model.SessionState;
import io.leaklens.model.TargetInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JFR recording made elsewhere ({@code jcmd PID JFR.dump ...}) through the same mapper and aggregation as a
 * live session, and gives the state a session would have ended with: heap from the recording's heap summaries,
 * allocations from its allocation samples, the old objects it holds.
 */
public final class RecordingAnalysis {

    private RecordingAnalysis() {
    }

    /**
     * Checks that the file is a whole JFR recording without reading its events, so that a caller can report
     * progress on a good file only (a bad one must leave just its one line on stderr).
     */
    public static void check(Path file) throws SessionException {
        try {
            JfrFile.check(file);
        } catch (IOException e) {
            throw new SessionException(e.getMessage(), e);
        }
    }

    public static SessionState read(Path file) throws SessionException {
        HeapFromSummaries heap = new HeapFromSummaries();
        JfrCollector collector = new JfrCollector(heap::add, snapshot -> { });
        try {
            JfrFile.read(file, new FlushesDropped(collector));
        } catch (IOException e) {
            throw new SessionException(e.getMessage(), e);
        }
        collector.flush();
        JfrCollector.Snapshot data = collector.latest();
        HeapHistory history = heap.timeline.history();
        Instant start = history.first().map(HeapSample::time)
                .orElse(data.allocations().from() == null ? Instant.EPOCH : data.allocations().from());
        Instant end = history.latest().map(HeapSample::time)
                .orElse(data.allocations().to() == null ? start : data.allocations().to());
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        TargetInfo target = new TargetInfo(0, name, "unknown", "", List.of());
        // A recording has no class histograms: the live set and the old-object samples speak for the leak rules.
        return new SessionState(target, ConnectionStatus.DISCONNECTED, start, end, null, history,
                data.allocations(), data.oldObjects(), "read from " + name, List.of(),
                io.leaklens.analysis.LeakDetector.analyze(history, List.of(), data.allocations(), data.oldObjects()));
    }

    /** Heap samples and collections rebuilt from the before/after summaries JFR writes around each collection. */
    private static final class HeapFromSummaries {
        final HeapTimeline timeline = new HeapTimeline();
        final Map<Long, HeapSummaryEvent> before = new HashMap<>();
        long collections;
        Duration gcTime = Duration.ZERO;
        boolean sampled;

        void add(HeapSummaryEvent summary) {
            if (!summary.afterGc()) {
                if (before.size() < 1_000) {
                    before.put(summary.gcId(), summary);
                }
                if (!sampled) {
                    // The heap before the first collection starts the history: without it the first collection
                    // fell before the first sample, so the report counted one GC too few (HeapSummary counts
                    // between samples) and started from an after-GC figure.
                    sample(summary);
                }
                return;
            }
            if (!sampled) {
                // The recording begins inside a collection (its "before" was cut off): start the history here,
                // with no collection counted yet, so this one is counted like the others.
                sample(summary);
            }
            collections++;
            HeapSummaryEvent start = before.remove(summary.gcId());
            if (start != null) {
                Duration took = Duration.between(start.time(), summary.time());
                gcTime = gcTime.plus(took);
                timeline.add(new GcEvent(summary.time(), "GC " + summary.gcId(), "", took, start.heapUsed(),
                        summary.heapUsed()));
            } else {
                timeline.add(new io.leaklens.model.LiveSetPoint(summary.time(), summary.heapUsed()));
            }
            sample(summary);
        }

        /** A sample with the collections so far and the time they took (the report sums GC time from samples). */
        private void sample(HeapSummaryEvent summary) {
            sampled = true;
            timeline.add(new HeapSample(summary.time(), summary.heapUsed(), summary.committed(), -1, -1, -1, -1, -1,
                    0, collections, gcTime.toMillis(), Double.NaN));
        }
    }
}
