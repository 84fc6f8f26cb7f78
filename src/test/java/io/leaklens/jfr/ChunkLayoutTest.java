package io.leaklens.jfr;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a file's chunks are read, from hand-built headers: runs, chunks held twice, parts and their time bases. */
class ChunkLayoutTest {

    private static final long MB = 1L << 20;
    private static final long TPS = 1_000_000_000L;

    /** Chunks by (start nanos, start ticks, duration, size), in file order. */
    private static ChunkLayout layout(long[]... chunks) {
        long[] starts = new long[chunks.length + 1];
        ChunkTimeBase[] bases = new ChunkTimeBase[chunks.length];
        long[] durations = new long[chunks.length];
        for (int i = 0; i < chunks.length; i++) {
            bases[i] = new ChunkTimeBase(chunks[i][0], chunks[i][1], TPS);
            durations[i] = chunks[i][2];
            starts[i + 1] = starts[i] + chunks[i][3];
        }
        return new ChunkLayout(starts, bases, durations);
    }

    /** A recording of {@code n} chunks of one JVM, each {@code seconds} long, starting at wall-clock {@code at}. */
    private static List<long[]> recording(long at, long ticks, int n, long seconds, long size) {
        List<long[]> chunks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chunks.add(new long[] {at + i * seconds * TPS, ticks + i * seconds * TPS, seconds * TPS, size});
        }
        return chunks;
    }

    private static ChunkLayout layout(List<long[]> chunks) {
        return layout(chunks.toArray(long[][]::new));
    }

    @Test
    void chunksThatFollowEachOtherAreOneRecordingReadAsOneFile() {
        ChunkLayout one = layout(recording(1_000 * TPS, 5 * TPS, 4, 10, MB));

        assertThat(one.runs()).hasSize(1);
        assertThat(one.readsAsOneFile()).isTrue();
        assertThat(one.repeatedChunks()).isZero();
    }

    /** JDK 17 writes a chunk's duration from the wall clock: a few hundred microseconds off still continue. */
    @Test
    void aChunkStartingWithinAMillisecondOfItsPredecessorsEndContinuesIt() {
        List<long[]> chunks = recording(1_000 * TPS, 5 * TPS, 2, 10, MB);
        chunks.get(1)[1] += 900_000; // 0.9 ms later by the ticks
        assertThat(layout(chunks).runs()).hasSize(1);
        chunks.get(1)[1] += 200_000; // 1.1 ms
        assertThat(layout(chunks).runs()).hasSize(2);
    }

    @Test
    void twoJvmsRecordingsAreTwoRunsOrderedByTheirStartWhateverTheFileOrder() {
        List<long[]> later = recording(2_000 * TPS, 3 * TPS, 2, 10, MB);
        List<long[]> earlier = recording(1_000 * TPS, 40 * TPS, 3, 10, MB);
        List<long[]> file = new ArrayList<>(later);
        file.addAll(earlier);

        ChunkLayout layout = layout(file);

        assertThat(layout.runs()).extracting(ChunkLayout.Run::chunks)
                .containsExactly(List.of(2, 3, 4), List.of(0, 1));
        assertThat(layout.readsAsOneFile()).isFalse();
        List<ChunkLayout.Piece> pieces = layout.parts(1).getFirst();
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0).ranges()).containsExactly(new long[] {2 * MB, 5 * MB});
        assertThat(pieces.get(0).base().startNanos()).isEqualTo(1_000 * TPS);
        assertThat(pieces.get(1).ranges()).containsExactly(new long[] {0, 2 * MB});
    }

    /** {@code cat first-dump.jfr second-dump.jfr}: the second dump repeats the first's chunks, then goes on. */
    @Test
    void chunksHeldTwiceAreReadOnceAndTheRecordingGoesOn() {
        List<long[]> recording = recording(1_000 * TPS, 5 * TPS, 5, 10, MB);
        List<long[]> file = new ArrayList<>(recording.subList(0, 3));
        file.addAll(recording); // the later dump: chunks 0-2 again, then 3 and 4

        ChunkLayout layout = layout(file);

        assertThat(layout.runs()).extracting(ChunkLayout.Run::chunks).containsExactly(List.of(0, 1, 2, 6, 7));
        assertThat(layout.repeatedChunks()).isEqualTo(3);
        assertThat(layout.readsAsOneFile()).isFalse();
        assertThat(layout.parts(1).getFirst().getFirst().ranges())
                .containsExactly(new long[] {0, 3 * MB}, new long[] {6 * MB, 8 * MB});
    }

    /** A part that starts inside a recording takes that recording's first time base, as reading it whole does. */
    @Test
    void aPartStartingInsideARecordingTakesTheRecordingsTimeBase() {
        List<long[]> file = new ArrayList<>(recording(1_000 * TPS, 5 * TPS, 2, 10, 10 * MB));
        file.addAll(recording(2_000 * TPS, 7 * TPS, 4, 10, 10 * MB));

        List<List<ChunkLayout.Piece>> parts = layout(file).parts(2);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).hasSize(2); // the first recording, then the start of the second
        assertThat(parts.get(1)).hasSize(1);
        assertThat(parts.get(1).getFirst().ranges().getFirst()[0]).isGreaterThan(20 * MB);
        assertThat(parts.get(1).getFirst().base()).isEqualTo(parts.get(0).get(1).base());
        assertThat(parts.get(1).getFirst().base().startNanos()).isEqualTo(2_000 * TPS);
        long total = parts.stream().flatMap(List::stream).mapToLong(ChunkLayout.Piece::bytes).sum();
        assertThat(total).isEqualTo(60 * MB);
    }
}
