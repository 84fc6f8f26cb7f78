package io.leaklens.ui.heap;

/**
 * One line of a chart, ready to draw: times in epoch seconds, values in the chart's unit.
 *
 * @param name   the legend's name
 * @param times  x values, ascending
 * @param values y values, as many as times
 */
public record ChartSeries(String name, double[] times, double[] values) {

    public int size() {
        return times.length;
    }
}
