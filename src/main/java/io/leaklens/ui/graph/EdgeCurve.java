package io.leaklens.ui.graph;

import io.leaklens.model.LayoutBox;

/**
 * Where a reference is drawn, the same on the canvas and in the SVG: a cubic curve from the referrer's right edge to
 * the referred node's left edge, or, back to an earlier column, an arc under both boxes into the target's bottom.
 */
record EdgeCurve(double startX, double startY, double c1x, double c1y, double c2x, double c2y, double endX,
                 double endY, boolean back) {

    static EdgeCurve between(LayoutBox from, LayoutBox to, boolean back) {
        if (back) {
            double startX = from.x() + from.width() / 2;
            double endX = to.x() + to.width() / 2;
            double startY = from.y() + from.height();
            double endY = to.y() + to.height();
            double sag = Math.max(startY, endY) + 40;
            return new EdgeCurve(startX, startY, startX, sag, endX, sag, endX, endY, true);
        }
        double bend = Math.max(24, (to.x() - from.right()) / 2);
        return new EdgeCurve(from.right(), from.centerY(), from.right() + bend, from.centerY(), to.x() - bend,
                to.centerY(), to.x(), to.centerY(), false);
    }
}
