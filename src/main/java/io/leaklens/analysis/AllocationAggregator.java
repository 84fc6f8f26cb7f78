package io.leaklens.analysis;

import io.leaklens.model.AllocationProfile;
import io.leaklens.model.AllocationSample;
import io.leaklens.model.ClassAllocation;
import io.leaklens.model.SiteAllocation;
import io.leaklens.model.StackFrame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums allocation samples by class and by site, bytes-weighted (each sample stands for its weight in bytes), for
 * the whole session and per second over the last minute. Bounded: past {@link #MAX_KEYS} classes or sites, new
 * ones are counted under {@link #OTHER}. Not thread-safe: the stream thread feeds it and asks for profiles.
 */
public final class AllocationAggregator {

    /** Stands for the classes or sites that did not fit. */
    public static final String OTHER = "(other)";
    static final int MAX_KEYS = 10_000;
    /** Rows handed out per profile: plenty for a table, cheap to copy once a second. */
    static final int PROFILE_ROWS = 500;
    private static final StackFrame OTHER_SITE = new StackFrame(OTHER, "", -1);
    private static final StackFrame UNKNOWN_SITE = new StackFrame("(no stack trace)", "", -1);

    private final Map<String, ClassTally> byClass = new HashMap<>();
    private final Map<StackFrame, SiteTally> bySite = new HashMap<>();
    /** Threads whose first sample has been seen; bounded, past that every sample counts. */
    private final java.util.Set<Long> threadsSeen = new java.util.HashSet<>();
    static final int MAX_THREADS = 100_000;
    private final Map<List<StackFrame>, StackFrame> siteByStack = new java.util.IdentityHashMap<>();
    private Instant first;
    private Instant latest;
    private long samples;
    private long totalBytes;

    /**
     * Adds a sample. A thread's first sample is left out: its weight is everything the thread allocated before the
     * recording began (measured: a demo's first samples stood for ~40 s of allocation and tripled its rate).
     */
    public void add(AllocationSample sample) {
        if (sample.threadId() >= 0 && threadsSeen.size() < MAX_THREADS && threadsSeen.add(sample.threadId())) {
            return;
        }
        long second = sample.time().getEpochSecond();
        if (first == null || sample.time().isBefore(first)) {
            first = sample.time();
        }
        if (latest == null || sample.time().isAfter(latest)) {
            latest = sample.time();
        }
        samples++;
        totalBytes += sample.weight();
        String className = byClass.containsKey(sample.className()) || byClass.size() < MAX_KEYS
                ? sample.className() : OTHER;
        StackFrame site = cachedSiteOf(sample.stack());
        byClass.computeIfAbsent(className, k -> new ClassTally()).add(second, sample.weight(), site);
        if (!bySite.containsKey(site) && bySite.size() >= MAX_KEYS) {
            site = OTHER_SITE;
        }
        bySite.computeIfAbsent(site, k -> new SiteTally()).add(second, sample);
    }

    /**
     * Sources hand out one list per distinct stack (the JFR mapper caches them), so the site of a hot stack is
     * found once; bounded like the mapper's cache.
     */
    private StackFrame cachedSiteOf(List<StackFrame> stack) {
        StackFrame site = siteByStack.get(stack);
        if (site == null) {
            if (siteByStack.size() >= 4_096) {
                siteByStack.clear();
            }
            site = siteOf(stack);
            siteByStack.put(stack, site);
        }
        return site;
    }

    /** The innermost frame of the application's own code; the innermost frame if the stack is all JDK. */
    static StackFrame siteOf(List<StackFrame> stack) {
        for (StackFrame frame : stack) {
            if (!frame.isJdk()) {
                return frame;
            }
        }
        return stack.isEmpty() ? UNKNOWN_SITE : stack.getFirst();
    }

    public AllocationProfile profile() {
        if (first == null) {
            return AllocationProfile.EMPTY;
        }
        long now = latest.getEpochSecond();
        double span = Math.max(1.0, (latest.toEpochMilli() - first.toEpochMilli()) / 1000.0);
        int recentSeconds = (int) Math.min(RateWindow.SECONDS, Math.ceil(span));
        List<ClassAllocation> classes = new ArrayList<>();
        byClass.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, ClassTally> e) -> e.getValue().bytes).reversed())
                .limit(PROFILE_ROWS)
                .forEach(e -> {
                    double[] rates = e.getValue().window.rates(now);
                    classes.add(new ClassAllocation(e.getKey(), e.getValue().bytes, e.getValue().bytes / span,
                            RateWindow.average(rates, recentSeconds), rates, e.getValue().topSite()));
                });
        List<SiteAllocation> sites = new ArrayList<>();
        bySite.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<StackFrame, SiteTally> e) -> e.getValue().bytes).reversed())
                .limit(PROFILE_ROWS)
                .forEach(e -> {
                    SiteTally t = e.getValue();
                    double[] rates = t.window.rates(now);
                    sites.add(new SiteAllocation(e.getKey(), t.topClass(), t.bytes, t.bytes / span,
                            RateWindow.average(rates, recentSeconds), rates, t.heaviestStack));
                });
        return new AllocationProfile(first, latest, samples, totalBytes, classes, sites);
    }

    private static class Tally {
        final RateWindow window = new RateWindow();
        long bytes;

        void add(long second, long weight) {
            bytes += weight;
            window.add(second, weight);
        }
    }

    private static final class ClassTally extends Tally {
        /** Bytes per site for this class, bounded: the top site is what matters. */
        final Map<StackFrame, Long> sites = new HashMap<>();

        void add(long second, long weight, StackFrame site) {
            add(second, weight);
            if (site != UNKNOWN_SITE && (sites.size() < 64 || sites.containsKey(site))) {
                sites.merge(site, weight, Long::sum);
            }
        }

        StackFrame topSite() {
            return sites.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }
    }

    private static final class SiteTally extends Tally {
        /** Bytes per allocated class at this site; a site allocates few classes, so this stays small. */
        final Map<String, Long> classes = new HashMap<>();
        List<StackFrame> heaviestStack = List.of();
        long heaviestWeight = -1;

        void add(long second, AllocationSample sample) {
            add(second, sample.weight());
            if (classes.size() < 64 || classes.containsKey(sample.className())) {
                classes.merge(sample.className(), sample.weight(), Long::sum);
            }
            if (sample.weight() > heaviestWeight) {
                heaviestWeight = sample.weight();
                heaviestStack = sample.stack();
            }
        }

        String topClass() {
            return classes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        }
    }
}
