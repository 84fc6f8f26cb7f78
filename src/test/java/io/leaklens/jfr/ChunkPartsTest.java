package io.leaklens.jfr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkPartsTest {

    private static final long MB = 1L << 20;

    @Test
    void partsAreContiguousRunsOfWholeChunksOfAboutEqualSize() {
        // Ten copies of a recording of two chunks, 13 MB and 5 MB: 180 MB.
        long[] starts = new long[21];
        for (int i = 1; i < starts.length; i++) {
            starts[i] = starts[i - 1] + (i % 2 == 1 ? 13 : 5) * MB;
        }

        List<long[]> parts = ChunkParts.split(starts, 2);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)[0]).isZero();
        assertThat(parts.get(0)[1]).isEqualTo(parts.get(1)[0]).isIn((Object[]) box(starts));
        assertThat(parts.get(1)[1]).isEqualTo(180 * MB);
        assertThat(parts.get(0)[1]).isBetween(80 * MB, 100 * MB);
    }

    @Test
    void aSmallFileOrASingleChunkIsOnePart() {
        assertThat(ChunkParts.split(new long[] {0, 10 * MB, 20 * MB}, 4)).hasSize(1);
        assertThat(ChunkParts.split(new long[] {0, 500 * MB}, 4)).hasSize(1);
    }

    @Test
    void neverMorePartsThanChunksOrAsked() {
        long[] starts = {0, 100 * MB, 110 * MB, 300 * MB};

        List<long[]> parts = ChunkParts.split(starts, 8);

        assertThat(parts).hasSize(3);
        assertThat(parts).extracting(p -> p[1] - p[0]).containsExactly(100 * MB, 10 * MB, 190 * MB);
    }

    private static Long[] box(long[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Long[]::new);
    }
}
