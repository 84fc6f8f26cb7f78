package io.leaklens.ui.graph;

import io.leaklens.model.OldObjectSet;

/**
 * How another view sends the user to the reference graph with a class selected and the path that keeps it alive
 * highlighted: a suspect, an old object, a class that grew between two snapshots.
 */
@FunctionalInterface
public interface GraphLink {

    /** No graph to go to (a view shown on its own, in tests). */
    GraphLink NONE = (source, label, className) -> { };

    /**
     * @param source    the old objects to draw, or null for the session's own latest ones
     * @param label     what to call that source (for a snapshot: its name); ignored for the session's own
     * @param className the class to select
     */
    void show(OldObjectSet source, String label, String className);
}
