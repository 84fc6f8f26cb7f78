package io.leaklens.jfr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The time base in a chunk's header: the wall-clock nanoseconds and the ticks at the chunk's start, and the ticks per
 * second. The JDK's parser converts the ticks of every chunk of a file with the time base of its first chunk
 * ({@code ChunkParser} hands its {@code TimeConverter} on to the next chunk), and resolves constants by ids that are
 * a JVM's own. Two things follow:
 * <ul>
 * <li>A part of a recording copied to a file of its own would be converted with its own first chunk's base, and its
 * times would differ from the whole file's by the rounding of the two bases (100-odd ns, seen on the fixture
 * recordings) or by any adjustment of the wall clock between them. Writing the file's base into the copy's first
 * header makes the JDK give a part exactly the times the whole file gives.</li>
 * <li>A file that joins the recordings of two JVMs reads with wrong times and wrong class names, without a word.
 * One JVM's chunks follow each other: each starts at the tick its predecessor ended. A chunk that does not is
 * another recording's; of the same JVM if its ticks count from the same zero (the wall-clock time of tick 0: a JVM's
 * ticks count from its start), of another JVM if not. A machine suspended or a wall clock set by hand moves one JVM's
 * zero too, but between chunks that follow each other.</li>
 * </ul>
 */
record ChunkTimeBase(long startNanos, long startTicks, long ticksPerSecond) {

    /** Where the fields stand in the header ({@code jdk.jfr.internal.consumer.ChunkHeader}); big-endian. */
    private static final int START_NANOS_POSITION = 32;
    private static final int START_TICKS_POSITION = 48;
    private static final int TICKS_PER_SECOND_POSITION = 56;
    /**
     * How far one JVM's zero may move between two of its recordings. Measured: a few hundred nanoseconds (NTP slews
     * the wall clock and the ticks alike); 10 ms also allows for a wall clock of millisecond resolution.
     */
    private static final long SAME_ZERO_NANOS = 10_000_000L;

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

    /**
     * Whether this chunk may be of the same JVM as the chunk before it in a file, of base {@code before} and duration
     * {@code beforeNanos}: it starts where that one ended (to a millisecond; measured: to a few hundred ticks), or
     * its ticks count from the same zero.
     */
    boolean sameJvmAs(ChunkTimeBase before, long beforeNanos) {
        if (ticksPerSecond != before.ticksPerSecond) {
            return false;
        }
        double ticksPerNano = ticksPerSecond / 1e9;
        double gapTicks = startTicks - (before.startTicks + beforeNanos * ticksPerNano);
        return Math.abs(gapTicks) <= 1_000_000 * ticksPerNano
                || Math.abs(zeroNanos() - before.zeroNanos()) <= SAME_ZERO_NANOS;
    }

    /** The wall-clock time of tick 0 (the JVM's start, where ticks count nanoseconds from it). */
    private long zeroNanos() {
        return startNanos - (long) (startTicks * (ticksPerSecond > 0 ? 1e9 / ticksPerSecond : 0));
    }

    private static void write(FileChannel channel, long position, long value) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES).putLong(0, value);
        while (bytes.hasRemaining()) {
            channel.write(bytes, position + bytes.position());
        }
    }
}
