package io.leaklens.cli;

import io.leaklens.model.DominatorEntry;
import io.leaklens.model.HeapDumpReport;
import io.leaklens.model.HeapDumpSummary;
import io.leaklens.model.RetainedClass;

import java.util.List;

/** {@code analyze FILE.hprof --json}: the report, with its suspects in the contract's shape. */
record HeapDumpJson(String source, String file, HeapDumpSummary summary, String references,
                    List<SuspectJson> suspects, List<RetainedClass> topClasses, List<DominatorEntry> topDominators,
                    HeapDumpReport.Timings timings) {

    static HeapDumpJson of(HeapDumpReport report) {
        List<SuspectJson> suspects = SuspectJson.of(report.suspects()).stream().map(SuspectJson::withoutHint).toList();
        return new HeapDumpJson("heap dump", report.file(), report.summary(), report.references(), suspects,
                report.topClasses(), report.topDominators(), report.timings());
    }
}
