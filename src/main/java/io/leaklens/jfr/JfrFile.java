package io.leaklens.jfr;

import jdk.jfr.consumer.EventStream;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a recording file ({@code jcmd PID JFR.dump}, {@code -XX:StartFlightRecording}, JMC) through the same mapper
 * as the live stream, on the calling thread. Bad files fail at once with an IOException whose message is one
 * sentence for the user (missing, a directory, empty, truncated, not JFR at all).
 */
public final class JfrFile {

    private JfrFile() {
    }

    /**
     * Delivers every allocation sample, heap summary, collection and old-object sample of the file to {@code sink},
     * calling {@link JfrEvents#flush()} at the end (and wherever the file has flush points). Heap summaries,
     * collections and old-object samples come in time order between two flushes, as from a live stream; allocation
     * samples come in file order, which may put one thread's samples before another's earlier ones.
     *
     * @throws IOException the file cannot be read or is not a whole JFR recording
     */
    public static void read(Path file, JfrEvents sink) throws IOException {
        check(file);
        Throwable[] failure = new Throwable[1];
        EventStream stream = EventStream.openFile(file);
        SegmentOrder lastSegment;
        try {
            lastSegment = EventRouter.connectUnordered(stream, sink);
            stream.onError(e -> {
                // Our mapper or the sink failed: stop at once rather than deliver a partial picture.
                if (failure[0] == null) {
                    failure[0] = e;
                }
                stream.close();
            });
            stream.start();
        } finally {
            stream.close();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new IOException("reading " + file + " failed: " + failure[0], failure[0]);
        }
        lastSegment.deliver(); // the stream flushes at the end of every segment, so this is a safeguard
        sink.flush();
    }

    /**
     * Checks, without reading any events, that the file is a whole JFR recording (cheap: one header per chunk).
     *
     * @throws IOException with one sentence for the user when it is missing, a directory, empty, truncated, not JFR
     */
    public static void check(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory, not a JFR recording");
        }
        try (FileChannel channel = ChunkCheck.open(file)) {
            ChunkCheck.check(file, channel);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + file, e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read " + file + ": permission denied", e);
        }
    }
}
