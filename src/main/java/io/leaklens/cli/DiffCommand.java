package io.leaklens.cli;

import io.leaklens.analysis.SnapshotDiffer;
import io.leaklens.model.ClassDelta;
import io.leaklens.model.ClassNames;
import io.leaklens.model.HeapDumpComparison;
import io.leaklens.model.RetainedClassDelta;
import io.leaklens.model.Snapshot;
import io.leaklens.model.SnapshotDiff;
import io.leaklens.session.HeapDumpAnalysis;
import io.leaklens.session.HeapDumpComparer;
import io.leaklens.session.SessionException;
import io.leaklens.store.SnapshotFile;
import io.leaklens.store.SnapshotFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code leaklens diff BEFORE AFTER}: what grew between two snapshots, and what looks like a leak. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two snapshot files: classes by bytes grown, leak suspects with their paths to GC "
                + "roots.",
                "Or two heap dumps (.hprof): classes by retained bytes grown, the later dump's leak suspects."})
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BEFORE", description = "The earlier snapshot (.llsnap) or heap dump.")
    private Path before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "The later snapshot (.llsnap) or heap dump.")
    private Path after;

    @Option(names = "--json", description = "Print JSON (see the CLI contract) instead of text.")
    private boolean json;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "How many classes to list (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--hide-jdk", description = "Leave out JDK classes (java.*, jdk.*, arrays of primitives ...).")
    private boolean hideJdk;

    @Option(names = "--filter", paramLabel = "TEXT", description = "Only classes whose name contains TEXT.")
    private String filter;

    @Option(names = "--exact-names", description = "Compare generated names (lambdas, proxies) as they are "
            + "instead of normalising them.")
    private boolean exactNames;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also export every class's change as CSV.")
    private Path csv;

    @Option(names = "--html", paramLabel = "FILE", description = "Also export a standalone HTML report.")
    private Path html;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws SnapshotFileException, SessionException, DataException {
        if (top < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top must be 1 or more, not " + top);
        }
        boolean dumpBefore = HeapDumpAnalysis.isHeapDump(before);
        boolean dumpAfter = HeapDumpAnalysis.isHeapDump(after);
        if (dumpBefore != dumpAfter) {
            Path other = dumpBefore ? after : before;
            if (!Files.isRegularFile(other)) {
                SnapshotFile.read(other); // a missing file is said to be missing, not to be no heap dump
            }
            throw new DataException("cannot compare a heap dump with a snapshot: " + (dumpBefore ? before : after)
                    + " is a heap dump, " + (dumpBefore ? after : before) + " is not; give two of a kind");
        }
        if (dumpBefore) {
            return compareDumps();
        }
        Snapshot earlier = SnapshotFile.read(before);
        Snapshot later = SnapshotFile.read(after);
        SnapshotDiff diff = new SnapshotDiffer(!exactNames).compare(earlier, later);
        if (diff.between().isNegative()) {
            spec.commandLine().getErr().println("leaklens: note: " + after + " was taken before " + before
                    + "; growth is read from the first to the second as given");
        }
        List<ClassDelta> classes = diff.classes().stream().filter(c -> shown(c.className())).limit(top).toList();
        if (csv != null) {
            io.leaklens.store.DiffCsv.write(diff, csv);
            spec.commandLine().getErr().println("leaklens: wrote " + csv);
        }
        if (html != null) {
            io.leaklens.store.DiffHtmlReport.write(diff, html);
            spec.commandLine().getErr().println("leaklens: wrote " + html);
        }
        spec.commandLine().getOut().println(json ? Json.write(DiffJson.of(before, after, earlier, later, diff, classes))
                : DiffText.render(before, after, diff, classes, hideJdk));
        return 0;
    }

    private boolean shown(String className) {
        return ClassNames.filter(filter, hideJdk).test(className);
    }

    /** Two heap dumps: the exports and name normalising are the snapshots' and are refused rather than ignored. */
    private int compareDumps() throws SessionException {
        if (csv != null || html != null || exactNames) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--csv, --html and --exact-names "
                    + "are for snapshots; heap dumps are compared by their classes' names as they are");
        }
        HeapDumpComparison comparison = HeapDumpComparer.compare(before, after);
        List<RetainedClassDelta> classes = comparison.classes().stream().filter(c -> shown(c.className()))
                .limit(top).toList();
        spec.commandLine().getOut().println(json ? Json.write(HeapDumpDiffJson.of(before, after, comparison, classes))
                : HeapDumpDiffText.render(comparison, classes));
        return 0;
    }
}
