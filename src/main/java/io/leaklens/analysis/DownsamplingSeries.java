package io.leaklens.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * A time series that keeps its recent points as they came and merges older ones, so that it never holds more than
 * {@code 1 + recentCapacity + archiveCapacity} points however long it runs.
 * <p>
 * The very first point is kept as it came: where a series started (its time, its cumulative counters) is what a
 * summary measures from, and a merged point carries the time and counters of the newest point it stands for.
 * <p>
 * When the recent part overflows, its oldest {@code bucketSize} points are merged into one archive point. When the
 * archive overflows, neighbouring archive points are merged pairwise, halving its resolution. Not thread-safe: one
 * thread adds, and hands out copies.
 */
public final class DownsamplingSeries<T> {

    private final int recentCapacity;
    private final int archiveCapacity;
    private final int bucketSize;
    private final BinaryOperator<T> merger;
    private final ArrayDeque<T> recent;
    private List<T> archive;
    private T first;

    /**
     * @param merger combines an older point with a newer one into one point that stands for both
     */
    public DownsamplingSeries(int recentCapacity, int archiveCapacity, int bucketSize, BinaryOperator<T> merger) {
        if (recentCapacity < bucketSize || archiveCapacity < 2 || bucketSize < 1) {
            throw new IllegalArgumentException("recentCapacity >= bucketSize >= 1 and archiveCapacity >= 2 required");
        }
        this.recentCapacity = recentCapacity;
        this.archiveCapacity = archiveCapacity;
        this.bucketSize = bucketSize;
        this.merger = merger;
        this.recent = new ArrayDeque<>(recentCapacity + 1);
        this.archive = new ArrayList<>();
    }

    public void add(T point) {
        if (first == null) {
            first = point;
            return;
        }
        recent.addLast(point);
        if (recent.size() > recentCapacity) {
            T merged = recent.pollFirst();
            for (int i = 1; i < bucketSize && !recent.isEmpty(); i++) {
                merged = merger.apply(merged, recent.pollFirst());
            }
            archive.add(merged);
            if (archive.size() > archiveCapacity) {
                halveArchive();
            }
        }
    }

    private void halveArchive() {
        List<T> halved = new ArrayList<>(archive.size() / 2 + 1);
        for (int i = 0; i < archive.size(); i += 2) {
            halved.add(i + 1 < archive.size() ? merger.apply(archive.get(i), archive.get(i + 1)) : archive.get(i));
        }
        archive = halved;
    }

    /** All points, oldest first: the first one, merged ones, then recent ones. */
    public List<T> toList() {
        List<T> all = new ArrayList<>(size());
        if (first != null) {
            all.add(first);
        }
        all.addAll(archive);
        all.addAll(recent);
        return all;
    }

    public int size() {
        return (first == null ? 0 : 1) + archive.size() + recent.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public T last() {
        return !recent.isEmpty() ? recent.peekLast() : !archive.isEmpty() ? archive.getLast() : first;
    }
}
