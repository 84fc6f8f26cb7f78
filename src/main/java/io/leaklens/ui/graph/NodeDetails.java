package io.leaklens.ui.graph;

import io.leaklens.analysis.GraphPaths;
import io.leaklens.model.ByteSize;
import io.leaklens.model.ClassNames;
import io.leaklens.model.GraphEdge;
import io.leaklens.model.GraphNode;
import io.leaklens.model.ReferenceGraph;
import io.leaklens.model.StackFrame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the side panel says about a node: its class, what refers to it and through which field, how many objects,
 * the samples' sizes and age, and where the first sample was allocated.
 *
 * @param title the class (or the root)
 * @param rows  label and value, in reading order
 * @param stack the allocation stack, innermost frame first
 */
record NodeDetails(String title, List<Row> rows, List<StackFrame> stack) {

    record Row(String label, String value) {
    }

    static final NodeDetails NONE = new NodeDetails("", List.of(), List.of());

    static NodeDetails of(ReferenceGraph graph, GraphNode node) {
        List<Row> rows = new ArrayList<>();
        if (node.isRoot()) {
            rows.add(new Row("GC root", node.description()));
        } else {
            rows.add(new Row("Class", ClassNames.readable(node.className())));
            rows.add(new Row("Objects", String.format("%,d", node.count())));
            Map<String, GraphNode> byId = new HashMap<>();
            graph.nodes().forEach(n -> byId.put(n.id(), n));
            Set<String> referrers = new LinkedHashSet<>();
            for (GraphEdge edge : GraphPaths.referencesTo(graph, node.id())) {
                GraphNode from = byId.get(edge.from());
                String holder = from.isRoot() ? from.description() : ClassNames.simpleName(from.className());
                referrers.add(edge.field() == null ? holder
                        : holder + (edge.field().equals("[]") ? " element" : edge.field().startsWith("[")
                        ? " element " + edge.field() : "." + edge.field())
                        + (edge.omitted() > 0 ? " (… " + edge.omitted() + " objects omitted)" : ""));
            }
            rows.add(new Row("Referred to by", String.join("\n", referrers)));
            if (node.arraySize() >= 0) {
                rows.add(new Row("Array length", String.format("%,d", node.arraySize())));
            }
            if (node.description() != null && !node.description().isBlank()) {
                rows.add(new Row("JFR says", node.description()));
            }
            if (node.samples() > 0) {
                rows.add(new Row("Sampled", node.samples() + (node.samples() == 1 ? " object" : " objects")
                        + (node.sampledBytes() > 0 ? ", " + ByteSize.format(node.sampledBytes()) : "")));
            }
            if (node.oldest() != null) {
                rows.add(new Row("Oldest sample", age(node.oldest())));
            }
        }
        int hops = GraphPaths.toRoot(graph, node.id()).size();
        if (!node.isRoot()) {
            rows.add(new Row("From its root", hops == 0 ? "no root reaches it" : hops + (hops == 1 ? " reference"
                    : " references")));
        }
        String title = node.isRoot() ? "GC root" : ClassNames.simpleName(ClassNames.readable(node.className()));
        return new NodeDetails(title, rows, node.allocatedAt());
    }

    private static String age(java.time.Duration age) {
        long s = age.toSeconds();
        return s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s / 3600 + " h";
    }
}
