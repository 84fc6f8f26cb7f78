package io.leaklens.cli;

import io.leaklens.analysis.HeapSummary;
import io.leaklens.model.SessionState;
import io.leaklens.session.HeapDumpAnalysis;
import io.leaklens.session.HeapDumpTaker;
import io.leaklens.session.LiveSession;
import io.leaklens.session.SessionException;
import io.leaklens.session.Subscription;
import io.leaklens.session.TargetResolver;
import io.leaklens.session.WatchOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code leaklens watch TARGET}: attach, watch for a while, print what was seen, detach. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Attach to a JVM, watch it for a while, then print the analysis and detach.")
final class WatchCommand implements Callable<Integer> {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    /** Within the contract's D + 15 s, with room for attaching and detaching. */
    private static final Duration OLD_OBJECT_WAIT = Duration.ofSeconds(6);

    @Parameters(paramLabel = "TARGET", description = "A pid, or part of the name of one of your JVMs.")
    private String target;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to watch: 90, 90s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--json", description = "Print JSON (see the CLI contract) instead of text.")
    private boolean json;

    @Option(names = "--allocation-throttle", paramLabel = "RATE", defaultValue = "150/s",
            description = "Allocation samples to take, e.g. 150/s (default), 300/s, 20/ms.")
    private String allocationThrottle;

    @Option(names = "--old-objects-every", paramLabel = "D", defaultValue = "30s",
            converter = IntervalConverter.class,
            description = "How often to ask for old objects and their paths (each pauses the target briefly): "
                    + "30s (default), 5m, or off.")
    private Duration oldObjectsEvery;

    /** Null when not given: every 15 s, unless each would pause the JVM too long. */
    @Option(names = "--histogram-every", paramLabel = "D", converter = IntervalConverter.class,
            description = "How often to take a class histogram for the leak rules (each runs a full GC in the JVM): "
                    + "15s, 1m, or off. Default: 15s while each is predicted to pause the JVM less than 1 s; "
                    + "given, they run whatever the pause.")
    private Duration histogramEvery;

    @picocli.CommandLine.Mixin
    private TransportOption transportOption = new TransportOption();

    @Option(names = "--fail-on-leak", description = "Exit with 3 when a leak is found (for CI).")
    private boolean failOnLeak;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also save the final snapshot (class histogram included while the JVM runs) to FILE.")
    private java.nio.file.Path out;

    @Option(names = "--heap-dump-on-leak", paramLabel = "FILE.hprof",
            description = "When a leak is found, have the JVM write a heap dump of its live objects to FILE.hprof at "
                    + "the end, and report what holds the leak exactly (a dump holds field values and strings).")
    private java.nio.file.Path heapDumpOnLeak;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws SessionException, InterruptedException, DataException,
            io.leaklens.store.SnapshotFileException {
        PrintWriter err = spec.commandLine().getErr();
        WatchOptions options;
        try {
            options = histogramEvery == null
                    ? new WatchOptions(allocationThrottle, oldObjectsEvery, WatchOptions.DEFAULT_HISTOGRAM_INTERVAL)
                    : new WatchOptions(allocationThrottle, oldObjectsEvery, histogramEvery)
                    .withHistogramPauseLimit(WatchOptions.NO_PAUSE_LIMIT);
            options = options.withTransport(transportOption.transport());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (out != null) {
            SnapshotCommand.checkWritable(out);
        }
        if (heapDumpOnLeak != null) {
            heapDumpOnLeak = HeapDumpCommand.checkDumpFile(spec, heapDumpOnLeak);
        }
        long pid = new TargetResolver().resolve(target);
        // No "attaching ..." line before connecting: a refused target must leave exactly one line on stderr.
        LiveSession session = LiveSession.connect(pid, options);
        io.leaklens.model.Snapshot finalSnapshot = null;
        try {
            err.println("leaklens: watching " + session.target().displayName() + " (JVM " + pid + ", Java "
                    + session.target().jvmVersion() + ") for " + WatchText.duration(duration));
            CountDownLatch ended = new CountDownLatch(1);
            AtomicBoolean histogramsOff = new AtomicBoolean();
            Subscription subscription = session.subscribe(s -> {
                if (!s.connected()) {
                    ended.countDown();
                }
                // Said once when they go off (the sentence's heap figure changes with every skipped one).
                boolean off = !s.histogramStatus().isEmpty();
                if (histogramsOff.getAndSet(off) != off && off) {
                    err.println("leaklens: " + WatchText.histogramsOff(s.histogramStatus()));
                }
            });
            try {
                waitWithProgress(session, ended, err);
                if (out != null) {
                    finalSnapshot = finalSnapshot(session, err);
                } else if (ended.getCount() > 0 && !oldObjectsEvery.isZero()) {
                    awaitOldObjects(session, err);
                }
            } finally {
                subscription.close();
            }
        } finally {
            session.close(); // detaches; the final state keeps everything collected
        }
        SessionState last = session.state();
        if (last.disconnectReason() != null && !LiveSession.DETACHED.equals(last.disconnectReason())) {
            err.println("leaklens: " + last.disconnectReason() + " at " + WatchText.time(last.disconnectedAt())
                    + "; reporting what was collected");
        }
        HeapSummary heap = HeapSummary.of(last.heap());
        if (heap.samples() == 0) {
            throw new DataException("nothing was collected from JVM " + pid + " before it went away");
        }
        if (finalSnapshot != null) {
            io.leaklens.store.SnapshotFile.write(finalSnapshot, out);
            err.println("leaklens: saved the final snapshot to " + out);
        }
        WatchReport report = WatchReport.of(last, heap);
        if (heapDumpOnLeak != null && report.leakFound()) {
            report = withHeapDump(report, pid, err);
        }
        spec.commandLine().getOut().println(json ? Json.write(report.toJson()) : WatchText.render(report));
        return failOnLeak && report.leakFound() ? LeakLensCli.LEAK_FOUND : 0;
    }

    /**
     * The report with a heap dump of the target taken now and analysed, for the exact holders of what leaks; the
     * report as it is, and one line on stderr, when the target is gone or the dump fails.
     */
    private WatchReport withHeapDump(WatchReport report, long pid, PrintWriter err) {
        err.println("leaklens: a leak was found: JVM " + pid + " writes a heap dump to " + heapDumpOnLeak
                + " (" + HeapDumpCommand.PRIVACY_WARNING + ") ...");
        try {
            HeapDumpTaker.take(pid, heapDumpOnLeak);
            return report.withHeapDump(HeapDumpAnalysis.analyze(heapDumpOnLeak));
        } catch (SessionException e) {
            err.println("leaklens: no heap dump: " + e.getMessage());
            return report;
        }
    }

    /** A DURATION, or {@code off} for none. */
    static final class IntervalConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return value.strip().equalsIgnoreCase("off") ? Duration.ZERO : new DurationConverter().convert(value);
        }
    }

    /**
     * Asks for the surviving sampled objects once more, so that the report shows them as they are at the end; they
     * come back through the stream within a few seconds, or the report goes without them.
     */
    private static void awaitOldObjects(LiveSession session, PrintWriter err) throws InterruptedException {
        err.println("leaklens: collecting old objects and their paths to GC roots ...");
        session.refreshOldObjectsAndWait(OLD_OBJECT_WAIT);
    }

    /** The snapshot for {@code --out}: a full one while the target runs, else what was collected. */
    private io.leaklens.model.Snapshot finalSnapshot(LiveSession session, PrintWriter err)
            throws InterruptedException {
        String name = SnapshotCommand.baseName(out);
        if (session.state().connected()) {
            SnapshotCommand.warnOfLongPause(session, err);
            err.println("leaklens: taking the final snapshot (class histogram: the JVM runs a full GC) ...");
            try {
                return session.takeSnapshot(name);
            } catch (SessionException e) {
                err.println("leaklens: " + e.getMessage() + "; saving what was collected");
            }
        }
        return session.collectedSnapshot(name);
    }

    private void waitWithProgress(LiveSession session, CountDownLatch ended, PrintWriter err)
            throws InterruptedException {
        Instant end = Instant.now().plus(duration);
        while (true) {
            Duration left = Duration.between(Instant.now(), end);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            Duration wait = left.compareTo(PROGRESS_EVERY) < 0 ? left : PROGRESS_EVERY;
            if (ended.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            if (Duration.between(Instant.now(), end).toMillis() >= 1000) {
                SessionState now = session.state();
                HeapSummary heap = HeapSummary.of(now.heap());
                err.println("leaklens: " + WatchText.duration(Duration.between(Instant.now(), end)) + " left; heap "
                        + io.leaklens.model.ByteSize.format(heap.usedEnd()) + ", " + heap.gcCount() + " GCs"
                        + now.silentFor(Instant.now()).map(s -> "; no answer from the JVM for " + s.toSeconds()
                        + " s").orElse(""));
            }
        }
    }
}
