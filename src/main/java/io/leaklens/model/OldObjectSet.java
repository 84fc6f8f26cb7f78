package io.leaklens.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The latest burst of old-object samples: every sampled object still alive at that moment, with its path to a GC
 * root. Each burst replaces the previous one.
 *
 * @param samples     the samples, as the target emitted them
 * @param refreshedAt when LeakLens asked for them, or null if never
 * @param requestTook how long the request took (the target pauses for part of it, to search the paths)
 */
public record OldObjectSet(List<OldObjectSample> samples, Instant refreshedAt, Duration requestTook) {

    public static final OldObjectSet NONE = new OldObjectSet(List.of(), null, Duration.ZERO);

    public OldObjectSet {
        samples = List.copyOf(samples);
    }
}
