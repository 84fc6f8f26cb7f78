package io.leaklens.analysis;

import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.HeapSample;
import io.leaklens.model.LiveSetPoint;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A session's memory history, bounded: one sample per second for the last 30 minutes, coarser before that, and
 * the most recent collections. Fed by one thread; {@link #history()} hands out an immutable copy.
 */
public final class HeapTimeline {

    /** One-second samples kept at full resolution: twice the 15 minutes the dashboard shows. */
    static final int RECENT_SAMPLES = 1_800;
    /** Merged samples: ten seconds each at first, coarser as the session grows. */
    static final int ARCHIVE_SAMPLES = 4_320;
    static final int RECENT_LIVE_SET = 4_000;
    static final int ARCHIVE_LIVE_SET = 4_000;
    static final int GC_EVENTS = 10_000;

    private final DownsamplingSeries<HeapSample> samples =
            new DownsamplingSeries<>(RECENT_SAMPLES, ARCHIVE_SAMPLES, 10, HeapTimeline::mergeSamples);
    private final DownsamplingSeries<LiveSetPoint> liveSet =
            new DownsamplingSeries<>(RECENT_LIVE_SET, ARCHIVE_LIVE_SET, 10, HeapTimeline::mergeLiveSet);
    private final ArrayDeque<GcEvent> gcEvents = new ArrayDeque<>();
    private final AllocationRateEstimator allocationRate = new AllocationRateEstimator();

    /** Adds a sample; its allocation rate is estimated from the previous sample and the collections in between. */
    public HeapSample add(HeapSample sample) {
        HeapSample withRate = sample.withAllocationRate(allocationRate.next(sample));
        samples.add(withRate);
        return withRate;
    }

    public void add(GcEvent event) {
        gcEvents.addLast(event);
        if (gcEvents.size() > GC_EVENTS) {
            gcEvents.pollFirst();
        }
        allocationRate.collected(event);
        liveSet.add(new LiveSetPoint(event.end(), event.heapUsedAfter()));
    }

    /** A live-set point without the collection's details (e.g. from a recording's heap summaries). */
    public void add(LiveSetPoint point) {
        liveSet.add(point);
    }

    public HeapHistory history() {
        return new HeapHistory(samples.toList(), liveSet.toList(), List.copyOf(gcEvents));
    }

    public boolean isEmpty() {
        return samples.isEmpty();
    }

    /**
     * Merging keeps what a memory chart must not lose: the highest heap use of the span and its latest limits.
     * Counters are cumulative, so the newer ones stand for both.
     */
    static HeapSample mergeSamples(HeapSample older, HeapSample newer) {
        return new HeapSample(newer.time(),
                Math.max(older.heapUsed(), newer.heapUsed()),
                Math.max(older.heapCommitted(), newer.heapCommitted()),
                newer.heapMax(),
                Math.max(older.metaspaceUsed(), newer.metaspaceUsed()),
                Math.max(older.nonHeapUsed(), newer.nonHeapUsed()),
                Math.max(older.directBufferUsed(), newer.directBufferUsed()),
                Math.max(older.mappedBufferUsed(), newer.mappedBufferUsed()),
                Math.max(older.threadCount(), newer.threadCount()),
                newer.gcCount(), newer.gcTimeMillis(), mean(older.allocationRate(), newer.allocationRate()),
                mean(older.processCpu(), newer.processCpu()), mean(older.monitoringCpu(), newer.monitoringCpu()));
    }

    /** Of two rates, their mean, or the one that is known. */
    private static double mean(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : (a + b) / 2;
    }

    /** The lowest live set of the span is the honest one: a young collection leaves more garbage behind. */
    static LiveSetPoint mergeLiveSet(LiveSetPoint older, LiveSetPoint newer) {
        return new LiveSetPoint(newer.time(), Math.min(older.bytes(), newer.bytes()));
    }

    /** Time covered so far, zero when empty. */
    public Duration span() {
        List<HeapSample> all = samples.toList();
        return all.size() < 2 ? Duration.ZERO : Duration.between(all.getFirst().time(), all.getLast().time());
    }
}
