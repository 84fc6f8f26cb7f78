package io.leaklens.jfr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a file is made of whole, finished JFR chunks before it is streamed. {@code EventStream.openFile}
 * accepts truncated, random and zip files without a word and delivers nothing (it treats an I/O error as the normal
 * end of a stream), and on a chunk whose header says "still being written" it would wait forever: so we read the
 * 68-byte header of every chunk ourselves (the layout of {@code jdk.jfr.internal.consumer.ChunkHeader}). The headers
 * also say how to read a file that joins recordings ({@link ChunkLayout}).
 */
final class ChunkCheck {

    private static final int HEADER_SIZE = 68;
    private static final byte[] MAGIC = {'F', 'L', 'R', 0};
    private static final int SIZE_POSITION = 8;
    private static final int CONSTANT_POOL_POSITION = 16;
    private static final int METADATA_POSITION = 24;
    private static final int DURATION_POSITION = 40;
    private static final int FILE_STATE_POSITION = 64;

    private ChunkCheck() {
    }

    /** Throws an IOException with one sentence saying what is wrong with the file, or returns its chunks. */
    static ChunkLayout check(Path file, FileChannel channel) throws IOException {
        long fileSize = channel.size();
        if (fileSize == 0) {
            throw new IOException(file + " is empty, not a JFR recording");
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE); // big-endian, as JFR writes
        long position = 0;
        List<Long> starts = new ArrayList<>();
        List<ChunkTimeBase> bases = new ArrayList<>();
        List<Long> durations = new ArrayList<>();
        while (position < fileSize) {
            starts.add(position);
            header.clear();
            int read = readFully(channel, header, position);
            if (!startsLikeMagic(header, read)) {
                throw new IOException(position == 0 ? file + " is not a JFR recording (it does not start with FLR)"
                        : file + " is damaged: no JFR chunk starts at byte " + position);
            }
            if (read < HEADER_SIZE) {
                throw truncated(file, fileSize);
            }
            short major = header.getShort(4);
            short minor = header.getShort(6);
            if (major != 1 && major != 2) {
                throw new IOException(file + " is a JFR recording of version " + major + "." + minor
                        + ", which this JDK cannot read (only 1.x and 2.x)");
            }
            long size = header.getLong(SIZE_POSITION);
            long constantPools = header.getLong(CONSTANT_POOL_POSITION);
            long metadata = header.getLong(METADATA_POSITION);
            if (header.get(FILE_STATE_POSITION) != 0) {
                throw new IOException(file + " is an unfinished JFR recording (a chunk is still being written, or"
                        + " the JVM writing it died): dump it again with jcmd PID JFR.dump");
            }
            if (size < HEADER_SIZE || metadata <= 0 || metadata >= size || constantPools < 0 || constantPools >= size) {
                throw new IOException(file + " is damaged: the JFR chunk at byte " + position
                        + " has an impossible header");
            }
            if (size > fileSize - position) {
                throw truncated(file, fileSize);
            }
            bases.add(ChunkTimeBase.of(header));
            durations.add(header.getLong(DURATION_POSITION));
            position += size;
        }
        starts.add(fileSize);
        return new ChunkLayout(starts.stream().mapToLong(Long::longValue).toArray(),
                bases.toArray(ChunkTimeBase[]::new), durations.stream().mapToLong(Long::longValue).toArray());
    }

    /** Whether the bytes read so far are the magic "FLR\0" or the start of it (a file cut within the magic). */
    private static boolean startsLikeMagic(ByteBuffer header, int read) {
        for (int i = 0; i < Math.min(read, MAGIC.length); i++) {
            if (header.get(i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static IOException truncated(Path file, long fileSize) {
        return new IOException(file + " is truncated: the JFR recording ends early, at byte " + fileSize);
    }

    private static int readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }
}
