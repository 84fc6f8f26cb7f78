package io.leaklens.jfr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The chunks of a recording file as their headers describe them, and how to read them so that every chunk is read
 * once and with the right time base.
 * <p>
 * The JDK reads a file as one stream: it converts every chunk's ticks with the first chunk's time base and keeps
 * its parser state from chunk to chunk. That is right for the chunks of one recording, which follow each other,
 * and wrong for a file that joins recordings ({@code cat a.jfr b.jfr}): of another JVM, its class names come out
 * wrong and its times shifted; of the same recording dumped twice, the chunks both dumps hold are read twice. A JFR
 * chunk is self-contained (its own metadata and constant pools), so a file can always be read right: each run of
 * chunks that follow each other is read on its own (a copy of it, read by its own stream), and a chunk seen before
 * (the same header: start, ticks, size) is skipped. Nothing is refused on a guess: where the headers do not show
 * that a chunk continues the one before, it starts a run of its own, which costs a copy and nothing else.
 *
 * @param starts    where each chunk starts, then the file's size: chunk i is {@code [starts[i], starts[i + 1])}
 * @param bases     each chunk's time base
 * @param durations each chunk's duration in nanoseconds, from its header
 */
record ChunkLayout(long[] starts, ChunkTimeBase[] bases, long[] durations) {

    /**
     * How far a chunk may start from where its predecessor ended and still be taken for its continuation. Measured:
     * within a few hundred ticks; JDK 17 writes a chunk's duration from the wall clock, which an adjustment moves.
     */
    private static final long CONTINUES_WITHIN_NANOS = 1_000_000L;

    /** A run of whole chunks to be read as one recording, by index, in file order. */
    record Run(List<Integer> chunks) {
    }

    /**
     * A part of the reading: byte ranges of the file to be copied into a file of their own, in order, whose first
     * chunk takes the time base {@code base} (that of the first chunk of its run).
     */
    record Piece(List<long[]> ranges, ChunkTimeBase base) {
        long bytes() {
            return ranges.stream().mapToLong(r -> r[1] - r[0]).sum();
        }
    }

    int chunks() {
        return bases.length;
    }

    long size() {
        return starts[starts.length - 1];
    }

    long chunkSize(int chunk) {
        return starts[chunk + 1] - starts[chunk];
    }

    /**
     * The file's recordings: runs of chunks each of which continues the one before, chunks seen before left out,
     * ordered by the wall-clock time at which each run starts (file order when equal).
     */
    List<Run> runs() {
        record Key(long startNanos, long startTicks, long size) {
        }
        Set<Key> seen = new HashSet<>();
        List<List<Integer>> runs = new ArrayList<>();
        int previous = -1;
        for (int chunk = 0; chunk < chunks(); chunk++) {
            if (!seen.add(new Key(bases[chunk].startNanos(), bases[chunk].startTicks(), chunkSize(chunk)))) {
                continue;
            }
            if (previous < 0 || !continues(previous, chunk)) {
                runs.add(new ArrayList<>());
            }
            runs.getLast().add(chunk);
            previous = chunk;
        }
        return runs.stream().map(Run::new)
                .sorted(Comparator.comparingLong(run -> bases[run.chunks().getFirst()].startNanos()))
                .toList();
    }

    /** How many chunks are left out because the file holds them more than once. */
    int repeatedChunks() {
        return chunks() - runs().stream().mapToInt(run -> run.chunks().size()).sum();
    }

    /** Whether the JDK reads the file right as it is: one run, every chunk once, in file order. */
    boolean readsAsOneFile() {
        List<Run> runs = runs();
        return runs.size() == 1 && runs.getFirst().chunks().size() == chunks();
    }

    /**
     * Splits the reading into at most {@code maxParts} parts of about equal size for as many threads, each a list of
     * pieces to be read one after the other. A part never joins two runs in one piece; a piece that starts inside a
     * run takes that run's time base, so each event is given the time that reading the run in one piece gives.
     */
    List<List<Piece>> parts(int maxParts) {
        List<Run> runs = runs();
        List<Integer> order = new ArrayList<>();
        List<Integer> runOf = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            for (int chunk : runs.get(r).chunks()) {
                order.add(chunk);
                runOf.add(r);
            }
        }
        long[] virtual = new long[order.size() + 1]; // the kept chunks as if they were one file, in reading order
        for (int i = 0; i < order.size(); i++) {
            virtual[i + 1] = virtual[i] + chunkSize(order.get(i));
        }
        List<List<Piece>> parts = new ArrayList<>();
        int next = 0;
        for (long[] range : ChunkParts.split(virtual, maxParts)) {
            List<Piece> pieces = new ArrayList<>();
            int end = next;
            while (end < order.size() && virtual[end] < range[1]) {
                end++;
            }
            for (int i = next; i < end; ) {
                int run = runOf.get(i);
                List<long[]> ranges = new ArrayList<>();
                for (; i < end && runOf.get(i) == run; i++) {
                    addRange(ranges, starts[order.get(i)], starts[order.get(i) + 1]);
                }
                pieces.add(new Piece(ranges, bases[runs.get(run).chunks().getFirst()]));
            }
            parts.add(pieces);
            next = end;
        }
        return parts;
    }

    /** Adds {@code [from, to)}, joined to the last range when it follows it directly. */
    private static void addRange(List<long[]> ranges, long from, long to) {
        if (!ranges.isEmpty() && ranges.getLast()[1] == from) {
            ranges.getLast()[1] = to;
        } else {
            ranges.add(new long[] {from, to});
        }
    }

    /** Whether {@code chunk} starts where {@code before} ended, by the ticks of one clock. */
    private boolean continues(int before, int chunk) {
        ChunkTimeBase a = bases[before];
        ChunkTimeBase b = bases[chunk];
        if (a.ticksPerSecond() != b.ticksPerSecond() || a.ticksPerSecond() <= 0) {
            return false;
        }
        double ticksPerNano = a.ticksPerSecond() / 1e9;
        double gapTicks = b.startTicks() - (a.startTicks() + durations[before] * ticksPerNano);
        return Math.abs(gapTicks) <= CONTINUES_WITHIN_NANOS * ticksPerNano;
    }
}
