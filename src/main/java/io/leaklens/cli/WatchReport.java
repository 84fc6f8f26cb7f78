package io.leaklens.cli;

import io.leaklens.analysis.HeapSummary;
import io.leaklens.model.SessionState;
import io.leaklens.model.TargetInfo;

import java.time.Duration;
import java.util.List;

/**
 * What {@code watch} reports, in the shape of the CLI contract. Allocations and suspects stay empty and the verdict
 * inconclusive until the JFR engine and the leak rules feed them.
 */
record WatchReport(TargetInfo target, Duration watched, HeapSummary heap, String verdict, String verdictReason,
                   String disconnectReason) {

    static final String INCONCLUSIVE = "inconclusive";

    static WatchReport of(SessionState state, HeapSummary heap) {
        String disconnect = "detached".equals(state.disconnectReason()) ? null : state.disconnectReason();
        return new WatchReport(state.target(), heap.span(), heap, INCONCLUSIVE,
                "leak detection needs allocation and old-object data, which this version does not collect yet",
                disconnect);
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
                List.of(), verdict, verdictReason, List.of(), disconnectReason);
    }

    /** JSON has no NaN: an unknown figure is null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    record ReportJson(TargetJson target, double durationSeconds, HeapJson heap, List<Object> topAllocations,
                      String verdict, String verdictReason, List<Object> suspects, String disconnected) {
    }

    record TargetJson(long pid, String displayName, String jvmVersion, String vmName, List<String> collectors) {
    }

    record HeapJson(long usedBytesStart, long usedBytesEnd, long committedBytesEnd, long maxBytes,
                    long liveSetBytesEnd, Double liveSetSlopeBytesPerSecond, Double liveSetSlopeStandardError,
                    int liveSetPoints, long gcCount, long gcTimeMillis, long longestGcMillis,
                    Double allocationBytesPerSecond, int samples) {
    }
}
