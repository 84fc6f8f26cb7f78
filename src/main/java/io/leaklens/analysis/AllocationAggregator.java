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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums allocation samples by class and by site, bytes-weighted (each sample stands for its weight in bytes), for
 * the whole session and per second over the last minute. Bounded: past {@link #MAX_KEYS} classes or sites, new
 * ones are counted under {@link #OTHER}. Samples of the target's monitoring threads
 * ({@link AllocationSample#monitoring}) are only summed, apart: they are LeakLens's own work in the target, not the
 * application's. Not thread-safe: the stream thread feeds it and asks for profiles.
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
    private final FirstSamples firstSamples = new FirstSamples();
    private final Map<List<StackFrame>, StackSite> siteByStack = new IdentityHashMap<>();
    private Instant first;
    private Instant latest;
    private long samples;
    private long totalBytes;
    /** What the target's monitoring threads allocated (LeakLens's own work there): counted apart, never ranked. */
    private long monitoringBytes;
    /** Whether a bound refused a class, a site or a thread: from then on the figures depend on the samples' order. */
    private boolean bounded;

    /**
     * Adds a sample. A thread's earliest sample is left out ({@link FirstSamples}). The figures do not depend on the
     * order samples come in, as long as no bound is reached.
     */
    public void add(AllocationSample sample) {
        AllocationSample counted = firstSamples.countable(sample);
        if (counted != null) {
            count(counted);
        }
    }

    /**
     * Adds what another aggregator counted, as if its samples had come after this one's (a later part of a recording
     * read in parts). Exact unless one of them {@link #reachedABound()}: every figure is a sum, a minimum or a maximum
     * (per-second rates included, see {@link RateWindow#merge}); of each thread's two held-out samples the earlier
     * stays held out and the other is counted now; of equally heavy samples the earlier stays the heaviest.
     */
    public void merge(AllocationAggregator later) {
        for (AllocationSample held : later.firstSamples.held()) {
            AllocationSample counted = firstSamples.countable(held);
            if (counted != null) {
                count(counted);
            }
        }
        if (later.first != null) {
            first = first == null || later.first.isBefore(first) ? later.first : first;
            latest = latest == null || later.latest.isAfter(latest) ? later.latest : latest;
        }
        samples += later.samples;
        totalBytes += later.totalBytes;
        monitoringBytes += later.monitoringBytes;
        bounded |= later.reachedABound();
        for (Map.Entry<String, ClassTally> e : later.byClass.entrySet()) {
            ClassTally tally = classTally(e.getKey());
            tally.merge(e.getValue());
            for (Map.Entry<StackFrame, Counter> site : e.getValue().sites.entrySet()) {
                add(tally.siteCounter(site.getKey()), site.getValue().bytes);
            }
        }
        for (Map.Entry<StackFrame, SiteTally> e : later.bySite.entrySet()) {
            SiteTally tally = siteTally(e.getKey());
            tally.merge(e.getValue());
            for (Map.Entry<String, Counter> type : e.getValue().classes.entrySet()) {
                add(tally.classCounter(type.getKey()), type.getValue().bytes);
            }
        }
    }

    /** Whether a bound (classes, sites, a class's sites, a site's classes, threads) refused something. */
    public boolean reachedABound() {
        return bounded || firstSamples.full();
    }

    private void add(Counter counter, long bytes) {
        if (counter == null) {
            bounded = true;
        } else {
            counter.bytes += bytes;
        }
    }

    private void count(AllocationSample sample) {
        Instant time = sample.time();
        if (first == null || time.isBefore(first)) {
            first = time;
        }
        if (latest == null || time.isAfter(latest)) {
            latest = time;
        }
        if (sample.monitoring()) {
            monitoringBytes += sample.weight();
            return;
        }
        samples++;
        long weight = sample.weight();
        totalBytes += weight;
        long second = time.getEpochSecond();
        StackSite site = stackSite(sample.stack());
        if (!sample.className().equals(site.className)) {
            remember(site, sample.className());
        }
        site.classTally.add(second, weight);
        if (site.classAtSite != null) {
            site.classAtSite.bytes += weight;
        }
        site.tally.add(second, sample);
        if (site.siteForClass != null) {
            site.siteForClass.bytes += weight;
        }
    }

    /** Finds (or makes room for) the class's tallies once per run of one class at one stack. */
    private void remember(StackSite site, String className) {
        site.className = className;
        site.classTally = classTally(className);
        site.classAtSite = site.classTally.siteCounter(site.frame);
        site.siteForClass = site.tally.classCounter(className);
        bounded |= site.classAtSite == null && site.frame != UNKNOWN_SITE || site.siteForClass == null;
    }

    private ClassTally classTally(String className) {
        ClassTally tally = byClass.get(className);
        if (tally == null) {
            bounded |= byClass.size() >= MAX_KEYS;
            tally = byClass.computeIfAbsent(byClass.size() < MAX_KEYS ? className : OTHER, k -> new ClassTally());
        }
        return tally;
    }

    /**
     * A stack's site and where its bytes go: its own tally, or {@link #OTHER}'s when there was no room; and the
     * tallies of the class it allocated last, so that a stack that keeps allocating one class (most do) finds them
     * without a table lookup per sample. Remembering them is exact: counters are never removed from their tables,
     * and a counter refused for lack of room would be refused again.
     */
    private static final class StackSite {
        final StackFrame frame;
        final SiteTally tally;
        String className;
        ClassTally classTally;
        /** The class's bytes at this site, or null when the class's site table had no room. */
        Counter classAtSite;
        /** This site's bytes of the class, or null when the site's class table had no room. */
        Counter siteForClass;

        StackSite(StackFrame frame, SiteTally tally) {
            this.frame = frame;
            this.tally = tally;
        }
    }

    /**
     * Sources hand out one list per distinct stack (the JFR mapper caches them), so the site of a hot stack and its
     * tally are found once, not hashed per sample; bounded like the mapper's cache. Caching the choice of tally is
     * exact: sites are never removed, so a site that had room keeps it, and one that found the table full always
     * would. The frame kept is the tally's own instance, so that the per-class site tables compare by identity.
     */
    private StackSite stackSite(List<StackFrame> stack) {
        StackSite site = siteByStack.get(stack);
        if (site == null) {
            if (siteByStack.size() >= 4_096) {
                siteByStack.clear();
            }
            site = newStackSite(siteOf(stack));
            siteByStack.put(stack, site);
        }
        return site;
    }

    private StackSite newStackSite(StackFrame frame) {
        SiteTally tally = siteTally(frame);
        return new StackSite(tally.site.equals(frame) ? tally.site : frame, tally);
    }

    /** The site's tally, new if there is room, else {@link #OTHER}'s. */
    private SiteTally siteTally(StackFrame frame) {
        SiteTally tally = bySite.get(frame);
        if (tally == null) {
            if (bySite.size() >= MAX_KEYS) {
                bounded = true;
                return bySite.computeIfAbsent(OTHER_SITE, SiteTally::new);
            }
            tally = new SiteTally(frame);
            bySite.put(frame, tally);
        }
        return tally;
    }

    static StackFrame siteOf(List<StackFrame> stack) {
        return StackFrame.allocationSite(stack).orElse(UNKNOWN_SITE);
    }

    public AllocationProfile profile() {
        if (first == null) {
            return AllocationProfile.EMPTY;
        }
        long now = latest.getEpochSecond();
        double span = AllocationProfile.seconds(first, latest);
        int recentSeconds = (int) Math.min(RateWindow.SECONDS, Math.ceil(span));
        List<ClassAllocation> classes = new ArrayList<>();
        byClass.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, ClassTally> e) -> e.getValue().bytes).reversed()
                        .thenComparing(Map.Entry::getKey)) // ties by name: the same order however the sums came
                .limit(PROFILE_ROWS)
                .forEach(e -> {
                    double[] rates = e.getValue().window.rates(now);
                    classes.add(new ClassAllocation(e.getKey(), e.getValue().bytes, e.getValue().bytes / span,
                            RateWindow.average(rates, recentSeconds), rates, e.getValue().topSite()));
                });
        List<SiteAllocation> sites = new ArrayList<>();
        bySite.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<StackFrame, SiteTally> e) -> e.getValue().bytes).reversed()
                        .thenComparing(e -> e.getKey().toString()))
                .limit(PROFILE_ROWS)
                .forEach(e -> {
                    SiteTally t = e.getValue();
                    double[] rates = t.window.rates(now);
                    sites.add(new SiteAllocation(e.getKey(), t.topClass(), t.bytes, t.bytes / span,
                            RateWindow.average(rates, recentSeconds), rates, t.heaviestStack));
                });
        return new AllocationProfile(first, latest, samples, totalBytes, classes, sites, monitoringBytes);
    }

    /** Bytes, mutable: a boxed Long per sample cost more than the table lookup. */
    private static final class Counter {
        long bytes;
    }

    private static class Tally {
        final RateWindow window = new RateWindow();
        long bytes;

        void add(long second, long weight) {
            bytes += weight;
            window.add(second, weight);
        }

        void merge(Tally other) {
            bytes += other.bytes;
            window.merge(other.window);
        }
    }

    private static final class ClassTally extends Tally {
        /** Bytes per site for this class, bounded: the top site is what matters. */
        final Map<StackFrame, Counter> sites = new HashMap<>();

        /** The counter of this class's bytes at the site, or null if the site is unknown or there is no room. */
        Counter siteCounter(StackFrame site) {
            Counter counter = sites.get(site);
            if (counter == null && site != UNKNOWN_SITE && sites.size() < 64) {
                counter = new Counter();
                sites.put(site, counter);
            }
            return counter;
        }

        StackFrame topSite() {
            return sites.entrySet().stream().max(Comparator.comparingLong((Map.Entry<StackFrame, Counter> e) ->
                            e.getValue().bytes).thenComparing(e -> e.getKey().toString(), Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).orElse(null);
        }
    }

    private static final class SiteTally extends Tally {
        final StackFrame site;
        /** Bytes per allocated class at this site; a site allocates few classes, so this stays small. */
        final Map<String, Counter> classes = new HashMap<>();
        List<StackFrame> heaviestStack = List.of();
        long heaviestWeight = -1;
        Instant heaviestTime;

        SiteTally(StackFrame site) {
            this.site = site;
        }

        /** The counter of this site's bytes of the class, or null if there is no room. */
        Counter classCounter(String className) {
            Counter counter = classes.get(className);
            if (counter == null && classes.size() < 64) {
                counter = new Counter();
                classes.put(className, counter);
            }
            return counter;
        }

        void add(long second, AllocationSample sample) {
            long weight = sample.weight();
            add(second, weight);
            if (heavier(weight, sample.time())) {
                heaviestWeight = weight;
                heaviestTime = sample.time();
                heaviestStack = sample.stack();
            }
        }

        void merge(SiteTally other) {
            super.merge(other);
            if (heavier(other.heaviestWeight, other.heaviestTime)) {
                heaviestWeight = other.heaviestWeight;
                heaviestTime = other.heaviestTime;
                heaviestStack = other.heaviestStack;
            }
        }

        /**
         * Whether a sample of this weight and time would be the heaviest: heavier, or as heavy and earlier (so the
         * same stack is shown whatever order the samples come in).
         */
        private boolean heavier(long weight, Instant time) {
            return weight > heaviestWeight
                    || weight == heaviestWeight && heaviestTime != null && time != null && time.isBefore(heaviestTime);
        }

        String topClass() {
            return classes.entrySet().stream().max(Comparator.comparingLong((Map.Entry<String, Counter> e) ->
                            e.getValue().bytes).thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).orElse("");
        }
    }
}
