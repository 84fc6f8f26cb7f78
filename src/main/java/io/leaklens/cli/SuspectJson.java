package io.leaklens.cli;

import io.leaklens.model.LeakSuspect;

import java.util.List;

/** A leak suspect in the contract's shape, shared by {@code watch}, {@code analyze} and {@code diff}. */
record SuspectJson(String className, double score, double growthBytesPerSecond, double growthInstancesPerSecond,
                   String allocationSite, WatchReport.RootJson gcRoot, List<WatchReport.HopJson> pathFromRoot,
                   String explanation, String pathHint) {

    /** Where a suspect's path comes from when the old-object samples gave none. */
    static final String HEAP_DUMP_HINT = "no sampled object of this class has a path from a GC root yet: a heap dump"
            + " (jcmd PID GC.heap_dump FILE.hprof) holds every path";

    static SuspectJson of(LeakSuspect suspect) {
        return new SuspectJson(suspect.className(), round(suspect.score()), suspect.growthBytesPerSecond(),
                suspect.growthInstancesPerSecond(),
                suspect.allocationSite() == null ? null : suspect.allocationSite().toString(),
                suspect.rootKind() == null ? null : new WatchReport.RootJson(suspect.rootKind(),
                        suspect.rootDescription()),
                suspect.pathFromRoot().stream().map(p -> new WatchReport.HopJson(p.className(), p.field())).toList(),
                suspect.explanation(), suspect.pathFromRoot().size() < 2 ? HEAP_DUMP_HINT : null);
    }

    /** Without the hint to take a heap dump: for suspects found in one, whose path is as long as it gets. */
    SuspectJson withoutHint() {
        return new SuspectJson(className, score, growthBytesPerSecond, growthInstancesPerSecond, allocationSite, gcRoot,
                pathFromRoot, explanation, null);
    }

    static List<SuspectJson> of(List<LeakSuspect> suspects) {
        return suspects.stream().map(SuspectJson::of).toList();
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
