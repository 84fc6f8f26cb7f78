package io.leaklens.ui.graph;

import io.leaklens.analysis.GraphLabels;
import io.leaklens.model.GraphEdge;
import io.leaklens.model.GraphLayout;
import io.leaklens.model.GraphNode;
import io.leaklens.model.LayoutBox;

import java.util.List;
import java.util.Locale;

/**
 * The graph as an SVG picture, drawn like the canvas draws it (same layout, same theme colours), with text that
 * stays text: searchable, selectable, sharp at any size.
 */
final class GraphSvg {

    private static final double MARGIN = 20;

    private GraphSvg() {
    }

    static String render(GraphLayout layout, GraphPalette palette, PathHighlight path) {
        StringBuilder svg = new StringBuilder();
        double w = layout.width() + 2 * MARGIN;
        double h = layout.height() + 2 * MARGIN + 60;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(w)).append("\" height=\"")
                .append(num(h)).append("\" viewBox=\"0 0 ").append(num(w)).append(' ').append(num(h))
                .append("\" font-family=\"sans-serif\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"").append(GraphPalette.hex(palette.background()))
                .append("\"/>\n<g transform=\"translate(").append(num(MARGIN)).append(' ').append(num(MARGIN))
                .append(")\">\n");
        List<GraphEdge> edges = layout.graph().edges();
        for (int i = 0; i < edges.size(); i++) {
            GraphEdge edge = edges.get(i);
            LayoutBox from = layout.boxes().get(edge.from());
            LayoutBox to = layout.boxes().get(edge.to());
            if (from == null || to == null) {
                continue;
            }
            boolean onPath = path.edges().contains(i);
            String colour = GraphPalette.hex(onPath ? palette.highlight() : palette.edge());
            svg.append("<path d=\"").append(curve(from, to, layout.backEdges().contains(i)))
                    .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"")
                    .append(onPath ? "2.6" : "1.2").append('"')
                    .append(edge.omitted() > 0 ? " stroke-dasharray=\"5 4\"" : "").append("/>\n");
            if (!layout.backEdges().contains(i) && !edge.label().isEmpty()) {
                svg.append("<text x=\"").append(num(to.x() - 6)).append("\" y=\"").append(num(to.centerY() - 4))
                        .append("\" font-size=\"10.5\" text-anchor=\"end\" fill=\"")
                        .append(GraphPalette.hex(palette.subtext())).append("\">").append(escape(edge.label()))
                        .append("</text>\n");
            }
        }
        for (GraphNode node : layout.graph().nodes()) {
            LayoutBox box = layout.boxes().get(node.id());
            if (box == null) {
                continue;
            }
            String fill = GraphPalette.hex(node.isRoot() ? palette.rootFill()
                    : node.samples() > 0 ? palette.sampleFill() : palette.nodeFill());
            boolean onPath = path.nodes().contains(node.id());
            svg.append("<g><title>").append(escape(node.className())).append("</title>")
                    .append("<rect x=\"").append(num(box.x())).append("\" y=\"").append(num(box.y()))
                    .append("\" width=\"").append(num(box.width())).append("\" height=\"").append(num(box.height()))
                    .append("\" rx=\"5\" fill=\"").append(fill).append("\" stroke=\"")
                    .append(GraphPalette.hex(onPath ? palette.highlight() : palette.nodeStroke()))
                    .append("\" stroke-width=\"").append(onPath ? "2.4" : "1").append("\"/>")
                    .append("<text x=\"").append(num(box.x() + 8)).append("\" y=\"").append(num(box.y() + 16))
                    .append("\" font-size=\"12\" font-weight=\"bold\" fill=\"").append(GraphPalette.hex(palette.text()))
                    .append("\">").append(escape(GraphPainter.fit(GraphLabels.title(node), box.width() - 16, 7)))
                    .append("</text>")
                    .append("<text x=\"").append(num(box.x() + 8)).append("\" y=\"").append(num(box.y() + 31))
                    .append("\" font-size=\"10.5\" fill=\"").append(GraphPalette.hex(palette.subtext())).append("\">")
                    .append(escape(GraphPainter.fit(GraphLabels.subtitle(node), box.width() - 16, 6)))
                    .append("</text></g>\n");
        }
        return svg.append("</g>\n</svg>\n").toString();
    }

    private static String curve(LayoutBox from, LayoutBox to, boolean back) {
        EdgeCurve c = EdgeCurve.between(from, to, back);
        return "M" + num(c.startX()) + " " + num(c.startY()) + " C" + num(c.c1x()) + " " + num(c.c1y()) + " "
                + num(c.c2x()) + " " + num(c.c2y()) + " " + num(c.endX()) + " " + num(c.endY());
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
