package io.leaklens.analysis;

import io.leaklens.model.GraphEdge;
import io.leaklens.model.GraphNode;
import io.leaklens.model.ReferenceGraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Questions asked of a reference graph: what keeps this node alive, which nodes match a search. */
public final class GraphPaths {

    private GraphPaths() {
    }

    /**
     * The shortest chain of references from a GC root to the node, as indexes into the graph's edges, root end
     * first; empty for a root or a node no root reaches.
     */
    public static List<Integer> toRoot(ReferenceGraph graph, String nodeId) {
        Map<String, List<Integer>> incoming = new HashMap<>();
        for (int i = 0; i < graph.edges().size(); i++) {
            incoming.computeIfAbsent(graph.edges().get(i).to(), k -> new ArrayList<>()).add(i);
        }
        Map<String, GraphNode> byId = new HashMap<>();
        graph.nodes().forEach(node -> byId.put(node.id(), node));
        // Backwards, breadth first: the first root met is the nearest one.
        Map<String, Integer> reachedBy = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(nodeId));
        reachedBy.put(nodeId, -1);
        while (!queue.isEmpty()) {
            String id = queue.poll();
            GraphNode node = byId.get(id);
            if (node != null && node.isRoot()) {
                List<Integer> path = new ArrayList<>();
                for (String at = id; reachedBy.get(at) >= 0; ) {
                    int edge = reachedBy.get(at);
                    path.add(edge);
                    at = graph.edges().get(edge).to();
                }
                return path;
            }
            for (int edge : incoming.getOrDefault(id, List.of())) {
                String from = graph.edges().get(edge).from();
                if (!reachedBy.containsKey(from)) {
                    reachedBy.put(from, edge);
                    queue.add(from);
                }
            }
        }
        return List.of();
    }

    /** The nodes whose class name contains the text, ignoring case; most objects first. */
    public static List<GraphNode> search(ReferenceGraph graph, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        List<GraphNode> found = new ArrayList<>();
        for (GraphNode node : graph.nodes()) {
            String name = node.className() == null ? "" : node.className().toLowerCase(Locale.ROOT);
            String description = node.description() == null ? "" : node.description().toLowerCase(Locale.ROOT);
            if (name.contains(wanted) || node.isRoot() && description.contains(wanted)) {
                found.add(node);
            }
        }
        found.sort(Collections.reverseOrder(java.util.Comparator.comparingLong(GraphNode::count)));
        return found;
    }

    /**
     * The node that best stands for a class the user asked about (a suspect, a grown class): the one of that class
     * with the most sampled objects.
     */
    public static Optional<GraphNode> bestFor(ReferenceGraph graph, String className) {
        return graph.nodes().stream()
                .filter(node -> !node.isRoot() && node.className().equals(className))
                .max(java.util.Comparator.comparingInt(GraphNode::samples).thenComparingLong(GraphNode::count));
    }

    /** The node and every node that refers to it, directly or through others: what keeps it alive, all of it. */
    public static java.util.Set<String> referrersOf(ReferenceGraph graph, String nodeId) {
        Map<String, List<String>> from = new HashMap<>();
        for (GraphEdge edge : graph.edges()) {
            from.computeIfAbsent(edge.to(), k -> new ArrayList<>()).add(edge.from());
        }
        java.util.Set<String> seen = new java.util.HashSet<>(List.of(nodeId));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(nodeId));
        while (!queue.isEmpty()) {
            for (String referrer : from.getOrDefault(queue.poll(), List.of())) {
                if (seen.add(referrer)) {
                    queue.add(referrer);
                }
            }
        }
        return seen;
    }

    /** The references that point at the node, as indexes into the graph's edges. */
    public static List<GraphEdge> referencesTo(ReferenceGraph graph, String nodeId) {
        return graph.edges().stream().filter(edge -> edge.to().equals(nodeId)).toList();
    }
}
