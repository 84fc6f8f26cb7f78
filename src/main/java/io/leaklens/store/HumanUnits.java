package io.leaklens.store;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers as the exported report shows them to people: sizes in powers of 1024 ({@code 12.3 MB}), signed rates
 * ({@code +1.20 MB/s}), counts with thousands separators. Always {@link Locale#ROOT}, so that a report reads the
 * same wherever it was made. Sizes and rates are the model's {@link io.leaklens.model.ByteSize}, so that a report says
 * what the app and the CLI say.
 */
final class HumanUnits {

    /** The minus sign, not the hyphen: it lines up with "+" in a column of numbers. */
    static final String MINUS = "\u2212";
    static final String NONE = "\u2013";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private HumanUnits() {
    }

    /** {@code 512 B}, {@code 12.3 KB}, {@code 1.50 GB}: as everywhere in LeakLens. */
    static String size(double bytes) {
        return io.leaklens.model.ByteSize.format(bytes);
    }

    /** {@code +1.20 MB} or {@code −512 B}; zero has no sign. */
    static String signedSize(double bytes) {
        return io.leaklens.model.ByteSize.signed(bytes);
    }

    /** An allocation rate, never negative: {@code 1.20 MB/s}. */
    static String rate(double bytesPerSecond) {
        return io.leaklens.model.ByteSize.rate(bytesPerSecond);
    }

    /** A change per second, signed: {@code +1.20 MB/s}; no change has no sign. */
    static String signedRate(double bytesPerSecond) {
        return io.leaklens.model.ByteSize.signedRate(bytesPerSecond);
    }

    /** {@code 1,234,567}. */
    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** {@code +1,234} or {@code −3}; zero has no sign. */
    static String signedCount(long count) {
        return sign(count) + String.format(Locale.ROOT, "%,d", Math.abs(count));
    }

    /** Things per second, signed: {@code +1,000 instances/s}; one decimal when a fraction matters. */
    static String signedCountRate(double perSecond, String things) {
        if (Double.isNaN(perSecond)) {
            return NONE;
        }
        double abs = Math.abs(perSecond);
        return (perSecond < 0 ? MINUS : "+") + String.format(Locale.ROOT, abs >= 100 ? "%,.0f" : "%.1f", abs) + " "
                + things + "/s";
    }

    /** A growth in percent, signed; an infinite one (from nothing) has no number to show. */
    static String signedPercent(double percent) {
        if (Double.isNaN(percent) || Double.isInfinite(percent)) {
            return NONE;
        }
        return sign(percent) + String.format(Locale.ROOT, Math.abs(percent) >= 100 ? "%,.0f%%" : "%.1f%%",
                Math.abs(percent));
    }

    /** {@code 45 s}, {@code 2 min 5 s}, {@code 3 h 10 min}, {@code 2 d 4 h}; negative with a minus sign. */
    static String duration(Duration duration) {
        if (duration.isNegative()) {
            return MINUS + duration(duration.negated());
        }
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return duration.toMillis() + " ms";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return unitPair(seconds / 60, "min", seconds % 60, "s");
        }
        if (seconds < 86_400) {
            return unitPair(seconds / 3600, "h", seconds % 3600 / 60, "min");
        }
        return unitPair(seconds / 86_400, "d", seconds % 86_400 / 3600, "h");
    }

    /** In UTC, said so: a report is read on other machines, in other time zones. */
    static String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant);
    }

    private static String unitPair(long major, String majorUnit, long minor, String minorUnit) {
        return minor == 0 ? major + " " + majorUnit : major + " " + majorUnit + " " + minor + " " + minorUnit;
    }

    private static String sign(double value) {
        return value < 0 ? MINUS : value > 0 ? "+" : "";
    }
}
