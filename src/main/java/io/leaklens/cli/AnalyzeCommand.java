package io.leaklens.cli;

import io.leaklens.analysis.HeapSummary;
import io.leaklens.model.HeapDumpReport;
import io.leaklens.model.SessionState;
import io.leaklens.session.HeapDumpAnalysis;
import io.leaklens.session.RecordingAnalysis;
import io.leaklens.session.SessionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code leaklens analyze FILE.jfr}: the watch analysis of a recording made elsewhere; {@code analyze FILE.hprof}
 * (known by its first bytes, not its name): what holds the heap of a heap dump.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse a JFR recording made elsewhere (e.g. jcmd PID JFR.dump filename=x.jfr),",
                "or a heap dump (jcmd PID GC.heap_dump x.hprof, plain or -gz): retained sizes, dominators, "
                        + "where instances pile up and what holds them."})
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.jfr|FILE.hprof", description = "The recording or heap dump.")
    private Path file;

    @Option(names = "--json", description = "Print JSON (see the CLI contract) instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws SessionException {
        if (HeapDumpAnalysis.isHeapDump(file)) {
            // No progress line: a damaged dump is found only by reading it, and must leave one line on stderr.
            HeapDumpReport report = HeapDumpAnalysis.analyze(file);
            String rendered = json ? Json.write(HeapDumpJson.of(report)) : HeapDumpText.render(report);
            spec.commandLine().getOut().println(rendered);
            return 0;
        }
        // Checked first: the contract allows one line on stderr for a bad file, so no progress line before it.
        RecordingAnalysis.check(file);
        spec.commandLine().getErr().println("leaklens: reading " + file + " ...");
        RecordingAnalysis.Analysis analysis = RecordingAnalysis.analyze(file);
        SessionState state = analysis.state();
        WatchReport report = WatchReport.of(state, HeapSummary.of(state.heap()), analysis.source());
        spec.commandLine().getOut().println(json ? Json.write(report.toJson()) : WatchText.render(report));
        return 0;
    }
}
