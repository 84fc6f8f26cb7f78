package io.leaklens.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * A time series that keeps its recent points as they came and merges older ones, so that it never holds more than
 * {@code recentCapacity + archiveCapacity} points however long it runs.
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

    /** All points, oldest first: merged ones, then recent ones. */
    public List<T> toList() {
        List<T> all = new ArrayList<>(archive.size() + recent.size());
        all.addAll(archive);
        all.addAll(recent);
        return all;
    }

    public int size() {
        return archive.size() + recent.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public T last() {
        return recent.isEmpty() ? (archive.isEmpty() ? null : archive.getLast()) : recent.peekLast();
    }
}
