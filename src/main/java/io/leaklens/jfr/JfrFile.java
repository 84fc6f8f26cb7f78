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
     * Delivers every allocation sample, heap summary and old-object sample of the file to {@code sink} in time
     * order, calling {@link JfrEvents#flush()} at the end (and wherever the file has flush points).
     *
     * @throws IOException the file cannot be read or is not a whole JFR recording
     */
    public static void read(Path file, JfrEvents sink) throws IOException {
        check(file);
        Throwable[] failure = new Throwable[1];
        EventStream stream = EventStream.openFile(file);
        try {
            EventRouter.connect(stream, sink);
            stream.onError(e -> {
                // Our mapper or the sink failed: stop at once rather than deliver a partial picture.
                if (failure[0] == null) {
                    failure[0] = e;
                }
                stream.close();
            });
            stream.start();
        } catch (RuntimeException | InternalError e) {
            if (failure[0] == null) {
                // Thrown by the JDK's parser, not by our sink: ChunkCheck passed the headers, yet the chunk's
                // metadata or constant pools are damaged (an index out of bounds, a type of the wrong kind, an
                // InternalError for a type name that is not a Java name ...).
                throw new IOException(file + " is damaged: its JFR data cannot be read", e);
            }
        } finally {
            stream.close();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new IOException("reading " + file + " failed: " + failure[0], failure[0]);
        }
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
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A recording is read at random places, and opening a named pipe nobody writes to blocks for ever.
            throw new IOException(file + " is not a regular file (a pipe or a device): save the recording to a file"
                    + " and open that");
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
