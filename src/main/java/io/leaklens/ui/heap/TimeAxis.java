package io.leaklens.ui.heap;

import javafx.scene.chart.ValueAxis;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * An axis of wall-clock time in epoch seconds whose ticks fall on round times (every 5 s, 1 min, 15 min, ...).
 * NumberAxis would also put ticks at both ends of a scrolling window, where their labels collide.
 */
final class TimeAxis extends ValueAxis<Number> {

    private static final double[] UNITS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400,
            21600, 43200, 86400};
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final int MAX_TICKS = 8;

    private double unit = 60;

    TimeAxis() {
        setAutoRanging(false);
        setMinorTickVisible(false);
    }

    /** Shows {@code [from, to]} (epoch seconds). */
    void show(double from, double to) {
        double span = Math.max(1, to - from);
        unit = UNITS[UNITS.length - 1];
        for (double u : UNITS) {
            if (span / u <= MAX_TICKS) {
                unit = u;
                break;
            }
        }
        setLowerBound(from);
        setUpperBound(to);
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] bounds = (double[]) range;
        List<Number> ticks = new ArrayList<>();
        // Round to the local clock, not to the epoch: a tick every 15 min falls on :00, :15, ...
        double offset = ZoneId.systemDefault().getRules().getOffset(Instant.ofEpochSecond((long) bounds[0]))
                .getTotalSeconds();
        for (double t = Math.ceil((bounds[0] + offset) / unit) * unit - offset; t <= bounds[1]; t += unit) {
            ticks.add(t);
        }
        return ticks;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] bounds = (double[]) range;
        setLowerBound(bounds[0]);
        setUpperBound(bounds[1]);
    }

    @Override
    protected String getTickMarkLabel(Number seconds) {
        Instant t = Instant.ofEpochMilli(Math.round(seconds.doubleValue() * 1000));
        return unit >= 60 ? MINUTES.format(t) : SECONDS.format(t);
    }
}
