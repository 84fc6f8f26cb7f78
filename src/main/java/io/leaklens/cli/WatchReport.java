package io.leaklens.cli;

import io.leaklens.analysis.HeapSummary;
import io.leaklens.analysis.RootPaths;
import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ClassAllocation;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.SessionState;
import io.leaklens.model.TargetInfo;
import io.leaklens.session.LiveSession;

import java.time.Duration;
import java.util.List;

/**
 * What {@code watch} reports, in the shape of the CLI contract. Allocations and suspects stay empty and the verdict
 * inconclusive until the JFR engine and the leak rules feed them.
 */
record WatchReport(TargetInfo target, Duration watched, HeapSummary heap, AllocationProfile allocations,
                   OldObjectSet oldObjects, String verdict, String verdictReason, String disconnectReason) {

    /** Allocation rows in a report: enough to see who allocates, short enough to read. */
    static final int TOP_ALLOCATIONS = 10;

    static final String INCONCLUSIVE = "inconclusive";

    static WatchReport of(SessionState state, HeapSummary heap) {
        String disconnect = LiveSession.DETACHED.equals(state.disconnectReason()) ? null : state.disconnectReason();
        return new WatchReport(state.target(), heap.span(), heap, state.allocations(), state.oldObjects(),
                INCONCLUSIVE, "the leak rules are not in this version yet: read the live-set trend, the top "
                + "allocations and the old objects' paths", disconnect);
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
                topAllocations(), verdict, verdictReason, List.of(), oldObjectsJson(), disconnectReason);
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
                o.objectSize(), o.stack().stream().filter(f -> !f.isJdk()).findFirst()
                        .or(() -> o.stack().stream().findFirst()).map(Object::toString).orElse(""),
                new RootJson(RootPaths.rootKind(o), RootPaths.describeRoot(o)),
                RootPaths.steps(o).stream().map(p -> new HopJson(p.className(), p.field())).toList())).toList();
    }

    /** JSON has no NaN: an unknown figure is null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    record ReportJson(TargetJson target, double durationSeconds, HeapJson heap, List<AllocationJson> topAllocations,
                      String verdict, String verdictReason, List<Object> suspects, List<OldObjectJson> oldObjects,
                      String disconnected) {
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
