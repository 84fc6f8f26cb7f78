package io.leaklens.ui.graph;

import java.util.Set;

/**
 * The chain that keeps one node alive, drawn highlighted.
 *
 * @param target the node whose path it is ("" for none)
 * @param nodes  the nodes on the chain, root to target
 * @param edges  the references on it, as indexes into the graph's edges
 */
public record PathHighlight(String target, Set<String> nodes, Set<Integer> edges) {

    public static final PathHighlight NONE = new PathHighlight("", Set.of(), Set.of());

    public boolean isEmpty() {
        return target.isEmpty();
    }
}
