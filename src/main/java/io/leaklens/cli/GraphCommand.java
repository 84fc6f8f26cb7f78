package io.leaklens.cli;

import io.leaklens.analysis.ReferenceGraphBuilder;
import io.leaklens.model.GraphLevel;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.ReferenceGraph;
import io.leaklens.session.HeapDumpAnalysis;
import io.leaklens.session.LiveSession;
import io.leaklens.session.RecordingAnalysis;
import io.leaklens.session.SessionException;
import io.leaklens.session.TargetResolver;
import io.leaklens.session.WatchOptions;
import io.leaklens.store.GraphExport;
import io.leaklens.store.SnapshotFile;
import io.leaklens.store.SnapshotFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code leaklens graph SOURCE}: what keeps the sampled objects alive, as one graph merged from their chains to GC
 * roots, from a snapshot file, a JFR recording or a running JVM.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"The reference graph from GC roots to the sampled surviving objects: chains merged where "
                + "they share objects, the same path of many objects as one with a count.",
                "SOURCE is a snapshot (.llsnap), a recording (.jfr), a heap dump (.hprof: the paths to the instances "
                        + "of its leak suspects) or a running JVM (pid or part of its name)."})
final class GraphCommand implements Callable<Integer> {

    enum Format { text, json, dot }

    enum Level { classes, objects }

    @Parameters(paramLabel = "SOURCE",
            description = "A .llsnap, .jfr or .hprof file, or a pid or part of a JVM's name.")
    private String source;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json (see the CLI contract) or dot (Graphviz) (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "classes",
            description = "classes: one node per class reached the same way; objects: one node per object "
                    + "(default: ${DEFAULT-VALUE}).")
    private Level level;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE instead of the terminal.")
    private Path out;

    @Option(names = "--sample", paramLabel = "D", defaultValue = "10s", converter = DurationConverter.class,
            description = "For a running JVM: how long to let objects be sampled before asking for their paths "
                    + "(default: ${DEFAULT-VALUE}).")
    private Duration sample;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws SessionException, SnapshotFileException, DataException, InterruptedException {
        if (out != null) {
            SnapshotCommand.checkWritable(out);
        }
        GraphLevel graphLevel = level == Level.objects ? GraphLevel.OBJECTS : GraphLevel.CLASSES;
        Path file = Path.of(source);
        // A dump by its first bytes, whatever its name, as analyze does.
        ReferenceGraph graph = Files.isRegularFile(file) && HeapDumpAnalysis.isHeapDump(file)
                ? HeapDumpAnalysis.graph(file, graphLevel)
                : ReferenceGraphBuilder.build(oldObjects().samples(), graphLevel);
        String text = switch (format) {
            case json -> GraphExport.json(graph);
            case dot -> GraphExport.dot(graph);
            case text -> GraphText.render(graph);
        };
        if (out == null) {
            // print() does not flush an autoflush PrintWriter, and System.exit would drop the graph unseen.
            spec.commandLine().getOut().print(text.endsWith("\n") ? text : text + "\n");
            spec.commandLine().getOut().flush();
        } else {
            GraphExport.write(text, out);
            spec.commandLine().getErr().println("leaklens: wrote " + out + " (" + graph.nodes().size()
                    + " nodes, " + graph.edges().size() + " references)");
        }
        return 0;
    }

    private OldObjectSet oldObjects() throws SessionException, SnapshotFileException, InterruptedException {
        Path file = Path.of(source);
        String name = source.toLowerCase(Locale.ROOT);
        if (name.endsWith(SnapshotFile.EXTENSION) || name.endsWith(".jfr") || Files.isRegularFile(file)) {
            if (name.endsWith(".jfr")) {
                RecordingAnalysis.check(file);
                return RecordingAnalysis.read(file).oldObjects();
            }
            return SnapshotFile.read(file).oldObjects();
        }
        return fromLiveTarget();
    }

    private OldObjectSet fromLiveTarget() throws SessionException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        long pid = new TargetResolver().resolve(source);
        LiveSession session = LiveSession.connect(pid, WatchOptions.DEFAULTS);
        try {
            err.println("leaklens: sampling objects of " + session.target().displayName() + " (JVM " + pid
                    + ") for " + WatchText.duration(sample) + ", then asking for their paths ...");
            long end = System.nanoTime() + sample.toNanos();
            while (System.nanoTime() < end && session.state().connected()) {
                Thread.sleep(100);
            }
            if (!session.refreshOldObjectsAndWait(Duration.ofSeconds(30))) {
                throw new SessionException("JVM " + pid + " sent no old objects: "
                        + (session.state().connected() ? "it did not answer within 30 s" : "it is gone"));
            }
            OldObjectSet set = session.state().oldObjects();
            if (set.samples().isEmpty()) {
                err.println("leaklens: no object was sampled in " + WatchText.duration(sample)
                        + ": JFR samples a few allocations a second; try a longer --sample");
            }
            return set;
        } finally {
            session.close();
        }
    }
}
