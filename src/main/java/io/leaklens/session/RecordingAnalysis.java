package io.leaklens.session;

import io.leaklens.analysis.HeapTimeline;
import io.leaklens.model.RecordingContents;
import io.leaklens.jfr.JfrFile;
import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.HeapSample;
import io.leaklens.model.HeapSummaryEvent;
import io.leaklens.model.RecordedJvm;
import io.leaklens.model.SessionState;
import io.leaklens.model.TargetInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JFR recording made elsewhere ({@code jcmd PID JFR.dump ...}) through the same mapper and aggregation as a
 * live session, and gives the state a session would have ended with: heap from the recording's heap summaries,
 * allocations from its allocation samples, the old objects it holds.
 */
public final class RecordingAnalysis {

    /** Parts read at once at most: each is a thread and a copy of its share of the file. */
    private static final int MAX_PARTS = 8;

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

    /**
     * What a recording file holds and which JVMs it describes.
     *
     * @param contents its chunks and recordings, by the chunk headers
     * @param jvms     the JVMs its recordings describe, in the order first seen (none when it does not say)
     */
    public record Source(RecordingContents contents, List<RecordedJvm> jvms) {

        /**
         * What the user should know beyond "read from FILE": that the file held several recordings (of which JVMs)
         * or chunks twice, and how they were read; empty for an ordinary recording.
         */
        public String sentence() {
            List<String> parts = new ArrayList<>();
            if (contents.recordings() > 1 || jvms.size() > 1) {
                String of = jvms.isEmpty() ? "" : jvms.size() == 1 ? " of one JVM, " + jvms.getFirst().describe()
                        : " of " + jvms.size() + " JVMs, " + String.join(" and ",
                        jvms.stream().map(RecordedJvm::describe).toList());
                parts.add("it holds " + contents.recordings() + " recordings" + of + ", each read on its own");
            }
            if (contents.repeatedChunks() > 0) {
                parts.add(contents.repeatedChunks() + (contents.repeatedChunks() == 1 ? " chunk" : " chunks")
                        + " it holds twice (the same recording dumped twice) read once");
            }
            return String.join("; ", parts);
        }
    }

    /** A recording's analysis and what the file held. */
    public record Analysis(SessionState state, Source source) {
    }

    public static SessionState read(Path file) throws SessionException {
        return analyze(file).state();
    }

    public static Analysis analyze(Path file) throws SessionException {
        return analyze(file, Math.min(MAX_PARTS, Runtime.getRuntime().availableProcessors()));
    }

    /** Reads the file in at most {@code maxParts} parts at once (1: in one piece). */
    static SessionState read(Path file, int maxParts) throws SessionException {
        return analyze(file, maxParts).state();
    }

    private static Analysis analyze(Path file, int maxParts) throws SessionException {
        Collected collected;
        RecordingContents contents;
        try {
            collected = collect(file, maxParts);
            contents = JfrFile.contents(file);
        } catch (IOException e) {
            throw new SessionException(e.getMessage(), e);
        }
        Source source = new Source(contents, collected.jvms().list());
        HeapFromSummaries heap = collected.heap();
        JfrCollector collector = collected.collector();
        collector.flush();
        JfrCollector.Snapshot data = collector.latest();
        HeapHistory history = heap.timeline.history();
        Instant start = history.first().map(HeapSample::time)
                .orElse(data.allocations().from() == null ? Instant.EPOCH : data.allocations().from());
        Instant end = history.latest().map(HeapSample::time)
                .orElse(data.allocations().to() == null ? start : data.allocations().to());
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        List<RecordedJvm> jvms = source.jvms();
        TargetInfo target = jvms.size() == 1 && !jvms.getFirst().version().isEmpty()
                ? new TargetInfo(0, name, jvms.getFirst().version(), jvms.getFirst().vmName(), List.of())
                : new TargetInfo(0, name, "unknown", "", List.of());
        String sentence = source.sentence();
        // A recording has no class histograms: the live set and the old-object samples speak for the leak rules.
        SessionState state = new SessionState(target, ConnectionStatus.DISCONNECTED, start, end, null, history,
                data.allocations(), data.oldObjects(), "read from " + name + (sentence.isEmpty() ? "" : ": " + sentence),
                List.of(),
                io.leaklens.analysis.LeakDetector.analyze(history, List.of(), data.allocations(), data.oldObjects()));
        return new Analysis(state, source);
    }

    private record Collected(HeapFromSummaries heap, JfrCollector collector, RecordedJvms jvms) {
        Collected() {
            this(new HeapFromSummaries());
        }

        private Collected(HeapFromSummaries heap) {
            this(heap, new JfrCollector(heap::add, snapshot -> { }), new RecordedJvms());
        }
    }

    /**
     * Reads a large recording in parts on every core ({@link JfrFile#readInParts}; a 185 MB recording on 2 cores:
     * 1.35-1.6 s instead of 1.55-1.8 s), else in one piece. Each part sums its allocation samples on its own; the sums
     * are merged in file order, which gives exactly what reading in one piece gives unless a bound was reached (then
     * the file is read again in one piece), and the parts' other events are handed to the collector in file order.
     */
    private static Collected collect(Path file, int maxParts) throws IOException {
        if (maxParts > 1 && JfrFile.partsOf(file, maxParts) > 1) {
            // By index, not in the order they are asked for: part 0 is read on this thread, so it is asked for last.
            RecordingPart[] parts = new RecordingPart[maxParts];
            int read = JfrFile.readInParts(file, maxParts, i -> parts[i] = new RecordingPart());
            Collected collected = new Collected();
            RecordingPart.OpenBurst burst = new RecordingPart.OpenBurst();
            boolean exact = true;
            for (RecordingPart part : Arrays.asList(parts).subList(0, read)) {
                exact &= collected.collector().mergeAllocations(part.allocations);
                part.handOn(collected.collector(), burst);
                collected.jvms().addAll(part.jvms);
            }
            if (exact) {
                return collected;
            }
        }
        Collected collected = new Collected();
        FlushesDropped sink = new FlushesDropped(collected.collector());
        JfrFile.read(file, sink);
        collected.jvms().addAll(sink.jvms);
        return collected;
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
