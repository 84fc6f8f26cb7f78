package io.leaklens.heapdump;

import java.util.ArrayList;
import java.util.List;

/**
 * A growing list of longs for the index's passes, without boxing, off the Java heap in chunks (growing copies
 * nothing and leaves no garbage behind).
 */
final class LongList {

    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final List<NativeArray> chunks = new ArrayList<>();
    private int size;

    void add(long value) {
        if (size == Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than " + size + " values");
        }
        if ((size & (CHUNK - 1)) == 0 && size >>> CHUNK_BITS == chunks.size()) {
            chunks.add(NativeArray.longs(CHUNK));
        }
        chunks.get(size >>> CHUNK_BITS).setLong(size & (CHUNK - 1), value);
        size++;
    }

    long get(int index) {
        return chunks.get(index >>> CHUNK_BITS).getLong(index & (CHUNK - 1));
    }

    int size() {
        return size;
    }

    long[] toArray() {
        long[] values = new long[size];
        for (int i = 0; i < size; i++) {
            values[i] = get(i);
        }
        return values;
    }
}
