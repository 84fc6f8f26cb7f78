package io.leaklens.analysis;

import io.leaklens.model.ClassNames;
import io.leaklens.model.LeakReport;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.LeakVerdict;
import io.leaklens.model.PathStep;
import io.leaklens.model.RuleResult;
import io.leaklens.model.TimedHistogram;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The way a bounded LRU cache is written in plain Java: an application subclass of {@code LinkedHashMap} (often an
 * anonymous one) that overrides {@code removeEldestEntry}. The path from the GC root shows it: an application object
 * whose {@code table} field (a {@code HashMap}'s own) holds {@code LinkedHashMap} entries. While such a cache fills,
 * it grows exactly like a leak, and its bound cannot be seen from outside; it levels off when full, and the rules then
 * say so. Until {@link #FILLING_FOR} has passed, what grows only through such a map is "still filling", not a leak.
 */
final class EvictingMaps {

    /** Longer than this still growing, and a bound, if there is one, is too large to be a cache's. */
    static final Duration FILLING_FOR = Duration.ofMinutes(5);

    private EvictingMaps() {
    }

    /** The application class on the path that is a LinkedHashMap subclass, or null when there is none. */
    static String heldThrough(List<PathStep> path) {
        for (int i = 0; i + 2 < path.size(); i++) {
            PathStep map = path.get(i);
            if ("table".equals(map.field()) && !ClassNames.isJdk(map.className())
                    && "java.util.HashMap$Node[]".equals(path.get(i + 1).className())
                    && "java.util.LinkedHashMap$Entry".equals(path.get(i + 2).className())) {
                return map.className();
            }
        }
        return null;
    }

    /**
     * A verdict of "still filling" when every suspect grows only inside an application subclass of LinkedHashMap (a
     * bounded LRU cache, as one writes it) and the histograms have watched it for less than
     * {@link #FILLING_FOR}; null otherwise.
     */
    static LeakReport stillFilling(List<LeakSuspect> suspects, List<TimedHistogram> histograms,
                                           List<RuleResult> rules) {
        if (suspects.isEmpty() || histograms.size() < 2) {
            return null;
        }
        String map = heldThrough(suspects.getFirst().pathFromRoot());
        Duration watched = Duration.between(histograms.getFirst().takenAt(), histograms.getLast().takenAt());
        if (map == null || watched.compareTo(FILLING_FOR) >= 0
                || suspects.stream().filter(s -> !ClassNames.isJdk(s.className()))
                .anyMatch(s -> !map.equals(heldThrough(s.pathFromRoot())))) {
            return null;
        }
        LeakSuspect first = suspects.getFirst();
        return new LeakReport(LeakVerdict.NOT_ENOUGH_DATA, watched.toMillis() / (double) FILLING_FOR
                .toMillis(), String.format(Locale.ROOT, "%s grows by %,.0f live instances per second, only inside %s,"
                + " a LinkedHashMap subclass: the way a bounded LRU cache is written (removeEldestEntry). A cache "
                + "levels off at its bound; if this one still grows after %d minutes, it is a leak.",
                ClassNames.simpleName(first.className()), first.growthInstancesPerSecond(),
                ClassNames.simpleName(map), FILLING_FOR.toMinutes()), rules, List.of(), null);
    }
}
