package io.leaklens.jfr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a recording's chunks into contiguous runs of about equal size, so that each run can be read on its own
 * thread: a JFR chunk is self-contained (its own metadata and constant pools), and an {@code EventStream} reads a
 * file of whole chunks, so a run copied to a file of its own reads as if it were a recording by itself.
 */
final class ChunkParts {

    /** Smaller parts are not worth a thread and a copy. */
    static final long MIN_PART_BYTES = 16L << 20;

    private ChunkParts() {
    }

    /**
     * @param starts where the chunks start, then the file's size (as {@link ChunkCheck#check} gives them)
     * @return byte ranges {@code [from, to)} of whole chunks, in file order: at most {@code maxParts}, none smaller
     *         than about {@link #MIN_PART_BYTES} unless there is only one
     */
    static List<long[]> split(long[] starts, int maxParts) {
        long size = starts[starts.length - 1];
        int chunks = starts.length - 1;
        int parts = (int) Math.max(1, Math.min(Math.min(maxParts, chunks), size / MIN_PART_BYTES));
        List<long[]> ranges = new ArrayList<>(parts);
        int chunk = 0;
        for (int part = 0; part < parts; part++) {
            long from = starts[chunk];
            long target = size * (part + 1) / parts; // where this part should end, by bytes
            int end = chunk + 1;
            // Each part takes at least one chunk and leaves at least one to each later part.
            int last = chunks - (parts - part - 1);
            while (end < last && Math.abs(starts[end + 1] - target) <= Math.abs(starts[end] - target)) {
                end++;
            }
            if (part == parts - 1) {
                end = chunks;
            }
            ranges.add(new long[] {from, starts[end]});
            chunk = end;
        }
        return ranges;
    }
}
