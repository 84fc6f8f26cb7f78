package io.leaklens.ui.heap;

/**
 * One tile of the dashboard.
 *
 * @param id     a stable key (also the tile's CSS id)
 * @param label  what it is, e.g. "Heap used"
 * @param value  the figure, e.g. "52.1 MB"
 * @param detail a line of context, e.g. "of 128 MB committed · 256 MB max"
 */
public record Metric(String id, String label, String value, String detail) {
}
