package io.leaklens.session;

import io.leaklens.jfr.JfrSettings;
import io.leaklens.model.Transport;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * How a live session samples its target.
 *
 * @param allocationThrottle allocation samples per unit of time, e.g. {@code 150/s} (JFR's throttle syntax)
 * @param oldObjectInterval  how often old objects are asked for; zero switches the schedule off
 * @param histogramInterval  how often a class histogram is taken for the leak rules (each makes the target run a
 *                           full GC); zero switches them off
 * @param histogramPauseLimit periodic histograms are skipped while each is predicted to pause the target this long
 *                           or longer ({@link #NO_PAUSE_LIMIT} when the user asked for them whatever they cost)
 * @param transport          how to reach the target; null for the cheapest it allows (without an agent when it can)
 */
public record WatchOptions(String allocationThrottle, Duration oldObjectInterval, Duration histogramInterval,
                           Duration histogramPauseLimit, Transport transport) {

    /**
     * Four histograms in 45 s, enough for the leak rules within a minute; each costs the target a full GC (tens of
     * ms on a small heap, about 0.2 s on 250 MB live: about 1.5 % of its time at this cadence).
     */
    public static final Duration DEFAULT_HISTOGRAM_INTERVAL = Duration.ofSeconds(15);

    /**
     * No action LeakLens takes by itself may pause the target this long (issue 8); the user is asked, or warned,
     * before one that may.
     */
    public static final Duration DEFAULT_PAUSE_LIMIT = Duration.ofSeconds(1);

    /** For histograms the user asked for by name: taken whatever the pause. */
    public static final Duration NO_PAUSE_LIMIT = ChronoUnit.FOREVER.getDuration();

    public static final WatchOptions DEFAULTS = new WatchOptions(JfrSettings.DEFAULT_THROTTLE,
            JfrFeed.DEFAULT_OLD_OBJECT_INTERVAL, DEFAULT_HISTOGRAM_INTERVAL);

    public WatchOptions(String allocationThrottle, Duration oldObjectInterval) {
        this(allocationThrottle, oldObjectInterval, DEFAULT_HISTOGRAM_INTERVAL);
    }

    public WatchOptions(String allocationThrottle, Duration oldObjectInterval, Duration histogramInterval) {
        this(allocationThrottle, oldObjectInterval, histogramInterval, DEFAULT_PAUSE_LIMIT);
    }

    public WatchOptions(String allocationThrottle, Duration oldObjectInterval, Duration histogramInterval,
                        Duration histogramPauseLimit) {
        this(allocationThrottle, oldObjectInterval, histogramInterval, histogramPauseLimit, null);
    }

    /**
     * Old objects stop being refreshed on schedule once a refresh paused the target this long: the default limit, or
     * a stricter one given for histograms. Lifting the histograms' limit does not lift it: the user asked for
     * histograms, not for longer path searches.
     */
    public Duration oldObjectPauseLimit() {
        return histogramPauseLimit.compareTo(DEFAULT_PAUSE_LIMIT) < 0 ? histogramPauseLimit : DEFAULT_PAUSE_LIMIT;
    }

    /** The same options with another limit, e.g. {@link #NO_PAUSE_LIMIT}. */
    public WatchOptions withHistogramPauseLimit(Duration limit) {
        return new WatchOptions(allocationThrottle, oldObjectInterval, histogramInterval, limit, transport);
    }

    /** The same options over another transport; null for the cheapest. */
    public WatchOptions withTransport(Transport newTransport) {
        return new WatchOptions(allocationThrottle, oldObjectInterval, histogramInterval, histogramPauseLimit,
                newTransport);
    }

    /** Checks the values at once, so that a bad one is a usage error, not a failed stream. */
    public WatchOptions {
        if (oldObjectInterval == null || oldObjectInterval.isNegative()) {
            throw new IllegalArgumentException("the old-object interval must be zero (off) or positive");
        }
        if (histogramInterval == null || histogramInterval.isNegative()) {
            throw new IllegalArgumentException("the histogram interval must be zero (off) or positive");
        }
        if (histogramPauseLimit == null || histogramPauseLimit.isNegative() || histogramPauseLimit.isZero()) {
            throw new IllegalArgumentException("the histogram pause limit must be positive");
        }
        allocationThrottle = JfrSettings.defaults().withAllocationThrottle(allocationThrottle).allocationThrottle();
    }

    JfrSettings jfrSettings() {
        return JfrSettings.defaults().withAllocationThrottle(allocationThrottle);
    }
}
