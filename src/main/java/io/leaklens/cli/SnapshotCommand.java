package io.leaklens.cli;

import io.leaklens.model.ByteSize;
import io.leaklens.model.Snapshot;
import io.leaklens.session.LiveSession;
import io.leaklens.session.SessionException;
import io.leaklens.session.TargetResolver;
import io.leaklens.session.WatchOptions;
import io.leaklens.store.SnapshotFile;
import io.leaklens.store.SnapshotFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code leaklens snapshot TARGET -o FILE}: attach, take one snapshot, save it, detach. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Take a snapshot of a JVM and save it: class histogram (the JVM runs a full GC and pauses for "
                + "it), allocation profile, old objects with their paths to GC roots, heap summary.",
                "Compare two snapshots with 'leaklens diff'."})
final class SnapshotCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TARGET", description = "A pid, or part of the name of one of your JVMs.")
    private String target;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
            description = "Where to save it (a .llsnap file; replaced if it exists).")
    private Path out;

    @Option(names = "--sample", paramLabel = "D", defaultValue = "10s", converter = SampleConverter.class,
            description = "How long to sample allocations first, so that the snapshot says who allocates "
                    + "(default: ${DEFAULT-VALUE}; 0 for none).")
    private Duration sample;

    @Option(names = "--name", paramLabel = "NAME", description = "A name for the snapshot (default: the file's).")
    private String name;

    @picocli.CommandLine.Mixin
    private TransportOption transportOption = new TransportOption();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws SessionException, InterruptedException, DataException, SnapshotFileException {
        checkWritable(out);
        PrintWriter err = spec.commandLine().getErr();
        long pid = new TargetResolver().resolve(target);
        LiveSession session = LiveSession.connect(pid, WatchOptions.DEFAULTS.withTransport(transportOption.transport()));
        Snapshot snapshot;
        try {
            if (!sample.isZero()) {
                err.println("leaklens: sampling allocations of " + session.target().displayName() + " (JVM " + pid
                        + ") for " + WatchText.duration(sample) + " ...");
                sleepWhileConnected(session, sample);
            }
            warnOfLongPause(session, err);
            err.println("leaklens: taking the class histogram (the JVM runs a full GC) and old objects ...");
            snapshot = session.takeSnapshot(name != null ? name : baseName(out));
        } finally {
            session.close();
        }
        SnapshotFile.write(snapshot, out);
        spec.commandLine().getOut().println(summary(snapshot, out));
        return 0;
    }

    /**
     * A snapshot is the user's explicit request, so it goes ahead; but a histogram that may pause the JVM for a second
     * or more is announced first, with its predicted pause.
     */
    static void warnOfLongPause(LiveSession session, PrintWriter err) {
        session.awaitFirstSample(LiveSession.FIRST_SAMPLE_WAIT);
        session.longHistogramPause().ifPresent(pause -> err.println("leaklens: warning: the class histogram will "
                + "pause JVM " + session.target().pid() + " for " + pause.describe() + "; taking it as asked"));
    }

    static String summary(Snapshot snapshot, Path file) {
        return "Saved snapshot '" + snapshot.info().name() + "' of " + snapshot.info().target().displayName()
                + " (JVM " + snapshot.info().target().pid() + ") to " + file + ": "
                + String.format(java.util.Locale.ROOT, "%,d", snapshot.histogram().classes().size()) + " classes, "
                + ByteSize.format(snapshot.histogram().totalBytes()) + " live, "
                + snapshot.oldObjects().samples().size() + " old objects; the JVM paused about "
                + snapshot.histogram().took().toMillis() + " ms for the histogram"
                + (snapshot.oldObjects().emittedAt() == null ? "" : " and "
                + snapshot.oldObjects().pause().toMillis() + " ms for the old objects' paths");
    }

    /** A DURATION, or 0 for none. */
    static final class SampleConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return value.strip().matches("0+[smh]?") ? Duration.ZERO : new DurationConverter().convert(value);
        }
    }

    /** Checked before attaching, so that a bad path costs the target nothing. */
    static void checkWritable(Path file) throws DataException {
        if (Files.isDirectory(file)) {
            throw new DataException("cannot save to " + file + ": it is a directory");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new DataException("cannot save to " + file + ": the folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            // A read-only disk or a folder of someone else's: say so before the target pauses for a histogram.
            throw new DataException("cannot save to " + file + ": the folder " + dir + " is not writable");
        }
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SnapshotFile.EXTENSION) ? name.substring(0, name.length() - SnapshotFile.EXTENSION.length())
                : name;
    }

    private static void sleepWhileConnected(LiveSession session, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end && session.state().connected()) {
            Thread.sleep(Math.min(200, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
    }
}
