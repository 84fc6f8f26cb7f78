package io.leaklens.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who allocates: the classes and sites that allocated most, heaviest first.
 *
 * @param from            the first sample's time, or null without samples
 * @param to              the latest sample's time, or null without samples
 * @param samples         the application's allocation samples counted
 * @param totalBytes      bytes they stand for
 * @param classes         the heaviest classes (bounded)
 * @param sites           the heaviest sites (bounded)
 * @param monitoringBytes bytes that the target's monitoring threads' samples stand for (JMX over RMI, JFR, attach:
 *                        LeakLens's own work in the target), counted apart from the above; 0 in older snapshots
 */
public record AllocationProfile(Instant from, Instant to, long samples, long totalBytes, List<ClassAllocation> classes,
                                List<SiteAllocation> sites, long monitoringBytes) {

    public static final AllocationProfile EMPTY = new AllocationProfile(null, null, 0, 0, List.of(), List.of(), 0);

    public AllocationProfile {
        classes = List.copyOf(classes);
        sites = List.copyOf(sites);
    }

    public Duration span() {
        return from == null ? Duration.ZERO : Duration.between(from, to);
    }

    /** Seconds the samples cover, at least one: what the rates are per. */
    public double seconds() {
        return seconds(from, to);
    }

    /** Seconds from the first sample to the latest, at least one: what every rate of a profile is per. */
    public static double seconds(Instant from, Instant to) {
        return from == null ? 1.0 : Math.max(1.0, Duration.between(from, to).toMillis() / 1000.0);
    }

    /** The application's bytes per second over {@link #span()}. */
    public double bytesPerSecond() {
        return totalBytes / seconds();
    }

    /** The monitoring threads' bytes per second over {@link #span()}. */
    public double monitoringBytesPerSecond() {
        return monitoringBytes / seconds();
    }

    /** "180 KB/s by the JVM's monitoring threads (JMX, JFR, attach)", or "" when they allocated nothing sampled. */
    public String describeMonitoring() {
        return monitoringBytes == 0 ? ""
                : ByteSize.format(monitoringBytesPerSecond()) + "/s by the JVM's monitoring threads (JMX, JFR, attach)";
    }
}
