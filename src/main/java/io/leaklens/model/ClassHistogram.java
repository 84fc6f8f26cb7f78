package io.leaklens.model;

import java.time.Duration;
import java.util.List;

/**
 * The objects of a heap counted by class: the live ones, right after a full collection ({@code GC.class_histogram}),
 * or all of them, garbage included, by a walk of the heap without collecting ({@code GC.class_histogram -all}).
 *
 * @param classes        the rows, most bytes first
 * @param totalInstances objects in all
 * @param totalBytes     their shallow size in all
 * @param took           how long the target was paused to collect and count (its time at safepoints meanwhile, or
 *                       the time the request took where that is not known)
 * @param liveOnly       whether only live objects were counted; a heap walk's counts, garbage included, tell how
 *                       long counting takes but not what grows
 */
public record ClassHistogram(List<HistogramEntry> classes, long totalInstances, long totalBytes, Duration took,
                             boolean liveOnly) {

    public static final ClassHistogram NONE = new ClassHistogram(List.of(), 0, 0, Duration.ZERO);

    public ClassHistogram {
        classes = HistogramRows.of(classes);
    }

    /** The live objects, counted after a full collection. */
    public ClassHistogram(List<HistogramEntry> classes, long totalInstances, long totalBytes, Duration took) {
        this(classes, totalInstances, totalBytes, took, true);
    }
}
