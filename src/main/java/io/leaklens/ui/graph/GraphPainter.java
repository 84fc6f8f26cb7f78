package io.leaklens.ui.graph;

import io.leaklens.analysis.GraphLabels;
import io.leaklens.analysis.LayeredLayout;
import io.leaklens.model.GraphEdge;
import io.leaklens.model.GraphLayout;
import io.leaklens.model.GraphNode;
import io.leaklens.model.LayoutBox;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Draws a laid-out reference graph on a canvas: references as curves from a node's right edge to the next node's
 * left edge (arcs for references back to an earlier column), nodes as rounded boxes with the class and a second
 * line. What is off screen is skipped, and text is left out when zoomed too far out to read it, so that a graph of
 * 10,000 nodes pans smoothly.
 */
final class GraphPainter {

    /** Below this zoom text is too small to read: boxes only. */
    static final double TEXT_ZOOM = 0.45;
    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 13);
    private static final Font SUBTITLE = Font.font("System", 11);
    private static final Font EDGE = Font.font("System", 11);

    /** What to draw besides the graph itself. */
    record Marks(String selected, PathHighlight path, Set<String> matches, Predicate<String> collapsed) {
        static final Marks NONE = new Marks(null, PathHighlight.NONE, Set.of(), id -> false);
    }

    private GraphPainter() {
    }

    /**
     * @param scale zoom factor; {@code tx, ty} where the layout's origin lands on the canvas
     * @param w     the canvas's width, {@code h} its height, for culling
     */
    static void paint(GraphicsContext g, GraphLayout layout, GraphPalette palette, Marks marks, double scale,
                      double tx, double ty, double w, double h) {
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, w, h);
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        if (layout.boxes().isEmpty()) {
            return;
        }
        g.setTransform(scale, 0, 0, scale, tx, ty);
        // The visible part of the layout, in layout units.
        double left = -tx / scale;
        double top = -ty / scale;
        double right = left + w / scale;
        double bottom = top + h / scale;
        boolean text = scale >= TEXT_ZOOM;

        List<GraphEdge> edges = layout.graph().edges();
        g.setLineWidth(1.2);
        for (int pass = 0; pass < 2; pass++) {
            // The highlighted path goes last, on top of the rest.
            boolean highlightPass = pass == 1;
            for (int i = 0; i < edges.size(); i++) {
                if (marks.path().edges().contains(i) != highlightPass) {
                    continue;
                }
                GraphEdge edge = edges.get(i);
                LayoutBox from = layout.boxes().get(edge.from());
                LayoutBox to = layout.boxes().get(edge.to());
                if (from == null || to == null || !visible(from, to, left, top, right, bottom)) {
                    continue;
                }
                g.setStroke(highlightPass ? palette.highlight() : palette.edge());
                g.setLineWidth(highlightPass ? 2.6 : 1.2);
                g.setLineDashes(edge.omitted() > 0 ? new double[] {5, 4} : null);
                boolean back = layout.backEdges().contains(i);
                drawEdge(g, from, to, back);
                if (text && !back) {
                    g.setFill(highlightPass ? palette.highlight() : palette.subtext());
                    g.setFont(EDGE);
                    g.setTextAlign(TextAlignment.RIGHT);
                    g.setTextBaseline(VPos.BOTTOM);
                    g.fillText(edge.label(), to.x() - 6, to.centerY() - 3, LayeredLayout.COLUMN_GAP - 8);
                }
            }
        }
        g.setLineDashes(null);

        Map<String, GraphNode> nodes = new HashMap<>();
        layout.graph().nodes().forEach(node -> nodes.put(node.id(), node));
        for (Map.Entry<String, LayoutBox> entry : layout.boxes().entrySet()) {
            LayoutBox box = entry.getValue();
            if (box.right() < left || box.x() > right || box.y() + box.height() < top || box.y() > bottom) {
                continue;
            }
            drawNode(g, nodes.get(entry.getKey()), box, palette, marks, text);
        }
    }

    private static boolean visible(LayoutBox from, LayoutBox to, double left, double top, double right,
                                   double bottom) {
        double minX = Math.min(from.x(), to.x());
        double maxX = Math.max(from.right(), to.right());
        double minY = Math.min(from.y(), to.y());
        double maxY = Math.max(from.y(), to.y()) + from.height() + 60; // arcs swing below
        return maxX >= left && minX <= right && maxY >= top && minY <= bottom;
    }

    private static void drawEdge(GraphicsContext g, LayoutBox from, LayoutBox to, boolean back) {
        EdgeCurve c = EdgeCurve.between(from, to, back);
        g.beginPath();
        g.moveTo(c.startX(), c.startY());
        g.bezierCurveTo(c.c1x(), c.c1y(), c.c2x(), c.c2y(), c.endX(), c.endY());
        g.stroke();
        arrow(g, c.endX(), c.endY(), back ? -Math.PI / 2 : 0);
    }

    private static void arrow(GraphicsContext g, double x, double y, double angle) {
        double size = 6;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        g.beginPath();
        g.moveTo(x, y);
        g.lineTo(x - size * cos + size * 0.6 * sin, y - size * sin - size * 0.6 * cos);
        g.lineTo(x - size * cos - size * 0.6 * sin, y - size * sin + size * 0.6 * cos);
        g.closePath();
        g.setFill(g.getStroke());
        g.fill();
    }

    private static void drawNode(GraphicsContext g, GraphNode node, LayoutBox box, GraphPalette palette, Marks marks,
                                 boolean text) {
        boolean onPath = marks.path().nodes().contains(node.id());
        boolean match = marks.matches().contains(node.id());
        g.setFill(match ? palette.match() : node.isRoot() ? palette.rootFill()
                : node.samples() > 0 ? palette.sampleFill() : palette.nodeFill());
        g.fillRoundRect(box.x(), box.y(), box.width(), box.height(), 10, 10);
        boolean selected = node.id().equals(marks.selected());
        g.setStroke(selected ? palette.selected() : onPath ? palette.highlight() : palette.nodeStroke());
        g.setLineWidth(selected || onPath ? 2.4 : 1);
        g.strokeRoundRect(box.x(), box.y(), box.width(), box.height(), 10, 10);
        if (marks.collapsed().test(node.id())) {
            // A collapsed node: a "+" tab on its right edge says there is more behind it.
            double cx = box.right();
            double cy = box.centerY();
            g.setFill(palette.nodeStroke());
            g.fillOval(cx - 7, cy - 7, 14, 14);
            g.setStroke(palette.background());
            g.setLineWidth(1.6);
            g.strokeLine(cx - 3.5, cy, cx + 3.5, cy);
            g.strokeLine(cx, cy - 3.5, cx, cy + 3.5);
        }
        if (!text) {
            return;
        }
        double inner = box.width() - 16;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(palette.text());
        g.setFont(TITLE);
        g.fillText(fit(GraphLabels.title(node), inner, 7.6), box.x() + 8, box.y() + 5, inner);
        g.setFill(palette.subtext());
        g.setFont(SUBTITLE);
        g.fillText(fit(GraphLabels.subtitle(node), inner, 6.2), box.x() + 8, box.y() + 23, inner);
    }

    /** Cuts a text that would not fit with an ellipsis, rather than letting the canvas squeeze its letters. */
    static String fit(String text, double width, double charWidth) {
        int chars = (int) (width / charWidth);
        return text.length() <= chars || chars < 2 ? text : text.substring(0, chars - 1) + "…";
    }
}
