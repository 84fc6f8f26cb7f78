package io.leaklens.cli;

import io.leaklens.analysis.HeapSummary;
import io.leaklens.analysis.MonitoringCost;
import io.leaklens.analysis.RootPaths;
import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ClassAllocation;
import io.leaklens.model.LeakReport;
import io.leaklens.model.LeakVerdict;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.StackFrame;
import io.leaklens.model.SessionState;
import io.leaklens.model.TargetInfo;
import io.leaklens.model.TimedHistogram;
import io.leaklens.session.LiveSession;
import io.leaklens.session.RecordingAnalysis;

import java.time.Duration;
import java.util.List;

/**
 * What {@code watch} and {@code analyze} report, in the shape of the CLI contract: the heap, who allocates, the old
 * objects, and the leak rules' verdict with the suspects.
 */
record WatchReport(TargetInfo target, Duration watched, HeapSummary heap, AllocationProfile allocations,
                   OldObjectSet oldObjects, LeakReport leaks, java.time.Instant connectedAt, String disconnectReason,
                   List<TimedHistogram> histograms, String histogramStatus, RecordingAnalysis.Source recording,
                   MonitoringCost cost, io.leaklens.model.HeapDumpReport heapDump) {

    /** Allocation rows in a report: enough to see who allocates, short enough to read. */
    static final int TOP_ALLOCATIONS = 10;

    static WatchReport of(SessionState state, HeapSummary heap) {
        return of(state, heap, null);
    }

    /** @param recording what the recording file held, for {@code analyze}; null for a live JVM */
    static WatchReport of(SessionState state, HeapSummary heap, RecordingAnalysis.Source recording) {
        String disconnect = LiveSession.DETACHED.equals(state.disconnectReason()) ? null : state.disconnectReason();
        return new WatchReport(state.target(), heap.span(), heap, state.allocations(), state.oldObjects(),
                state.leaks(), state.connectedAt(), disconnect, state.histograms(),
                state.histogramStatus(), recording, MonitoringCost.of(state.heap()), null);
    }

    /**
     * The dump's piles of the classes the live rules suspect, in the rules' order, with their exact path from the
     * GC root; a single dump cannot tell growth, so the live suspects choose which piles matter.
     */
    List<io.leaklens.model.LeakSuspect> dumpedLeaks() {
        if (heapDump == null) {
            return List.of();
        }
        return leaks.suspects().stream().flatMap(live -> heapDump.suspects().stream()
                .filter(d -> d.className().equals(live.className())).limit(1)).toList();
    }

    /**
     * What a heap dump taken on a leak says: the live suspects' classes as the dump holds them (exact paths, retained
     * sizes), then the dump's other piles.
     */
    record LeakHeapDumpJson(String file, List<SuspectJson> suspects, List<SuspectJson> otherPiles) {
        static LeakHeapDumpJson of(io.leaklens.model.HeapDumpReport dump,
                                   List<io.leaklens.model.LeakSuspect> dumpedLeaks) {
            java.util.Set<String> classes = dumpedLeaks.stream().map(io.leaklens.model.LeakSuspect::className)
                    .collect(java.util.stream.Collectors.toSet());
            return new LeakHeapDumpJson(dump.file(), SuspectJson.of(dumpedLeaks).stream().map(SuspectJson::withoutHint)
                    .toList(), SuspectJson.of(dump.suspects().stream().filter(d -> !classes.contains(d.className()))
                    .toList()).stream().map(SuspectJson::withoutHint).toList());
        }
    }

    /** The same report with the heap dump taken after it (watch --heap-dump-on-leak). */
    WatchReport withHeapDump(io.leaklens.model.HeapDumpReport dump) {
        return new WatchReport(target, watched, heap, allocations, oldObjects, leaks, connectedAt, disconnectReason,
                histograms, histogramStatus, recording, cost, dump);
    }

    String verdict() {
        return leaks.verdict().contractName();
    }

    boolean leakFound() {
        return leaks.verdict() == LeakVerdict.LEAK;
    }

    /** Seconds of watching until the verdict first became a leak, or null. */
    Double detectedAfterSeconds() {
        return leaks.detectedAt() == null || connectedAt == null ? null
                : Duration.between(connectedAt, leaks.detectedAt()).toMillis() / 1000.0;
    }

    Object toJson() {
        return new ReportJson(
                new TargetJson(target.pid(), target.displayName(), target.jvmVersion(), target.vmName(),
                        target.collectors()),
                watched.toMillis() / 1000.0,
                new HeapJson(heap.usedStart(), heap.usedEnd(), heap.committedEnd(), heap.max(), heap.liveSetEnd(),
                        finite(heap.liveSetTrend().slopeBytesPerSecond()),
                        finite(heap.liveSetTrend().standardError()), heap.liveSetTrend().points(), heap.gcCount(),
                        heap.gcPauseTotal().toMillis(), heap.longestGc().toMillis(),
                        finite(heap.averageAllocationRate()), heap.samples()),
                topAllocations(), allocations.monitoringBytesPerSecond(), verdict(), leaks.reason(),
                detectedAfterSeconds(), SuspectJson.of(leaks.suspects()),
                leaks.rules().stream().map(r -> new RuleJson(r.rule(), r.status().name().toLowerCase(
                        java.util.Locale.ROOT).replace('_', '-'), r.score(), r.progress(), r.summary(),
                        r.explanation())).toList(), oldObjectsJson(), pausesJson(), disconnectReason, recordingJson(),
                heapDump == null ? null : LeakHeapDumpJson.of(heapDump, dumpedLeaks()));
    }

    private RecordingJson recordingJson() {
        return recording == null ? null : new RecordingJson(recording.contents().chunks(),
                recording.contents().recordings(), recording.contents().repeatedChunks(),
                recording.jvms().stream().map(j -> new RecordedJvmJson(j.pid(),
                        j.startedAt() == null ? null : j.startedAt().toString(), j.command(), j.version(), j.vmName()))
                        .toList());
    }

    /** The longest class histogram kept: each paused the target for a full GC. */
    Duration longestHistogram() {
        return histograms.stream().map(h -> h.histogram().took()).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private PausesJson pausesJson() {
        return new PausesJson(histograms.size(), histograms.isEmpty() ? null : longestHistogram().toMillis(),
                oldObjects.emittedAt() == null ? null : oldObjects.pause().toMillis(),
                histogramStatus.isEmpty() ? null : WatchText.histogramsOff(histogramStatus),
                percent(cost.monitoringAverage()), percent(cost.processAverage()));
    }

    private static Double percent(double cores) {
        return Double.isNaN(cores) ? null : Math.round(cores * 1000) / 10.0;
    }

    List<ClassAllocation> topClasses() {
        return allocations.classes().stream().limit(TOP_ALLOCATIONS).toList();
    }

    private List<AllocationJson> topAllocations() {
        double total = allocations.totalBytes();
        return topClasses().stream().map(c -> new AllocationJson(c.className(), c.bytesPerSecond(),
                c.topSite() == null ? "" : c.topSite().toString(), c.bytes(),
                total > 0 ? c.bytes() / total : 0)).toList();
    }

    private List<OldObjectJson> oldObjectsJson() {
        return oldObjects.samples().stream().map(o -> new OldObjectJson(o.className(), o.age().toMillis() / 1000.0,
                o.objectSize(), StackFrame.allocationSite(o.stack()).map(StackFrame::toString).orElse(""),
                new RootJson(RootPaths.rootKind(o), RootPaths.describeRoot(o, oldObjects.searchCutOff())),
                RootPaths.steps(o).stream().map(p -> new HopJson(p.className(), p.field())).toList())).toList();
    }

    /** JSON has no NaN: an unknown figure is null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /**
     * @param monitoringBytesPerSecond what the target's monitoring threads allocated (JMX over RMI, JFR, attach:
     *                                 LeakLens's own work in the target), left out of {@code topAllocations}
     */
    record ReportJson(TargetJson target, double durationSeconds, HeapJson heap, List<AllocationJson> topAllocations,
                      double monitoringBytesPerSecond, String verdict, String verdictReason,
                      Double detectedAfterSeconds, List<SuspectJson> suspects,
                      List<RuleJson> rules, List<OldObjectJson> oldObjects, PausesJson targetPauses,
                      String disconnected, RecordingJson recording, LeakHeapDumpJson heapDump) {
    }

    /**
     * What a recording file held ({@code analyze} only): its chunks, the recordings it joins (each read on its own),
     * the chunks it held twice (read once), and the JVMs the recordings describe.
     */
    record RecordingJson(int chunks, int recordings, int repeatedChunks, List<RecordedJvmJson> jvms) {
    }

    record RecordedJvmJson(long pid, String startedAt, String command, String jvmVersion, String vmName) {
    }

    /**
     * What LeakLens cost the target, as LeakLens measured it (the target's own events may say a little more), and
     * why periodic histograms were off at the end, if they were.
     */
    /**
     * @param monitoringCpuPercent the target's monitoring threads (JMX over RMI, JFR, attach: LeakLens's work in
     *                             the target) on average, in percent of one core; null when the target did not say
     * @param targetCpuPercent     the whole target over the same samples, in percent of one core
     */
    record PausesJson(int histograms, Long longestHistogramMillis, Long lastOldObjectPauseMillis,
                      String histogramsOff, Double monitoringCpuPercent, Double targetCpuPercent) {
    }

    record RuleJson(String rule, String status, double score, double progress, String summary,
                    String explanation) {
    }

    record AllocationJson(String className, double bytesPerSecond, String site, long bytes, double share) {
    }

    record OldObjectJson(String className, double ageSeconds, long sizeBytes, String allocationSite, RootJson gcRoot,
                         List<HopJson> pathFromRoot) {
    }

    record RootJson(String kind, String description) {
    }

    record HopJson(String className, String field) {
    }

    record TargetJson(long pid, String displayName, String jvmVersion, String vmName, List<String> collectors) {
    }

    record HeapJson(long usedBytesStart, long usedBytesEnd, long committedBytesEnd, long maxBytes,
                    long liveSetBytesEnd, Double liveSetSlopeBytesPerSecond, Double liveSetSlopeStandardError,
                    int liveSetPoints, long gcCount, long gcTimeMillis, long longestGcMillis,
                    Double allocationBytesPerSecond, int samples) {
    }
}
