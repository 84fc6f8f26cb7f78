package io.leaklens.ui.graph;

import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The graph's colours as the theme's CSS gave them to the canvas ({@code -ll-*} properties in app.css), so that a
 * painter, the PNG and the SVG export all use the same ones.
 */
record GraphPalette(Paint background, Paint nodeFill, Paint nodeStroke, Paint rootFill, Paint sampleFill,
                    Paint text, Paint subtext, Paint edge, Paint highlight, Paint match, Paint selected) {

    /** A colour as SVG writes it: {@code #rrggbb}, plus opacity where there is one. */
    static String hex(Paint paint) {
        Color color = paint instanceof Color c ? c : Color.GRAY;
        return String.format("#%02x%02x%02x", Math.round(color.getRed() * 255), Math.round(color.getGreen() * 255),
                Math.round(color.getBlue() * 255));
    }
}
