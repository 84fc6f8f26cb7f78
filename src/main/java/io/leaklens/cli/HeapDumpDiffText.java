package io.leaklens.cli;

import io.leaklens.model.ByteSize;
import io.leaklens.model.HeapDumpComparison;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.PathStep;
import io.leaklens.model.RetainedClassDelta;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code diff a.hprof b.hprof} as text: classes by retained growth, then the later dump's suspects. */
final class HeapDumpDiffText {

    private static final String ROW = "%-11s %-23s %-23s %-21s  %s%n";

    private HeapDumpDiffText() {
    }

    /** The comparison with {@code classes}, those of its classes to show. */
    static String render(HeapDumpComparison comparison, List<RetainedClassDelta> classes) {
        StringBuilder text = new StringBuilder();
        String nl = System.lineSeparator();
        text.append("Heap dumps ").append(comparison.before()).append(" → ").append(comparison.after())
                .append(": classes by retained growth").append(nl);
        text.append(String.format(Locale.ROOT, ROW, "retained +", "retained before → after",
                "instances before → after", "shallow before → after", "class"));
        classes.forEach(c -> text.append(row(c)));
        text.append(nl).append("Leak suspects in ").append(comparison.after()).append(nl);
        if (comparison.suspectsAfter().isEmpty()) {
            text.append("  none: no object retains a tenth of the heap or holds many instances of one class")
                    .append(nl);
        }
        int rank = 1;
        for (LeakSuspect suspect : comparison.suspectsAfter()) {
            text.append(String.format(Locale.ROOT, "  %d. %s (score %.2f)%n", rank++, suspect.className(),
                    suspect.score()));
            if (!suspect.pathFromRoot().isEmpty()) {
                text.append("     held by: ").append(suspect.pathFromRoot().stream().map(PathStep::toString)
                        .collect(Collectors.joining(" → "))).append(nl);
            }
            text.append("     ").append(suspect.explanation()).append(nl);
        }
        return text.toString().stripTrailing();
    }

    private static String row(RetainedClassDelta c) {
        return String.format(Locale.ROOT, ROW, ByteSize.signed(c.retainedDelta()),
                ByteSize.format(c.retainedBefore()) + " → " + ByteSize.format(c.retainedAfter()),
                String.format(Locale.ROOT, "%,d → %,d", c.instancesBefore(), c.instancesAfter()),
                ByteSize.format(c.bytesBefore()) + " → " + ByteSize.format(c.bytesAfter()), c.className());
    }
}
