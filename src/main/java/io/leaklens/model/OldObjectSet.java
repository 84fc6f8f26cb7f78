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
    /** How long LeakLens lets the target search for paths to GC roots when it emits a burst. */
    public static final Duration DEFAULT_SEARCH_LIMIT = Duration.ofMillis(250);

    public OldObjectSet {
        samples = List.copyOf(samples);
    }

    /**
     * How long the target paused for this burst, as well as it is known: JFR times only its search, while the pause
     * also holds what it does around it (0.2–0.3 s more on 2 GB live, measured from the target's safepoints), and
     * LeakLens's request spans the whole of it. So the longer of the two; a recording's burst has only JFR's.
     */
    public Duration pause() {
        return requestTook.compareTo(targetPause) > 0 ? requestTook : targetPause;
    }

    /**
     * Whether the target's search for paths ran out of time: it took about as long as LeakLens's limit, or longer. A
     * sample it found no root for may then be held all the same (on a heap of gigabytes, measured: one sample of a
     * static list's 400 a second got a path), so it is "not searched to the end", never garbage.
     */
    public boolean searchCutOff() {
        return targetPause.toMillis() >= DEFAULT_SEARCH_LIMIT.toMillis() * 9 / 10;
    }
}
