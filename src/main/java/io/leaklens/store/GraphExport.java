package io.leaklens.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.leaklens.model.GraphEdge;
import io.leaklens.model.GraphNode;
import io.leaklens.model.ReferenceGraph;
import io.leaklens.model.StackFrame;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reference graph as text other tools read: the CLI contract's JSON ({@code nodes}, {@code edges}) and Graphviz
 * DOT, drawn left to right from the roots like the app draws it.
 */
public final class GraphExport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GraphExport() {
    }

    /** The contract's node: {@code id, className, kind, count, description}, then what the app shows besides. */
    record JsonNode(String id, String className, String kind, long count, String description, int samples,
                    long sampledBytes, int arraySize, Double oldestSeconds, String allocationSite) {
    }

    /** The contract's edge: {@code from, to, field}, then how many references it merges and any gap. */
    record JsonEdge(String from, String to, String field, long count, long omitted) {
    }

    record JsonGraph(String level, int samples, int samplesWithoutPath, List<JsonNode> nodes, List<JsonEdge> edges) {
    }

    public static String json(ReferenceGraph graph) {
        List<JsonNode> nodes = new ArrayList<>(graph.nodes().size());
        for (GraphNode node : graph.nodes()) {
            StackFrame top = StackFrame.allocationSite(node.allocatedAt()).orElse(null);
            nodes.add(new JsonNode(node.id(), node.className(), node.kind().contractName(), node.count(),
                    node.description(), node.samples(), node.sampledBytes(), node.arraySize(),
                    node.oldest() == null ? null : node.oldest().toMillis() / 1000.0,
                    top == null ? null : top.toString()));
        }
        List<JsonEdge> edges = new ArrayList<>(graph.edges().size());
        for (GraphEdge edge : graph.edges()) {
            edges.add(new JsonEdge(edge.from(), edge.to(), edge.field(), edge.count(), edge.omitted()));
        }
        try {
            return MAPPER.writeValueAsString(new JsonGraph(graph.level().name().toLowerCase(Locale.ROOT),
                    graph.samples(), graph.withoutPath(), nodes, edges));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the graph as JSON", e);
        }
    }

    public static String dot(ReferenceGraph graph) {
        StringBuilder out = new StringBuilder();
        out.append("digraph references {\n")
                .append("  rankdir=LR;\n")
                .append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f6f8fa\", fontname=\"Helvetica\"];\n")
                .append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        for (GraphNode node : graph.nodes()) {
            String label = node.className() + (node.count() > 1 ? " ×" + node.count() : "")
                    + (node.description() == null || !node.isRoot() ? "" : "\\n" + escape(node.description()));
            out.append("  ").append(node.id()).append(" [label=\"").append(escapeKeepingBreaks(label)).append('"');
            if (node.isRoot()) {
                out.append(", shape=box, fillcolor=\"#ddf4ff\"");
            } else if (node.samples() > 0) {
                out.append(", fillcolor=\"#fff1e5\"");
            }
            out.append("];\n");
        }
        for (GraphEdge edge : graph.edges()) {
            out.append("  ").append(edge.from()).append(" -> ").append(edge.to());
            String label = edge.label();
            List<String> attributes = new ArrayList<>();
            if (!label.isEmpty()) {
                attributes.add("label=\"" + escape(label) + "\"");
            }
            if (edge.omitted() > 0) {
                attributes.add("style=dashed");
            }
            if (!attributes.isEmpty()) {
                out.append(" [").append(String.join(", ", attributes)).append(']');
            }
            out.append(";\n");
        }
        return out.append("}\n").toString();
    }

    /** Writes text in UTF-8, atomically, like every file LeakLens saves. */
    public static void write(String text, Path file) throws SnapshotFileException {
        write(text.getBytes(StandardCharsets.UTF_8), file);
    }

    /** Writes a picture (or any bytes), atomically. */
    public static void write(byte[] bytes, Path file) throws SnapshotFileException {
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }

    /** Escapes a label whose {@code \n} line breaks were put there on purpose. */
    private static String escapeKeepingBreaks(String label) {
        String[] lines = label.split("\\\\n", -1);
        List<String> escaped = new ArrayList<>();
        for (String line : lines) {
            escaped.add(escape(line));
        }
        return String.join("\\n", escaped);
    }
}
