package io.leaklens.analysis;

import io.leaklens.model.GraphEdge;
import io.leaklens.model.GraphNode;
import io.leaklens.model.ReferenceGraph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collapses, in an object-level graph, the leaves that differ only by identity: 500 entries of one list's array are
 * one node "OrderLog$Entry ×500" under the array, not 500 nodes. Objects that hold something, or are held from two
 * places, stay themselves.
 */
final class SiblingLeaves {

    private SiblingLeaves() {
    }

    static ReferenceGraph merge(ReferenceGraph graph) {
        Map<String, Integer> outgoing = new HashMap<>();
        Map<String, Integer> incoming = new HashMap<>();
        for (GraphEdge edge : graph.edges()) {
            outgoing.merge(edge.from(), 1, Integer::sum);
            incoming.merge(edge.to(), 1, Integer::sum);
        }
        Map<String, GraphNode> byId = new HashMap<>();
        graph.nodes().forEach(node -> byId.put(node.id(), node));

        // Group leaves by where they hang and how; the group's first leaf stands for all of them.
        Map<List<String>, List<GraphEdge>> groups = new LinkedHashMap<>();
        for (GraphEdge edge : graph.edges()) {
            GraphNode to = byId.get(edge.to());
            if (!to.isRoot() && !outgoing.containsKey(to.id()) && incoming.get(to.id()) == 1 && edge.omitted() == 0) {
                groups.computeIfAbsent(List.of(edge.from(), to.className(), slot(edge.field())), k -> new ArrayList<>())
                        .add(edge);
            }
        }
        Map<String, GraphNode> replaced = new HashMap<>();
        Map<String, GraphEdge> replacedEdges = new HashMap<>();
        Set<String> dropped = new HashSet<>();
        for (List<GraphEdge> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            GraphEdge first = group.getFirst();
            GraphNode merged = byId.get(first.to());
            long edgeCount = first.count();
            for (GraphEdge edge : group.subList(1, group.size())) {
                merged = combine(merged, byId.get(edge.to()));
                edgeCount += edge.count();
                dropped.add(edge.to());
            }
            replaced.put(merged.id(), merged);
            replacedEdges.put(merged.id(), new GraphEdge(first.from(), first.to(), slot(first.field()), edgeCount, 0));
        }
        if (dropped.isEmpty()) {
            return graph;
        }
        List<GraphNode> nodes = new ArrayList<>();
        for (GraphNode node : graph.nodes()) {
            if (!dropped.contains(node.id())) {
                nodes.add(replaced.getOrDefault(node.id(), node));
            }
        }
        List<GraphEdge> edges = new ArrayList<>();
        for (GraphEdge edge : graph.edges()) {
            if (!dropped.contains(edge.to())) {
                edges.add(replacedEdges.getOrDefault(edge.to(), edge));
            }
        }
        return new ReferenceGraph(graph.level(), nodes, edges, graph.samples(), graph.withoutPath());
    }

    private static String slot(String field) {
        return field != null && field.startsWith("[") ? "[]" : field;
    }

    private static GraphNode combine(GraphNode a, GraphNode b) {
        long bytes = a.sampledBytes() < 0 || b.sampledBytes() < 0 ? -1 : a.sampledBytes() + b.sampledBytes();
        Duration oldest = a.oldest() == null ? b.oldest()
                : b.oldest() == null || a.oldest().compareTo(b.oldest()) >= 0 ? a.oldest() : b.oldest();
        return new GraphNode(a.id(), a.kind(), a.className(), a.description(), a.count() + b.count(),
                a.samples() + b.samples(), bytes, a.arraySize() == b.arraySize() ? a.arraySize() : -1, oldest,
                a.allocatedAt().isEmpty() ? b.allocatedAt() : a.allocatedAt());
    }
}
