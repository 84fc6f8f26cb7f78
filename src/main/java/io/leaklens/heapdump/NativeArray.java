package io.leaklens.heapdump;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A fixed-length, zeroed array of ints, longs or chars off the Java heap, freed once unreachable. A dump's index
 * holds tens of millions of objects: kept here, it does not count against LeakLens's heap, which stays small
 * enough for the app beside it. Which accessors apply is the creator's to know (package use only).
 */
final class NativeArray {

    private final MemorySegment memory;
    private final long length;
    private final long elementBytes;

    private NativeArray(long length, long elementBytes) {
        this.length = length;
        this.elementBytes = elementBytes;
        this.memory = Arena.ofAuto().allocate(Math.max(1, length) * elementBytes, elementBytes);
    }

    static NativeArray ints(long length) {
        return new NativeArray(length, Integer.BYTES);
    }

    /** A copy of {@code values}. */
    static NativeArray ints(int[] values) {
        NativeArray array = ints(values.length);
        MemorySegment.copy(MemorySegment.ofArray(values), 0, array.memory, 0, (long) values.length * Integer.BYTES);
        return array;
    }

    static NativeArray longs(long length) {
        return new NativeArray(length, Long.BYTES);
    }

    static NativeArray chars(long length) {
        return new NativeArray(length, Character.BYTES);
    }

    long length() {
        return length;
    }

    int getInt(long i) {
        return memory.getAtIndex(ValueLayout.JAVA_INT, i);
    }

    void setInt(long i, int value) {
        memory.setAtIndex(ValueLayout.JAVA_INT, i, value);
    }

    long getLong(long i) {
        return memory.getAtIndex(ValueLayout.JAVA_LONG, i);
    }

    void setLong(long i, long value) {
        memory.setAtIndex(ValueLayout.JAVA_LONG, i, value);
    }

    char getChar(long i) {
        return memory.getAtIndex(ValueLayout.JAVA_CHAR, i);
    }

    void setChar(long i, char value) {
        memory.setAtIndex(ValueLayout.JAVA_CHAR, i, value);
    }

    /** The first {@code newLength} elements (zeros past this array's end) in an array of their own. */
    NativeArray copyOf(long newLength) {
        NativeArray copy = new NativeArray(newLength, elementBytes);
        MemorySegment.copy(memory, 0, copy.memory, 0, Math.min(newLength, length) * elementBytes);
        return copy;
    }

    /**
     * Where {@code value} is among the first {@code size} longs, sorted ascending: its index, or
     * {@code -(insertion point) - 1}, as {@link java.util.Arrays#binarySearch(long[], long)}.
     */
    long binarySearchLong(long size, long value) {
        long low = 0;
        long high = size - 1;
        while (low <= high) {
            long mid = (low + high) >>> 1;
            long at = getLong(mid);
            if (at < value) {
                low = mid + 1;
            } else if (at > value) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }
}
