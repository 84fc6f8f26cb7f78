package io.leaklens.model;

import java.time.Duration;
import java.util.List;

/**
 * The live objects of a heap counted by class, right after a full collection ({@code GC.class_histogram}).
 *
 * @param classes        the rows, most bytes first
 * @param totalInstances live objects in all
 * @param totalBytes     their shallow size in all
 * @param took           how long the target took to collect and count: it was paused for about that long
 */
public record ClassHistogram(List<HistogramEntry> classes, long totalInstances, long totalBytes, Duration took) {

    public static final ClassHistogram NONE = new ClassHistogram(List.of(), 0, 0, Duration.ZERO);

    public ClassHistogram {
        classes = HistogramRows.of(classes);
    }
}
