package io.leaklens.model;

import java.util.Map;
import java.util.Set;

/**
 * A reference graph placed for drawing: roots in the left column, each reference one column further right.
 *
 * @param graph     the graph
 * @param boxes     the visible nodes' boxes by node id; nodes under a collapsed node have none
 * @param backEdges indexes (into the graph's edges) of references that point back to a column at or left of their
 *                  source: cycles and cross links, drawn as arcs
 * @param width     the drawing's width
 * @param height    the drawing's height
 */
public record GraphLayout(ReferenceGraph graph, Map<String, LayoutBox> boxes, Set<Integer> backEdges, double width,
                          double height) {

    public static final GraphLayout EMPTY = new GraphLayout(ReferenceGraph.EMPTY, Map.of(), Set.of(), 0, 0);

    public GraphLayout {
        boxes = Map.copyOf(boxes);
        backEdges = Set.copyOf(backEdges);
    }
}
