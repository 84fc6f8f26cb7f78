package io.leaklens.jfr;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance per distinct value, for values that come again and again as new objects; bounded: past its
 * capacity the table starts over. Not thread-safe: one per event source, like the mapper that owns it.
 */
final class Canonical<T> {

    private final int capacity;
    private final Map<T, T> known = new HashMap<>();

    Canonical(int capacity) {
        this.capacity = capacity;
    }

    /** The instance equal to {@code value} seen first, or {@code value} itself if none is known. */
    T of(T value) {
        T first = known.get(value);
        if (first != null) {
            return first;
        }
        if (known.size() >= capacity) {
            known.clear();
        }
        known.put(value, value);
        return value;
    }
}
