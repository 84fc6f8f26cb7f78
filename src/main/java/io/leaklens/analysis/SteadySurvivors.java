package io.leaklens.analysis;

import io.leaklens.model.ClassNames;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.OldObjectSet;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staleness, the idea of SWAT and Cork: objects allocated steadily throughout a watch that are all still alive at
 * its end are growth; survivors all from its start are a one-time fill, and those of the last seconds are in flight.
 * Read from the old-object samples alone, which is what a watch without class histograms has on a large heap (each
 * histogram would pause it a second or more). It points at a class; it does not prove a leak: an object promoted
 * and dead stays among the samples until an old collection finds it, so it only ever makes a verdict "keep looking
 * here", never "leak".
 */
final class SteadySurvivors {

    /** Fewer samples of a class than this say nothing about when its survivors were allocated. */
    static final int MIN_SAMPLES = 5;
    /** The watch in this many slices; the survivors must come from all but one of them. */
    static final int SLICES = 4;

    /** The application class with most samples, and how many of all the burst's. */
    record Survivors(String className, int samples, int ofAll) {
    }

    private SteadySurvivors() {
    }

    static Optional<Survivors> find(OldObjectSet burst) {
        List<OldObjectSample> samples = burst.samples().stream().filter(s -> !RootPaths.heldByProfiler(s)
                && s.allocationTime() != null && (!RootPaths.unreachable(s) || burst.searchCutOff())).toList();
        if (burst.emittedAt() == null || samples.size() < MIN_SAMPLES) {
            return Optional.empty();
        }
        Instant start = samples.stream().map(OldObjectSample::allocationTime).min(Instant::compareTo).orElseThrow();
        double span = Duration.between(start, burst.emittedAt()).toMillis();
        if (span <= 0) {
            return Optional.empty();
        }
        Map<String, boolean[]> slices = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (OldObjectSample sample : samples) {
            String className = GeneratedNames.normalize(sample.className());
            if (ClassNames.isJdk(className)) {
                continue;
            }
            int slice = (int) Math.min(SLICES - 1,
                    Duration.between(start, sample.allocationTime()).toMillis() * SLICES / span);
            slices.computeIfAbsent(className, k -> new boolean[SLICES])[Math.max(0, slice)] = true;
            counts.merge(className, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_SAMPLES && covered(slices.get(e.getKey())) >= SLICES - 1)
                .max(Map.Entry.comparingByValue())
                .map(e -> new Survivors(e.getKey(), e.getValue(), samples.size()));
    }

    private static int covered(boolean[] slices) {
        int n = 0;
        for (boolean slice : slices) {
            n += slice ? 1 : 0;
        }
        return n;
    }
}
