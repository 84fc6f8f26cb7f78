package io.leaklens.jfr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The time base in a chunk's header: the wall-clock nanoseconds and the ticks at the chunk's start, and the ticks per
 * second. The JDK's parser converts the ticks of every chunk of a file with the time base of its first chunk
 * ({@code ChunkParser} hands its {@code TimeConverter} on to the next chunk). A part of a recording copied to a file of
 * its own would be converted with its own first chunk's base, and its times would differ from the whole recording's by
 * the rounding of the two bases (100-odd ns, seen on the fixture recordings) or by any adjustment of the wall clock
 * between them. Writing the recording's base into the copy's first header makes the JDK give a part exactly the times
 * the whole recording gives.
 */
record ChunkTimeBase(long startNanos, long startTicks, long ticksPerSecond) {

    /** Where the fields stand in the header ({@code jdk.jfr.internal.consumer.ChunkHeader}); big-endian. */
    private static final int START_NANOS_POSITION = 32;
    private static final int START_TICKS_POSITION = 48;
    private static final int TICKS_PER_SECOND_POSITION = 56;

    /** The base in a chunk's header, read from its start. */
    static ChunkTimeBase of(ByteBuffer header) {
        return new ChunkTimeBase(header.getLong(START_NANOS_POSITION), header.getLong(START_TICKS_POSITION),
                header.getLong(TICKS_PER_SECOND_POSITION));
    }

    /** The base in the header of the chunk at {@code chunkStart}, which {@link ChunkCheck} has found whole. */
    static ChunkTimeBase of(FileChannel channel, long chunkStart) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(TICKS_PER_SECOND_POSITION + Long.BYTES);
        while (header.hasRemaining()) {
            if (channel.read(header, chunkStart + header.position()) < 0) {
                throw new IOException("the JFR chunk at byte " + chunkStart + " ends within its header");
            }
        }
        return of(header);
    }

    /** Writes this base into the header of the chunk at {@code chunkStart}. */
    void writeTo(FileChannel channel, long chunkStart) throws IOException {
        write(channel, chunkStart + START_NANOS_POSITION, startNanos);
        write(channel, chunkStart + START_TICKS_POSITION, startTicks);
        write(channel, chunkStart + TICKS_PER_SECOND_POSITION, ticksPerSecond);
    }

    private static void write(FileChannel channel, long position, long value) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES).putLong(0, value);
        while (bytes.hasRemaining()) {
            channel.write(bytes, position + bytes.position());
        }
    }
}
