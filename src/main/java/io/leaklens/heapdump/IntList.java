package io.leaklens.heapdump;

import java.util.Arrays;

/** A growing int[] for the index's passes, without boxing: for the few (roots); objects go to {@link LongList}. */
final class IntList {

    private int[] values = new int[1024];
    private int size;

    void add(int value) {
        if (size == values.length) {
            if (size == Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than " + size + " values");
            }
            values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, size * 2L));
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
