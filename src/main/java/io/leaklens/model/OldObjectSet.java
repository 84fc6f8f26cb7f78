package io.leaklens.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The latest burst of old-object samples: every sampled object still alive at that moment, with its path to a GC
 * root. Each burst replaces the previous one.
 *
 * @param samples     the samples, as the target emitted them
 * @param emittedAt   when the target emitted them, or null if it never did
 * @param targetPause how long the emission took on the target (it searches the paths at a safepoint: the target
 *                    is paused for about that long)
 * @param requestTook how long LeakLens's request took, as LeakLens saw it (zero for a recording read from a file)
 */
public record OldObjectSet(List<OldObjectSample> samples, Instant emittedAt, Duration targetPause,
                           Duration requestTook) {

    public static final OldObjectSet NONE = new OldObjectSet(List.of(), null, Duration.ZERO, Duration.ZERO);

    public OldObjectSet {
        samples = List.copyOf(samples);
    }
}
