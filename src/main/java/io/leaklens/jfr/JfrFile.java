package io.leaklens.jfr;

import io.leaklens.model.RecordingContents;
import jdk.jfr.consumer.EventStream;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Reads a recording file ({@code jcmd PID JFR.dump}, {@code -XX:StartFlightRecording}, JMC) through the same mapper
 * as the live stream, on the calling thread, or a large one in parts on several threads. Bad files fail at once with
 * an IOException whose message is one sentence for the user (missing, a directory, empty, truncated, not JFR at all).
 */
public final class JfrFile {

    private JfrFile() {
    }

    /**
     * Delivers every allocation sample, heap summary, collection and old-object sample of the file to {@code sink},
     * calling {@link JfrEvents#flush()} at the end (and wherever the file has flush points). Heap summaries,
     * collections and old-object samples come in time order between two flushes, as from a live stream; allocation
     * samples come in file order, which may put one thread's samples before another's earlier ones. A file that joins
     * several recordings is read one recording after the other, earliest first, and a chunk that it holds twice is
     * read once ({@link ChunkLayout}).
     *
     * @throws IOException the file cannot be read or is not a whole JFR recording
     */
    public static void read(Path file, JfrEvents sink) throws IOException {
        ChunkLayout layout = layout(file);
        if (layout.readsAsOneFile()) {
            read(file, file, sink);
            return;
        }
        requireRoomForCopies(file, layout);
        for (ChunkLayout.Piece piece : layout.parts(1).getFirst()) {
            readCopy(file, piece, sink);
        }
    }

    /**
     * Reads the file in up to {@code maxParts} parts at once, each a run of whole chunks of about equal size, part
     * {@code i} on its own thread (part 0 on the calling thread) into {@code sinks.apply(i)}, each as {@link #read}
     * would deliver it. The sinks are asked for on the calling thread, part 0's last. The parts' boundaries are flush
     * points, so each part's sink sees whole segments, with the times reading the whole file gives. Each part is read
     * from copies of its chunks in the temporary folder ({@code EventStream} reads whole files only), deleted
     * afterwards. A file too small to split, of one chunk, or larger than the temporary folder's free space is read
     * as one part on the calling thread.
     *
     * @return how many parts were read: sinks {@code 0 .. parts - 1} got their events
     * @throws IOException the file cannot be read or is not a whole JFR recording; a sink's RuntimeException is
     *                     rethrown as it is (the first part's that failed), after every part has ended
     */
    public static int readInParts(Path file, int maxParts, IntFunction<JfrEvents> sinks) throws IOException {
        ChunkLayout layout = layout(file);
        List<List<ChunkLayout.Piece>> parts = split(file, layout, maxParts);
        if (parts.size() < 2) {
            read(file, sinks.apply(0));
            return 1;
        }
        Throwable[] failures = new Throwable[parts.size()];
        Thread[] threads = new Thread[parts.size()];
        for (int i = 1; i < parts.size(); i++) {
            int part = i;
            JfrEvents sink = sinks.apply(part);
            threads[i] = Thread.ofPlatform().name("leaklens-read-part-" + part).start(() -> {
                try {
                    readCopies(file, parts.get(part), sink);
                } catch (Throwable e) {
                    failures[part] = e;
                }
            });
        }
        try {
            readCopies(file, parts.getFirst(), sinks.apply(0));
        } catch (IOException | RuntimeException e) {
            failures[0] = e;
        }
        for (int i = 1; i < threads.length; i++) {
            joinUninterruptibly(threads[i]);
        }
        for (Throwable failure : failures) {
            if (failure instanceof IOException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure != null) {
                throw new IOException("reading " + file + " failed: " + failure, failure);
            }
        }
        return parts.size();
    }

    /** How many parts {@link #readInParts} would read the file in. */
    public static int partsOf(Path file, int maxParts) throws IOException {
        return split(file, layout(file), maxParts).size();
    }

    /** What the file holds by its chunk headers: chunks, recordings, chunks it holds twice. */
    public static RecordingContents contents(Path file) throws IOException {
        ChunkLayout layout = layout(file);
        return new RecordingContents(layout.chunks(), layout.runs().size(), layout.repeatedChunks());
    }

    private static List<List<ChunkLayout.Piece>> split(Path file, ChunkLayout layout, int maxParts)
            throws IOException {
        return roomForCopies(file) ? layout.parts(maxParts) : List.of(layout.parts(1).getFirst());
    }

    private static void readCopies(Path file, List<ChunkLayout.Piece> pieces, JfrEvents sink) throws IOException {
        for (ChunkLayout.Piece piece : pieces) {
            readCopy(file, piece, sink);
        }
    }

    /**
     * Copies the piece's chunks to a file of their own (in the kernel: ~0.03 s per 100 MB), with its recording's time
     * base ({@link ChunkTimeBase}), and reads that.
     */
    private static void readCopy(Path file, ChunkLayout.Piece piece, JfrEvents sink) throws IOException {
        Path copy = Files.createTempFile("leaklens-part-", ".jfr");
        copy.toFile().deleteOnExit(); // also when the command is interrupted mid-way (Ctrl-C runs the exit hooks)
        try {
            try (FileChannel from = FileChannel.open(file, StandardOpenOption.READ);
                 FileChannel to = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                long written = 0;
                for (long[] range : piece.ranges()) {
                    for (long position = range[0]; position < range[1]; ) {
                        long n = from.transferTo(position, range[1] - position, to.position(written));
                        position += n;
                        written += n;
                    }
                }
                piece.base().writeTo(to, 0);
            }
            read(copy, file, sink);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static boolean roomForCopies(Path file) throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        return Files.getFileStore(temp).getUsableSpace() > Files.size(file) + (256L << 20);
    }

    /** A file of several recordings is read from copies of each: without room for them it cannot be read right. */
    private static void requireRoomForCopies(Path file, ChunkLayout layout) throws IOException {
        if (!roomForCopies(file)) {
            throw new IOException(file + " holds " + layout.runs().size() + " recordings, each read from a copy of its"
                    + " own, and the temporary folder " + System.getProperty("java.io.tmpdir") + " has no room for"
                    + " them: free some space or set java.io.tmpdir");
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the part's thread must end before its sink is used
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads {@code source}, naming {@code file} in messages (the same file, or the one it is a part of). */
    private static void read(Path source, Path file, JfrEvents sink) throws IOException {
        Throwable[] failure = new Throwable[1];
        EventStream stream = EventStream.openFile(source);
        SegmentOrder lastSegment = null;
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
        if (lastSegment != null) {
            lastSegment.deliver(); // the stream flushes at the end of every segment, so this is a safeguard
        }
        sink.flush();
    }

    /**
     * Checks, without reading any events, that the file is a whole JFR recording (cheap: one header per chunk).
     *
     * @throws IOException with one sentence for the user when it is missing, a directory, empty, truncated, not JFR
     */
    public static void check(Path file) throws IOException {
        layout(file);
    }

    private static ChunkLayout layout(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory, not a JFR recording");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A recording is read at random places, and opening a named pipe nobody writes to blocks for ever.
            throw new IOException(file + " is not a regular file (a pipe or a device): save the recording to a file"
                    + " and open that");
        }
        try (FileChannel channel = ChunkCheck.open(file)) {
            return ChunkCheck.check(file, channel);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + file, e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read " + file + ": permission denied", e);
        }
    }
}
