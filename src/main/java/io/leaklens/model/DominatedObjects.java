package io.leaklens.model;

import java.util.List;

/**
 * One level of a heap dump's dominator tree: the objects one object (or, at the top, only the GC roots) keeps alive
 * directly, the biggest first.
 *
 * @param entries       at most the number asked for, by retained size, largest first
 * @param total         how many the object dominates directly
 * @param restRetained  the retained bytes of those left out of {@code entries}, together
 */
public record DominatedObjects(List<DominatorEntry> entries, int total, long restRetained) {

    public DominatedObjects {
        entries = List.copyOf(entries);
    }

    /** How many are left out. */
    public int rest() {
        return total - entries.size();
    }
}
