package io.leaklens.analysis;

import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.HeapSample;

import java.time.Duration;

/**
 * What a watch says about the heap in a few numbers: where it started and ended, the live-set trend, how much the
 * target collected and allocated.
 *
 * @param span                 time between the first and the last sample
 * @param samples              how many samples were taken (merged ones count once)
 * @param usedStart            heap in use at the first sample, -1 without samples
 * @param usedEnd              heap in use at the last sample, -1 without samples
 * @param committedEnd         heap committed at the last sample, -1 without samples
 * @param max                  the heap's limit, -1 if unknown
 * @param liveSetEnd           heap in use after the latest collection, -1 if none was seen
 * @param liveSetTrend         the least-squares trend of the live set
 * @param gcCount              collections during the watch
 * @param gcPauseTotal         time they took in all (as the collectors report it)
 * @param longestGc            the longest single collection seen, zero if none
 * @param averageAllocationRate bytes allocated per second on average, 0 when unknown
 */
public record HeapSummary(Duration span, int samples, long usedStart, long usedEnd, long committedEnd, long max,
                          long liveSetEnd, LiveSetTrend liveSetTrend, long gcCount, Duration gcPauseTotal,
                          Duration longestGc, double averageAllocationRate) {

    public static HeapSummary of(HeapHistory history) {
        if (history.samples().isEmpty()) {
            return new HeapSummary(Duration.ZERO, 0, -1, -1, -1, -1, -1, LiveSetTrend.of(history.liveSet()), 0,
                    Duration.ZERO, Duration.ZERO, 0);
        }
        HeapSample first = history.samples().getFirst();
        HeapSample last = history.samples().getLast();
        Duration longest = history.gcEvents().stream().map(GcEvent::duration).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        double rateSum = 0;
        int rates = 0;
        for (HeapSample s : history.samples()) {
            if (!Double.isNaN(s.allocationRate())) {
                rateSum += s.allocationRate();
                rates++;
            }
        }
        return new HeapSummary(Duration.between(first.time(), last.time()), history.samples().size(),
                first.heapUsed(), last.heapUsed(), last.heapCommitted(), last.heapMax(),
                history.latestLiveSet().map(p -> p.bytes()).orElse(-1L), LiveSetTrend.of(history.liveSet()),
                last.gcCount() - first.gcCount(), Duration.ofMillis(last.gcTimeMillis() - first.gcTimeMillis()),
                longest, rates == 0 ? 0 : rateSum / rates);
    }
}
