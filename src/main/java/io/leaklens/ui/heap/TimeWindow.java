package io.leaklens.ui.heap;

import java.time.Duration;

/** How much of the session the charts show. */
public enum TimeWindow {
    LAST_15_MINUTES("Last 15 min", Duration.ofMinutes(15)),
    WHOLE_SESSION("Whole session", null);

    private final String label;
    private final Duration length;

    TimeWindow(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    /** The start of the window that ends at {@code end}, not before {@code sessionStart} (epoch seconds). */
    double start(double sessionStart, double end) {
        return length == null ? sessionStart : Math.max(sessionStart, end - length.toSeconds());
    }

    @Override
    public String toString() {
        return label;
    }
}
