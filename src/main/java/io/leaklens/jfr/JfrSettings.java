package io.leaklens.jfr;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What LeakLens asks a target to record, and how much of the stream it keeps on the client side.
 *
 * @param allocationThrottle at most this many {@code jdk.ObjectAllocationSample} events, e.g. {@code 150/s} (the
 *                           JDK's default.jfc; profile.jfc uses 300/s)
 * @param oldObjectCutoff    how long the target may search for paths to GC roots when it emits old-object samples:
 *                           the search pauses the target, so it is always finite
 * @param maxAge             how long the stream's client-side buffer keeps data
 * @param maxSize            how many bytes the stream's client-side buffer keeps at most
 */
public record JfrSettings(String allocationThrottle, Duration oldObjectCutoff, Duration maxAge, long maxSize) {

    public static final String DEFAULT_THROTTLE = "150/s";
    /**
     * The path search stops after this, and the target pauses for the search plus what JFR does around it (about
     * 0.35–0.45 s more on 2 GB live): with 1 s, 2 GB paused 1.3–1.4 s; with this, well under 1 s. Shallow paths,
     * those of leaking collections held by static fields, are found first; a small heap's search ends before it.
     */
    public static final Duration DEFAULT_CUTOFF = io.leaklens.model.OldObjectSet.DEFAULT_SEARCH_LIMIT;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(2);
    public static final long DEFAULT_MAX_SIZE = 50L * 1024 * 1024;

    /** The rate syntax both JDK 17 and JDK 25 targets accept: a whole number, a slash, a time unit. */
    private static final Pattern RATE = Pattern.compile("\\s*(\\d{1,18})\\s*/\\s*(\\S+)\\s*");
    private static final Set<String> RATE_UNITS = Set.of("ns", "us", "ms", "s", "m", "h", "d");

    public JfrSettings {
        Objects.requireNonNull(allocationThrottle, "allocationThrottle");
        Objects.requireNonNull(oldObjectCutoff, "oldObjectCutoff");
        Objects.requireNonNull(maxAge, "maxAge");
        allocationThrottle = normalizedRate(allocationThrottle);
        checkCutoff(oldObjectCutoff);
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the stream's max age must be positive, not " + maxAge);
        }
        if (maxSize <= 0) {
            throw new IllegalArgumentException("the stream's max size must be positive, not " + maxSize + " bytes");
        }
    }

    public static JfrSettings defaults() {
        return new JfrSettings(DEFAULT_THROTTLE, DEFAULT_CUTOFF, DEFAULT_MAX_AGE, DEFAULT_MAX_SIZE);
    }

    public JfrSettings withAllocationThrottle(String throttle) {
        return new JfrSettings(throttle, oldObjectCutoff, maxAge, maxSize);
    }

    public JfrSettings withOldObjectCutoff(Duration cutoff) {
        return new JfrSettings(allocationThrottle, cutoff, maxAge, maxSize);
    }

    public JfrSettings withMaxAge(Duration age) {
        return new JfrSettings(allocationThrottle, oldObjectCutoff, age, maxSize);
    }

    public JfrSettings withMaxSize(long bytes) {
        return new JfrSettings(allocationThrottle, oldObjectCutoff, maxAge, bytes);
    }

    /**
     * The whole settings map for {@code RemoteRecordingStream.setSettings}: it replaces every setting of the stream's
     * recording, so only what is listed here is recorded. (On JDK 17, {@code enable(...).with(...)} is ignored:
     * JDK-8364190.)
     */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(EventMapper.ALLOCATION_SAMPLE + "#enabled", "true");
        map.put(EventMapper.ALLOCATION_SAMPLE + "#throttle", allocationThrottle);
        map.put(EventMapper.ALLOCATION_SAMPLE + "#stackTrace", "true");
        map.put(EventMapper.HEAP_SUMMARY + "#enabled", "true");
        map.put(EventMapper.GARBAGE_COLLECTION + "#enabled", "true");
        map.put(EventMapper.GARBAGE_COLLECTION + "#threshold", "0 ms");
        map.putAll(oldObjectSettings(oldObjectCutoff));
        return map;
    }

    /**
     * The old-object settings: enabled so that the target keeps sampling while we stream, with stack traces, and an
     * explicit finite cutoff (the event's own default is infinity, which can pause a big target for minutes).
     */
    static Map<String, String> oldObjectSettings(Duration cutoff) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(EventMapper.OLD_OBJECT_SAMPLE + "#enabled", "true");
        map.put(EventMapper.OLD_OBJECT_SAMPLE + "#stackTrace", "true");
        map.put(EventMapper.OLD_OBJECT_SAMPLE + "#cutoff", cutoff.toNanos() + " ns");
        return map;
    }

    /** The path search pauses the target: the cutoff is positive (0 skips the paths) and at most a minute. */
    static void checkCutoff(Duration cutoff) {
        if (cutoff.isNegative() || cutoff.isZero()) {
            throw new IllegalArgumentException("the old-object cutoff must be positive, not " + cutoff
                    + " (0 would skip the paths to GC roots)");
        }
        if (cutoff.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("the old-object cutoff must be at most 1 minute, not " + cutoff);
        }
    }

    private static String normalizedRate(String text) {
        Matcher rate = RATE.matcher(text);
        if (!rate.matches() || !RATE_UNITS.contains(rate.group(2))) {
            throw new IllegalArgumentException("invalid allocation throttle '" + text
                    + "': expected a rate such as 150/s (a whole number, '/', and one of ns, us, ms, s, m, h, d)");
        }
        if (Long.parseLong(rate.group(1)) == 0) {
            throw new IllegalArgumentException("invalid allocation throttle '" + text
                    + "': a rate of 0 records no allocations at all");
        }
        return Long.parseLong(rate.group(1)) + "/" + rate.group(2);
    }
}
