package io.leaklens.reliability;

import io.leaklens.cli.LeakLensCli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gives each damaged file to LeakLens the way a user would, through the command line in this JVM: a snapshot to
 * {@code diff} (against a good one, so that the diff and its report run on whatever was read), a recording to
 * {@code analyze}. Each answer must come within {@link #ANSWER_LIMIT} and be either a report (exit 0) or a refusal
 * in one sentence (exit 1); anything else is a crash.
 */
final class FileFuzzer {

    /** What the issue asks of every answer. */
    static final Duration ANSWER_LIMIT = Duration.ofSeconds(2);
    /** Past this, the reader is taken to hang and its thread is abandoned. */
    private static final Duration HANG_LIMIT = Duration.ofSeconds(15);

    private final Path dir;
    private final Path goodSnapshot;
    private ExecutorService worker = newWorker();

    /**
     * @param dir          where the damaged files are written, one at a time
     * @param goodSnapshot the snapshot each damaged one is compared with
     */
    FileFuzzer(Path dir, Path goodSnapshot) {
        this.dir = dir;
        this.goodSnapshot = goodSnapshot;
    }

    FuzzReport run(List<FuzzCase> cases) {
        FuzzReport report = new FuzzReport();
        for (FuzzCase fuzzCase : cases) {
            report.add(fuzzCase, answer(fuzzCase));
        }
        worker.shutdownNow();
        return report;
    }

    /** Runs one case; the timing covers the whole command, reading included. */
    FuzzReport.Answer answer(FuzzCase fuzzCase) {
        Path file = write(fuzzCase);
        String[] args = fuzzCase.reader() == FuzzCase.Reader.SNAPSHOT
                ? new String[] {"diff", goodSnapshot.toString(), file.toString(), "--json"}
                : new String[] {"analyze", file.toString(), "--json"};
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        Future<Integer> running = worker.submit(() -> LeakLensCli.run(args, new PrintWriter(out, true),
                new PrintWriter(err, true)));
        try {
            int exitCode = running.get(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return FuzzReport.Answer.of(exitCode, out.toString(), err.toString(), took);
        } catch (TimeoutException e) {
            running.cancel(true);
            worker.shutdownNow();
            worker = newWorker(); // the stuck thread is a daemon: it cannot keep the run alive
            return FuzzReport.Answer.hang(HANG_LIMIT);
        } catch (ExecutionException e) {
            return FuzzReport.Answer.escaped(e.getCause(), Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fuzzing interrupted", e);
        }
    }

    private Path write(FuzzCase fuzzCase) {
        try {
            return Files.write(dir.resolve("fuzzed" + fuzzCase.reader().extension), fuzzCase.content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> Thread.ofPlatform().daemon().name("fuzz-reader")
                .unstarted(task));
    }
}
