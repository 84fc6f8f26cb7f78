package io.leaklens.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who allocates: the classes and sites that allocated most, heaviest first.
 *
 * @param from       the first sample's time, or null without samples
 * @param to         the latest sample's time, or null without samples
 * @param samples    allocation samples seen
 * @param totalBytes bytes they stand for
 * @param classes    the heaviest classes (bounded)
 * @param sites      the heaviest sites (bounded)
 */
public record AllocationProfile(Instant from, Instant to, long samples, long totalBytes, List<ClassAllocation> classes,
                                List<SiteAllocation> sites) {

    public static final AllocationProfile EMPTY = new AllocationProfile(null, null, 0, 0, List.of(), List.of());

    public AllocationProfile {
        classes = List.copyOf(classes);
        sites = List.copyOf(sites);
    }

    public Duration span() {
        return from == null ? Duration.ZERO : Duration.between(from, to);
    }
}
