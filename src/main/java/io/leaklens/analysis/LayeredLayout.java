package io.leaklens.analysis;

import io.leaklens.model.GraphEdge;
import io.leaklens.model.GraphLayout;
import io.leaklens.model.GraphNode;
import io.leaklens.model.LayoutBox;
import io.leaklens.model.ReferenceGraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Lays a reference graph out from its roots (left) to the objects they keep alive (right) as a tidy tree: a
 * breadth-first spanning tree gives each node its column and its parent, leaves take consecutive rows, and each
 * parent sits centred beside its children. The heaviest subtree comes first, so the biggest leak is on top.
 *
 * <p>Reference graphs of old-object chains are nearly trees (chains merged from the root), so this reads at a
 * glance where a general layered layout would spend its time on crossings that are not there. The references that
 * are not tree edges (cycles, two paths to one object) are drawn as arcs by the view.
 */
public final class LayeredLayout {

    public static final double NODE_HEIGHT = 42;
    public static final double ROW_GAP = 12;
    public static final double COLUMN_GAP = 72;
    private static final double MIN_WIDTH = 96;
    private static final double MAX_WIDTH = 300;

    /** A width that fits the node's class name and its count line without measuring a font. */
    public static final ToDoubleFunction<GraphNode> ESTIMATED_WIDTH = node -> {
        // Bold 13 px titles and 11 px subtitles: about 7.6 and 6.2 px a character, plus the padding.
        double text = Math.max(GraphLabels.title(node).length() * 7.6, GraphLabels.subtitle(node).length() * 6.2);
        return Math.clamp(text + 22, MIN_WIDTH, MAX_WIDTH);
    };

    private LayeredLayout() {
    }

    public static GraphLayout layout(ReferenceGraph graph) {
        return layout(graph, Set.of(), ESTIMATED_WIDTH);
    }

    /**
     * @param collapsed ids of nodes whose references are hidden (with everything reachable only through them)
     * @param width     each node's width
     */
    public static GraphLayout layout(ReferenceGraph graph, Set<String> collapsed, ToDoubleFunction<GraphNode> width) {
        return layout(graph, collapsed, width, null);
    }

    /**
     * @param visible the nodes to draw (say, one object and everything that refers to it), or null for all
     */
    public static GraphLayout layout(ReferenceGraph graph, Set<String> collapsed, ToDoubleFunction<GraphNode> width,
                                     Set<String> visible) {
        if (graph.isEmpty()) {
            return new GraphLayout(graph, Map.of(), Set.of(), 0, 0);
        }
        Map<String, GraphNode> byId = new HashMap<>();
        Map<String, List<String>> references = new HashMap<>();
        for (GraphNode node : graph.nodes()) {
            byId.put(node.id(), node);
            references.put(node.id(), new ArrayList<>());
        }
        for (GraphEdge edge : graph.edges()) {
            if (visible == null || visible.contains(edge.from()) && visible.contains(edge.to())) {
                references.get(edge.from()).add(edge.to());
            }
        }

        // Breadth first from the roots: a node's column is its distance from the nearest root.
        Map<String, Integer> depth = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        List<String> tops = new ArrayList<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (GraphNode node : graph.nodes()) {
            if (node.isRoot() && (visible == null || visible.contains(node.id()))) {
                depth.put(node.id(), 0);
                tops.add(node.id());
                queue.add(node.id());
            }
        }
        spread(queue, depth, children, references, collapsed);
        for (GraphNode node : graph.nodes()) {
            if (!depth.containsKey(node.id()) && (visible == null || visible.contains(node.id()))
                    && !reachableHidden(node.id(), graph, collapsed)) {
                // Not reached from any root (a graph built without roots): it starts a tree of its own.
                depth.put(node.id(), 0);
                tops.add(node.id());
                queue.add(node.id());
                spread(queue, depth, children, references, collapsed);
            }
        }

        Map<String, Long> weight = weights(tops, children, byId);
        Comparator<String> heaviestFirst = Comparator.comparingLong((String id) -> weight.get(id)).reversed();
        children.values().forEach(list -> list.sort(heaviestFirst));
        tops.sort(Comparator.comparing((String id) -> !byId.get(id).isRoot()).thenComparing(heaviestFirst));

        int columns = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        double[] columnWidth = new double[columns];
        Map<String, Double> widths = new HashMap<>();
        depth.forEach((id, column) -> {
            double w = width.applyAsDouble(byId.get(id));
            widths.put(id, w);
            columnWidth[column] = Math.max(columnWidth[column], w);
        });
        double[] columnX = new double[columns];
        for (int c = 1; c < columns; c++) {
            columnX[c] = columnX[c - 1] + columnWidth[c - 1] + COLUMN_GAP;
        }

        Map<String, Double> top = rows(tops, children);
        Map<String, LayoutBox> boxes = new HashMap<>();
        double bottom = 0;
        for (Map.Entry<String, Double> entry : top.entrySet()) {
            String id = entry.getKey();
            int column = depth.get(id);
            boxes.put(id, new LayoutBox(columnX[column], entry.getValue(), widths.get(id), NODE_HEIGHT, column));
            bottom = Math.max(bottom, entry.getValue() + NODE_HEIGHT);
        }
        Set<Integer> back = new HashSet<>();
        for (int i = 0; i < graph.edges().size(); i++) {
            GraphEdge edge = graph.edges().get(i);
            LayoutBox from = boxes.get(edge.from());
            LayoutBox to = boxes.get(edge.to());
            if (from != null && to != null && to.depth() <= from.depth()) {
                back.add(i);
            }
        }
        double right = columnX[columns - 1] + columnWidth[columns - 1];
        return new GraphLayout(graph, boxes, back, right, bottom);
    }

    private static void spread(ArrayDeque<String> queue, Map<String, Integer> depth,
                               Map<String, List<String>> children, Map<String, List<String>> references,
                               Set<String> collapsed) {
        while (!queue.isEmpty()) {
            String id = queue.poll();
            List<String> own = children.computeIfAbsent(id, k -> new ArrayList<>());
            if (collapsed.contains(id)) {
                continue;
            }
            for (String next : references.get(id)) {
                if (!depth.containsKey(next)) {
                    depth.put(next, depth.get(id) + 1);
                    own.add(next);
                    queue.add(next);
                }
            }
        }
    }

    /** Whether a node unreached from the roots is only hidden under a collapsed node (so it stays hidden). */
    private static boolean reachableHidden(String id, ReferenceGraph graph, Set<String> collapsed) {
        if (collapsed.isEmpty()) {
            return false;
        }
        return graph.edges().stream().anyMatch(edge -> edge.to().equals(id));
    }

    /** Objects kept alive under each node, counted once per tree node: what "heaviest" means when ordering. */
    private static Map<String, Long> weights(List<String> tops, Map<String, List<String>> children,
                                             Map<String, GraphNode> byId) {
        Map<String, Long> weight = new HashMap<>();
        for (String id : postOrder(tops, children)) {
            long sum = byId.get(id).count();
            for (String child : children.get(id)) {
                sum += weight.get(child);
            }
            weight.put(id, sum);
        }
        return weight;
    }

    /** Each node's top: leaves on consecutive rows, a parent centred on its first and last child. */
    private static Map<String, Double> rows(List<String> tops, Map<String, List<String>> children) {
        Map<String, Double> top = new HashMap<>();
        double next = 0;
        for (String id : postOrder(tops, children)) {
            List<String> own = children.get(id);
            if (own.isEmpty()) {
                top.put(id, next);
                next += NODE_HEIGHT + ROW_GAP;
            } else {
                top.put(id, (top.get(own.getFirst()) + top.get(own.getLast())) / 2);
            }
        }
        return top;
    }

    /** Children before their parent, siblings in order; iterative, since chains may be hundreds deep. */
    private static List<String> postOrder(List<String> tops, Map<String, List<String>> children) {
        List<String> order = new ArrayList<>(children.size());
        ArrayDeque<String> stack = new ArrayDeque<>();
        ArrayDeque<Integer> nextChild = new ArrayDeque<>();
        for (String root : tops) {
            stack.push(root);
            nextChild.push(0);
            while (!stack.isEmpty()) {
                String id = stack.peek();
                int index = nextChild.pop();
                List<String> own = children.get(id);
                if (index < own.size()) {
                    nextChild.push(index + 1);
                    stack.push(own.get(index));
                    nextChild.push(0);
                } else {
                    stack.pop();
                    order.add(id);
                }
            }
        }
        return order;
    }
}
