package io.leaklens.model;

import java.util.List;

/**
 * The analysis of a heap dump: what it holds, which classes and objects keep most alive, and where instances pile
 * up.
 *
 * @param file          the dump's file name
 * @param summary       its objects, classes, bytes and roots
 * @param topClasses    classes by retained size, largest first
 * @param topDominators objects by retained size, largest first (objects only their own roots hold)
 * @param suspects      accumulation points, most of the heap first, in the shape the other analyses use
 * @param references    which references were followed, in one sentence
 * @param timings       how long the analysis took
 */
public record HeapDumpReport(String file, HeapDumpSummary summary, List<RetainedClass> topClasses,
                             List<DominatorEntry> topDominators, List<LeakSuspect> suspects, String references,
                             Timings timings) {

    public HeapDumpReport {
        topClasses = List.copyOf(topClasses);
        topDominators = List.copyOf(topDominators);
        suspects = List.copyOf(suspects);
    }

    /** Milliseconds spent indexing the dump (both passes) and computing dominators and retained sizes. */
    public record Timings(long indexMillis, long dominatorMillis) {
    }
}
