package io.leaklens.model;

import java.util.AbstractList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/**
 * The rows of a class histogram, held in columns: a name, an instance count and a byte count per class, rather than
 * an object per row. A live session keeps dozens of histograms of thousands of classes each; as objects they were a
 * fifth of LeakLens's own heap, and LeakLens watching LeakLens saw them pile up. Immutable; {@link #get} hands out a
 * fresh {@link HistogramEntry}.
 */
final class HistogramRows extends AbstractList<HistogramEntry> implements RandomAccess {

    private static final HistogramRows EMPTY = new HistogramRows(new String[0], new long[0], new long[0]);

    private final String[] names;
    private final long[] instances;
    private final long[] bytes;

    private HistogramRows(String[] names, long[] instances, long[] bytes) {
        this.names = names;
        this.instances = instances;
        this.bytes = bytes;
    }

    /**
     * The rows in columns, the list itself if it is already. Names are interned: the same classes come back in every
     * histogram of a target, and one string per class is enough.
     */
    static List<HistogramEntry> of(Collection<HistogramEntry> rows) {
        if (rows instanceof HistogramRows columns) {
            return columns;
        }
        if (rows.isEmpty()) {
            return EMPTY;
        }
        int n = rows.size();
        String[] names = new String[n];
        long[] instances = new long[n];
        long[] bytes = new long[n];
        int i = 0;
        for (HistogramEntry row : rows) {
            names[i] = row.className() == null ? null : row.className().intern(); // a damaged file is checked later
            instances[i] = row.instances();
            bytes[i] = row.bytes();
            i++;
        }
        return new HistogramRows(names, instances, bytes);
    }

    @Override
    public HistogramEntry get(int index) {
        return new HistogramEntry(names[index], instances[index], bytes[index]);
    }

    @Override
    public int size() {
        return names.length;
    }
}
