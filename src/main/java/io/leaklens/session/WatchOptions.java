package io.leaklens.session;

import io.leaklens.jfr.JfrSettings;

import java.time.Duration;

/**
 * How a live session samples its target.
 *
 * @param allocationThrottle allocation samples per unit of time, e.g. {@code 150/s} (JFR's throttle syntax)
 * @param oldObjectInterval  how often old objects are asked for; zero switches the schedule off
 */
public record WatchOptions(String allocationThrottle, Duration oldObjectInterval) {

    public static final WatchOptions DEFAULTS = new WatchOptions(JfrSettings.DEFAULT_THROTTLE,
            JfrFeed.DEFAULT_OLD_OBJECT_INTERVAL);

    /** Checks the values at once, so that a bad one is a usage error, not a failed stream. */
    public WatchOptions {
        if (oldObjectInterval == null || oldObjectInterval.isNegative()) {
            throw new IllegalArgumentException("the old-object interval must be zero (off) or positive");
        }
        allocationThrottle = JfrSettings.defaults().withAllocationThrottle(allocationThrottle).allocationThrottle();
    }

    JfrSettings jfrSettings() {
        return JfrSettings.defaults().withAllocationThrottle(allocationThrottle);
    }
}
