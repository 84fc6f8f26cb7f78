package io.leaklens.heapdump;

import java.util.Arrays;

/** A growing char[] for the index's passes, without boxing. */
final class CharList {

    private char[] values = new char[1024];
    private int size;

    void add(char value) {
        if (size == values.length) {
            if (size == Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than " + size + " values");
            }
            values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, size * 2L));
        }
        values[size++] = value;
    }

    char get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    char[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
