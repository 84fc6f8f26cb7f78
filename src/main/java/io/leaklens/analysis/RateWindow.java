package io.leaklens.analysis;

/**
 * Bytes per second over the last {@value #SECONDS} seconds, in one bucket per second. Time is the events' own
 * (seconds since the epoch), so a recording read from a file gives the same figures as the live stream did.
 */
final class RateWindow {

    static final int SECONDS = 60;

    private final long[] buckets = new long[SECONDS];
    private long latestSecond = Long.MIN_VALUE;

    void add(long epochSecond, long bytes) {
        advanceTo(epochSecond);
        if (epochSecond > latestSecond - SECONDS) {
            buckets[Math.floorMod(epochSecond, SECONDS)] += bytes;
        }
    }

    /** Moves the window's end to {@code epochSecond}, clearing the seconds it passes. */
    void advanceTo(long epochSecond) {
        if (epochSecond <= latestSecond) {
            return;
        }
        long steps = latestSecond == Long.MIN_VALUE ? SECONDS : Math.min(SECONDS, epochSecond - latestSecond);
        for (long s = epochSecond - steps + 1; s <= epochSecond; s++) {
            buckets[Math.floorMod(s, SECONDS)] = 0;
        }
        latestSecond = epochSecond;
    }

    /**
     * Adds another window's bytes, as if its samples had been added here. Exact: a window holds, for each second of
     * its last 60, the bytes of exactly that second (a bucket is cleared whenever its second is passed), so the merged
     * window keeps, of both, the seconds that are still within the last 60 of the later end.
     */
    void merge(RateWindow other) {
        if (other.latestSecond == Long.MIN_VALUE) {
            return;
        }
        advanceTo(other.latestSecond);
        for (long s = other.latestSecond - SECONDS + 1; s <= other.latestSecond; s++) {
            if (s > latestSecond - SECONDS) {
                buckets[Math.floorMod(s, SECONDS)] += other.buckets[Math.floorMod(s, SECONDS)];
            }
        }
    }

    /** Bytes per second in each of the last 60 seconds up to {@code nowSecond}, oldest first. */
    double[] rates(long nowSecond) {
        advanceTo(nowSecond);
        double[] rates = new double[SECONDS];
        for (int i = 0; i < SECONDS; i++) {
            long second = latestSecond - SECONDS + 1 + i;
            rates[i] = buckets[Math.floorMod(second, SECONDS)];
        }
        return rates;
    }

    /** Average bytes per second over the last {@code seconds} (at most 60) seconds. */
    static double average(double[] rates, int seconds) {
        int n = Math.max(1, Math.min(seconds, rates.length));
        double sum = 0;
        for (int i = rates.length - n; i < rates.length; i++) {
            sum += rates[i];
        }
        return sum / n;
    }
}
