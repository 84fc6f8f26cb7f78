package io.leaklens.heapdump;

import java.util.Arrays;

/**
 * The dump's object ids sorted, with the node of each: how an id is looked up (a binary search). Object ids are
 * addresses, 8-byte aligned; when they span less than 16 GB, id and node are packed into one long and sorted
 * together, which is several times faster than sorting the ids and searching each one afterwards. The sort runs on
 * the heap (one long per object, for a moment); the result is kept off it.
 *
 * @param sorted       the ids, ascending (longs)
 * @param nodeOfSorted the node of {@code sorted[i]} (ints)
 * @param size         how many
 */
record IdOrder(NativeArray sorted, NativeArray nodeOfSorted, int size) {

    /** Sorts; returns null when an id appears twice, naming it in {@code twice[0]}. */
    static IdOrder of(LongList ids, long[] twice) {
        int n = ids.size();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean aligned = true;
        for (int node = 0; node < n; node++) {
            long id = ids.get(node);
            min = Math.min(min, id);
            max = Math.max(max, id);
            aligned &= (id & 7) == 0;
        }
        NativeArray sorted = NativeArray.longs(n);
        NativeArray nodeOfSorted = NativeArray.ints(n);
        if (n > 0 && aligned && min >= 0 && (max - min) >>> 3 < 1L << 31) {
            long[] packed = new long[n];
            for (int node = 0; node < n; node++) {
                packed[node] = (ids.get(node) - min) >>> 3 << 32 | node;
            }
            Arrays.sort(packed);
            for (int i = 0; i < n; i++) {
                nodeOfSorted.setInt(i, (int) packed[i]);
                sorted.setLong(i, ((packed[i] >>> 32) << 3) + min);
            }
        } else {
            long[] plain = ids.toArray();
            Arrays.sort(plain);
            for (int i = 0; i < n; i++) {
                sorted.setLong(i, plain[i]);
            }
            for (int node = 0; node < n; node++) {
                int at = Arrays.binarySearch(plain, ids.get(node));
                nodeOfSorted.setInt(at, node);
            }
        }
        for (int i = 1; i < n; i++) {
            if (sorted.getLong(i) == sorted.getLong(i - 1)) {
                twice[0] = sorted.getLong(i);
                return null;
            }
        }
        return new IdOrder(sorted, nodeOfSorted, n);
    }

    /** The node of an object id, or -1 when the dump holds no such object. */
    int nodeOf(long id) {
        long at = sorted.binarySearchLong(size, id);
        return at < 0 ? -1 : nodeOfSorted.getInt(at);
    }
}
