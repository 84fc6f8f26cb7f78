package io.leaklens.model;

/**
 * Where a graph node is drawn, in layout units (pixels at 100 % zoom).
 *
 * @param x      left
 * @param y      top
 * @param width  width
 * @param height height
 * @param depth  the node's column: 0 for roots, then one per reference away from them
 */
public record LayoutBox(double x, double y, double width, double height, int depth) {

    public double centerY() {
        return y + height / 2;
    }

    public double right() {
        return x + width;
    }

    public boolean contains(double px, double py) {
        return px >= x && px <= x + width && py >= y && py <= y + height;
    }
}
