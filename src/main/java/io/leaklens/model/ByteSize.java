package io.leaklens.model;

import java.util.Locale;

/** Byte counts as people read them: {@code 512 B}, {@code 12.3 KB}, {@code 1.50 GB} (powers of 1024). */
public final class ByteSize {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private ByteSize() {
    }

    public static String format(double bytes) {
        if (Double.isNaN(bytes) || bytes < 0) {
            return "–";
        }
        int unit = 0;
        double value = bytes;
        // Compare what will be shown, not the raw value: 1023.7 B or 1023.99 KB would otherwise read "1024 ...".
        while (Math.round(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return String.format(Locale.ROOT, "%.0f B", value);
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : value >= 10 ? "%.1f %s" : "%.2f %s", value,
                UNITS[unit]);
    }

    /** A rate that cannot be negative, e.g. an allocation rate: {@code 1.20 MB/s}. */
    public static String rate(double bytesPerSecond) {
        return Double.isNaN(bytesPerSecond) ? "–" : format(bytesPerSecond) + "/s";
    }

    /** A change per second, signed: {@code +1.20 MB/s}, {@code −512 B/s}; no change has no sign. */
    public static String signedRate(double bytesPerSecond) {
        return Double.isNaN(bytesPerSecond) ? "–" : signed(bytesPerSecond) + "/s";
    }

    /** A signed amount, e.g. {@code +1.20 MB} or {@code −512 B}; zero has no sign. */
    public static String signed(double bytes) {
        if (Double.isNaN(bytes)) {
            return "–";
        }
        return (bytes < 0 ? "−" : bytes > 0 ? "+" : "") + format(Math.abs(bytes));
    }
}
