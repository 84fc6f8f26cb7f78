package io.leaklens.cli;

import io.leaklens.model.ByteSize;
import io.leaklens.model.GraphEdge;
import io.leaklens.model.GraphNode;
import io.leaklens.model.ReferenceGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph as an indented tree for a terminal, each root with what it holds:
 * <pre>
 * static fields of com.acme.OrderLog
 *   .ENTRIES → java.util.ArrayList
 *     .elementData → java.lang.Object[]
 *       [] ×500 → com.acme.OrderLog$Entry ×500  (500 samples, 12 KB)
 * </pre>
 * An object met again (a cycle, or a second path to it) is named with "(see above)" instead of being repeated.
 */
final class GraphText {

    private GraphText() {
    }

    static String render(ReferenceGraph graph) {
        if (graph.isEmpty()) {
            return "No reference paths: " + (graph.samples() == 0 ? "no old objects were sampled."
                    : graph.samples() + " old objects were sampled, none with a path to a GC root.");
        }
        Map<String, GraphNode> byId = new HashMap<>();
        Map<String, List<GraphEdge>> outgoing = new HashMap<>();
        graph.nodes().forEach(node -> byId.put(node.id(), node));
        graph.edges().forEach(edge -> outgoing.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge));
        StringBuilder text = new StringBuilder();
        text.append(graph.nodes().size()).append(" nodes, ").append(graph.edges().size()).append(" references, from ")
                .append(graph.samples() - graph.withoutPath()).append(" of ").append(graph.samples())
                .append(" sampled objects\n");
        Set<String> printed = new HashSet<>();
        for (GraphNode node : graph.nodes()) {
            if (node.isRoot()) {
                text.append('\n').append(node.description() == null ? node.className() : node.description())
                        .append('\n');
                printed.add(node.id());
                write(node.id(), 1, byId, outgoing, printed, text);
            }
        }
        return text.toString();
    }

    /** Depth first with an explicit stack: chains can be hundreds of objects deep. */
    private static void write(String rootId, int rootIndent, Map<String, GraphNode> byId,
                              Map<String, List<GraphEdge>> outgoing, Set<String> printed, StringBuilder text) {
        record Step(GraphEdge edge, int indent) { }
        List<Step> stack = new ArrayList<>();
        push(stack, outgoing.getOrDefault(rootId, List.of()), rootIndent, Step::new);
        while (!stack.isEmpty()) {
            Step step = stack.removeLast();
            GraphNode node = byId.get(step.edge().to());
            String label = step.edge().label();
            text.append("  ".repeat(step.indent()))
                    .append(label.isEmpty() ? "" : (label.startsWith("[") ? label : "." + label) + " → ")
                    .append(node.className()).append(node.count() > 1 ? " ×" + node.count() : "");
            if (!printed.add(node.id())) {
                text.append("  (see above)\n");
                continue;
            }
            if (node.samples() > 0) {
                text.append("  (").append(node.samples()).append(node.samples() == 1 ? " sample" : " samples")
                        .append(node.sampledBytes() > 0 ? ", " + ByteSize.format(node.sampledBytes()) : "")
                        .append(')');
            }
            text.append('\n');
            push(stack, outgoing.getOrDefault(node.id(), List.of()), step.indent() + 1, Step::new);
        }
    }

    private static <S> void push(List<S> stack, List<GraphEdge> edges, int indent,
                                 java.util.function.BiFunction<GraphEdge, Integer, S> step) {
        for (int i = edges.size() - 1; i >= 0; i--) {
            stack.add(step.apply(edges.get(i), indent));
        }
    }
}
