package io.leaklens.ui.heap;

import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.HeapSample;
import io.leaklens.model.LiveSetPoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The dashboard's three charts for one window of a session, thinned to what a chart can draw smoothly once a
 * second: heap (used, committed, live set after GC, GC markers), allocation rate, and off-heap memory. Values are
 * in MB (MB/s for the rate).
 *
 * @param from       window start, epoch seconds
 * @param to         window end, epoch seconds
 * @param heap       used, committed and live set
 * @param gcMarkers  the collections in the window (the longest ones if there are many), at their live set
 * @param allocation the allocation rate
 * @param offHeap    metaspace, direct buffers and mapped buffers
 */
public record HeapChartData(double from, double to, List<ChartSeries> heap, List<GcMarker> gcMarkers,
                            List<ChartSeries> allocation, List<ChartSeries> offHeap) {

    /** One collection to mark on the heap chart. */
    public record GcMarker(double time, double liveSetMb, GcEvent event) {
    }

    /** More points than this per series are thinned, keeping each bucket's extremes. */
    static final int MAX_POINTS = 600;
    static final int MAX_MARKERS = 200;
    private static final double MB = 1024.0 * 1024.0;

    public static final HeapChartData EMPTY = new HeapChartData(0, 1, List.of(), List.of(), List.of(), List.of());

    public static HeapChartData of(HeapHistory history, TimeWindow window) {
        if (history.samples().isEmpty()) {
            return EMPTY;
        }
        double sessionStart = seconds(history.samples().getFirst().time());
        double end = seconds(history.samples().getLast().time());
        double start = window.start(sessionStart, end);
        List<HeapSample> samples = history.samples().stream().filter(s -> seconds(s.time()) >= start).toList();
        List<LiveSetPoint> liveSet = history.liveSet().stream().filter(p -> seconds(p.time()) >= start).toList();
        List<ChartSeries> heap = List.of(
                series("Used", samples, s -> s.heapUsed() / MB),
                series("Committed", samples, s -> s.heapCommitted() / MB),
                thin(new ChartSeries("Live set after GC",
                        liveSet.stream().mapToDouble(p -> seconds(p.time())).toArray(),
                        liveSet.stream().mapToDouble(p -> p.bytes() / MB).toArray())));
        List<HeapSample> rated = samples.stream().filter(s -> !Double.isNaN(s.allocationRate())).toList();
        List<ChartSeries> allocation = List.of(series("Allocation rate", rated, s -> s.allocationRate() / MB));
        List<ChartSeries> offHeap = new ArrayList<>();
        offHeap.add(series("Metaspace", samples, s -> Math.max(0, s.metaspaceUsed()) / MB));
        offHeap.add(series("Direct buffers", samples, s -> Math.max(0, s.directBufferUsed()) / MB));
        offHeap.add(series("Mapped buffers", samples, s -> Math.max(0, s.mappedBufferUsed()) / MB));
        return new HeapChartData(start, Math.max(end, start + 1), heap, markers(history.gcEvents(), start),
                allocation, offHeap);
    }

    private static List<GcMarker> markers(List<GcEvent> events, double start) {
        List<GcEvent> inWindow = events.stream().filter(e -> seconds(e.end()) >= start).toList();
        if (inWindow.size() > MAX_MARKERS) {
            inWindow = inWindow.stream().sorted(Comparator.comparing(GcEvent::duration).reversed())
                    .limit(MAX_MARKERS).sorted(Comparator.comparing(GcEvent::end)).toList();
        }
        return inWindow.stream().map(e -> new GcMarker(seconds(e.end()), e.heapUsedAfter() / MB, e)).toList();
    }

    private static ChartSeries series(String name, List<HeapSample> samples, ToDoubleFunction<HeapSample> value) {
        return thin(new ChartSeries(name, samples.stream().mapToDouble(s -> seconds(s.time())).toArray(),
                samples.stream().mapToDouble(value).toArray()));
    }

    /** Keeps the lowest and the highest point of each bucket, in time order, so peaks survive thinning. */
    static ChartSeries thin(ChartSeries series) {
        int n = series.size();
        if (n <= MAX_POINTS) {
            return series;
        }
        int buckets = MAX_POINTS / 2;
        double[] times = new double[buckets * 2];
        double[] values = new double[buckets * 2];
        int out = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            if (from >= to) {
                continue;
            }
            int lo = from;
            int hi = from;
            for (int i = from; i < to; i++) {
                if (series.values()[i] < series.values()[lo]) {
                    lo = i;
                }
                if (series.values()[i] > series.values()[hi]) {
                    hi = i;
                }
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            times[out] = series.times()[first];
            values[out++] = series.values()[first];
            if (second != first) {
                times[out] = series.times()[second];
                values[out++] = series.values()[second];
            }
        }
        return new ChartSeries(series.name(), java.util.Arrays.copyOf(times, out), java.util.Arrays.copyOf(values, out));
    }

    static double seconds(java.time.Instant time) {
        return time.toEpochMilli() / 1000.0;
    }
}
