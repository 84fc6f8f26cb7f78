package io.leaklens.model;

import java.util.List;

/**
 * What keeps sampled objects alive: GC roots, the objects on their chains, and the references between them, merged
 * over many old-object samples.
 *
 * @param level          one node per object, or per class reached the same way
 * @param nodes          roots first, then objects in the order their chains reached them
 * @param edges          references, each between two nodes of this graph
 * @param samples        the samples the graph was built from
 * @param withoutPath    samples left out: no path searched, unreachable garbage, or LeakLens's own JFR buffers
 */
public record ReferenceGraph(GraphLevel level, List<GraphNode> nodes, List<GraphEdge> edges, int samples,
                             int withoutPath) {

    public static final ReferenceGraph EMPTY = new ReferenceGraph(GraphLevel.CLASSES, List.of(), List.of(), 0, 0);

    public ReferenceGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }
}
