package io.leaklens.cli;

import io.leaklens.model.ByteSize;
import io.leaklens.model.DominatorEntry;
import io.leaklens.model.HeapDumpReport;
import io.leaklens.model.HeapDumpSummary;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.PathStep;
import io.leaklens.model.RetainedClass;

import java.util.Locale;
import java.util.stream.Collectors;

/** {@code analyze FILE.hprof} as text: the summary, the suspects with their paths, then classes and dominators. */
final class HeapDumpText {

    private HeapDumpText() {
    }

    static String render(HeapDumpReport report) {
        StringBuilder text = new StringBuilder();
        HeapDumpSummary summary = report.summary();
        text.append(String.format(Locale.ROOT, "Heap dump %s: %,d objects of %,d classes, %s; %,d objects (%s) "
                        + "reachable from GC roots%n", report.file(), summary.objects(), summary.classes(),
                ByteSize.format(summary.shallowBytes()), summary.reachableObjects(),
                ByteSize.format(summary.reachableBytes())));
        text.append("GC roots: ").append(summary.roots().stream()
                .map(r -> String.format(Locale.ROOT, "%,d %s", r.count(), r.kind())).collect(Collectors.joining(", ")))
                .append(System.lineSeparator());
        text.append("Counted: ").append(report.references()).append('.').append(System.lineSeparator());

        text.append(System.lineSeparator()).append("Leak suspects (where instances pile up)")
                .append(System.lineSeparator()).append(suspects(report));
        text.append(System.lineSeparator()).append(String.format(Locale.ROOT, "%-10s %6s %10s %10s  %s%n",
                "retained", "heap", "instances", "shallow", "class"));
        for (RetainedClass c : report.topClasses()) {
            text.append(String.format(Locale.ROOT, "%-10s %5.1f%% %,10d %10s  %s%n", ByteSize.format(c.retainedBytes()),
                    c.heapShare() * 100, c.instances(), ByteSize.format(c.shallowBytes()), c.className()));
        }

        text.append(System.lineSeparator()).append(String.format(Locale.ROOT, "%-10s %6s %10s  %s%n", "retained",
                "heap", "shallow", "dominator (held only by its GC roots)"));
        for (DominatorEntry d : report.topDominators()) {
            text.append(String.format(Locale.ROOT, "%-10s %5.1f%% %10s  %s %s%n", ByteSize.format(d.retainedBytes()),
                    d.heapShare() * 100, ByteSize.format(d.shallowBytes()), d.className(), d.objectId()));
        }
        text.append(System.lineSeparator()).append(String.format(Locale.ROOT,
                "Indexed in %,d ms; dominators and retained sizes in %,d ms.", report.timings().indexMillis(),
                report.timings().dominatorMillis()));
        return text.toString();
    }

    /** The suspects, numbered, each with its path from the GC root and its sentence. */
    static String suspects(HeapDumpReport report) {
        StringBuilder text = new StringBuilder();
        if (report.suspects().isEmpty()) {
            text.append("  none: no object retains a tenth of the heap or holds many instances of one class")
                    .append(System.lineSeparator());
        }
        int rank = 1;
        for (LeakSuspect suspect : report.suspects()) {
            text.append(String.format(Locale.ROOT, "  %d. %s (score %.2f)%n", rank++, suspect.className(),
                    suspect.score()));
            if (!suspect.pathFromRoot().isEmpty()) {
                text.append("     held by: ").append(suspect.pathFromRoot().stream().map(PathStep::toString)
                        .collect(Collectors.joining(" → "))).append(System.lineSeparator());
            }
            text.append("     ").append(suspect.explanation()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
