package io.leaklens.heapdump;

import java.util.Arrays;

/**
 * The dump's object ids sorted, with the node of each: how an id is looked up (a binary search). Object ids are
 * addresses, 8-byte aligned; when they span less than 16 GB, id and node are packed into one long and sorted
 * together, which is several times faster than sorting the ids and searching each one afterwards.
 *
 * @param sorted       the ids, ascending
 * @param nodeOfSorted the node of {@code sorted[i]}
 */
record IdOrder(long[] sorted, int[] nodeOfSorted) {

    /** Sorts; returns null when an id appears twice, naming it in {@code twice[0]}. */
    static IdOrder of(long[] ids, long[] twice) {
        int n = ids.length;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean aligned = true;
        for (long id : ids) {
            min = Math.min(min, id);
            max = Math.max(max, id);
            aligned &= (id & 7) == 0;
        }
        long[] sorted = new long[n];
        int[] nodeOfSorted = new int[n];
        if (n > 0 && aligned && min >= 0 && (max - min) >>> 3 < 1L << 31) {
            for (int node = 0; node < n; node++) {
                sorted[node] = (ids[node] - min) >>> 3 << 32 | node;
            }
            Arrays.sort(sorted);
            for (int i = 0; i < n; i++) {
                nodeOfSorted[i] = (int) sorted[i];
                sorted[i] = ((sorted[i] >>> 32) << 3) + min;
            }
        } else {
            System.arraycopy(ids, 0, sorted, 0, n);
            Arrays.sort(sorted);
            for (int node = 0; node < n; node++) {
                int at = Arrays.binarySearch(sorted, ids[node]);
                nodeOfSorted[at] = node;
            }
        }
        for (int i = 1; i < n; i++) {
            if (sorted[i] == sorted[i - 1]) {
                twice[0] = sorted[i];
                return null;
            }
        }
        return new IdOrder(sorted, nodeOfSorted);
    }
}
