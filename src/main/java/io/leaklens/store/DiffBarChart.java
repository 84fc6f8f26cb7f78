package io.leaklens.store;

import io.leaklens.model.ClassDelta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static io.leaklens.store.DiffHtmlReport.esc;
import static io.leaklens.store.HumanUnits.signedSize;

/**
 * The comparison report's bar chart, as inline SVG: the classes that grew most (bars to the right) and shrank most
 * (to the left) in live bytes, on one scale, each bar naming its class and change.
 */
final class DiffBarChart {

    static final int CHART_GROWERS = 15;
    static final int CHART_SHRINKERS = 5;
    private static final int CHART_WIDTH = 960;
    private static final int AXIS = CHART_WIDTH / 2;
    private static final int ROW = 24;
    private static final int BAR = 14;
    private static final int VALUE_ROOM = 90;
    private static final int LABEL_CHARS = 60;

    private DiffBarChart() {
    }

    static void append(StringBuilder html, List<ClassDelta> classes) {
        List<ClassDelta> rows = new ArrayList<>(classes.stream().filter(c -> c.bytesDelta() > 0)
                .sorted(Comparator.comparingLong(ClassDelta::bytesDelta).reversed()
                        .thenComparing(ClassDelta::className))
                .limit(CHART_GROWERS).toList());
        // Shrinkers below, the biggest shrink last: the whole chart runs from most grown to most shrunk.
        rows.addAll(classes.stream().filter(c -> c.bytesDelta() < 0)
                .sorted(Comparator.comparingLong(ClassDelta::bytesDelta).thenComparing(ClassDelta::className))
                .limit(CHART_SHRINKERS).toList().reversed());
        html.append("<section id=\"chart\" class=\"card\">\n<h2>Biggest changes in live bytes</h2>\n");
        if (rows.isEmpty()) {
            html.append("<p class=\"empty\">No class changed in size.</p>\n</section>\n");
            return;
        }
        long max = rows.stream().mapToLong(c -> Math.abs(c.bytesDelta())).max().orElse(1);
        double scale = (double) (AXIS - VALUE_ROOM) / max;
        int height = rows.size() * ROW + 8;
        html.append("<div class=\"scroll\"><svg class=\"bars\" role=\"img\" aria-labelledby=\"chart-title\" ")
                .append("viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(height).append("\" width=\"")
                .append(CHART_WIDTH).append("\" height=\"").append(height).append("\">\n")
                .append("<title id=\"chart-title\">Live bytes grown (right) and shrunk (left) per class</title>\n");
        for (int i = 0; i < rows.size(); i++) {
            ClassDelta c = rows.get(i);
            boolean grew = c.bytesDelta() > 0;
            // At least a pixel: a class in the chart changed, so it should not look like it did not.
            double width = Math.max(1, Math.abs(c.bytesDelta()) * scale);
            double top = 4 + i * ROW + (ROW - BAR) / 2.0;
            double middle = 4 + i * ROW + ROW / 2.0;
            String value = signedSize(c.bytesDelta());
            html.append("<g><title>").append(esc(c.className())).append(": ").append(value).append("</title>")
                    .append("<rect class=\"bar ").append(grew ? "grow" : "shrink").append("\" x=\"")
                    .append(num(grew ? AXIS : AXIS - width)).append("\" y=\"").append(num(top))
                    .append("\" width=\"").append(num(width)).append("\" height=\"").append(BAR)
                    .append("\" rx=\"2\"/>")
                    .append("<text class=\"label\" x=\"").append(grew ? AXIS - 8 : AXIS + 8).append("\" y=\"")
                    .append(num(middle)).append("\" text-anchor=\"").append(grew ? "end" : "start").append("\">")
                    .append(esc(shorten(c.className()))).append("</text>")
                    .append("<text class=\"value\" x=\"").append(num(grew ? AXIS + width + 6 : AXIS - width - 6))
                    .append("\" y=\"").append(num(middle)).append("\" text-anchor=\"")
                    .append(grew ? "start" : "end").append("\">").append(value).append("</text></g>\n");
        }
        html.append("<line class=\"axis\" x1=\"").append(AXIS).append("\" y1=\"0\" x2=\"").append(AXIS)
                .append("\" y2=\"").append(height).append("\"/>\n</svg></div>\n")
                .append("<p class=\"legend\"><span class=\"swatch shrink\"></span>\u2190 shrank ")
                .append("<span class=\"swatch grow\"></span>grew \u2192 <span class=\"muted\">(top ")
                .append(CHART_GROWERS).append(" growers and ").append(CHART_SHRINKERS)
                .append(" shrinkers; hover a bar for the full name)</span></p>\n</section>\n");
    }

    /** Long names lose their start, not their end: the simple name is what a person recognises. */
    private static String shorten(String className) {
        return className.length() <= LABEL_CHARS ? className
                : "\u2026" + className.substring(className.length() - LABEL_CHARS + 1);
    }

    /** SVG coordinates with a dot whatever the default locale, and no needless digits. */
    static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
