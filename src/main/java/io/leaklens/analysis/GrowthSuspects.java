package io.leaklens.analysis;

import io.leaklens.model.ByteSize;
import io.leaklens.model.ClassAllocation;
import io.leaklens.model.ClassDelta;
import io.leaklens.model.ClassNames;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.PathStep;
import io.leaklens.model.SiteAllocation;
import io.leaklens.model.Snapshot;
import io.leaklens.model.SnapshotDiff;
import io.leaklens.model.StackFrame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The classes that look like they leak between two snapshots: they gained live instances and bytes, and the
 * surviving sampled objects of the later snapshot show them or pass through them on their way from a GC root.
 * <p>
 * A leak of application objects drags JDK objects along (the {@code byte[]} inside each entry, the list's backing
 * array), often more bytes than the application objects themselves. The application class is what a person can
 * fix, so when one grows, JDK classes rank below it.
 */
public final class GrowthSuspects {

    /** Growth smaller than this between two snapshots is noise, not a leak worth a person's time. */
    static final long MIN_BYTES = 64 * 1024;
    static final double MIN_SCORE = 0.2;
    static final int MAX_SUSPECTS = 10;
    private static final double JDK_WEIGHT = 0.35;

    private GrowthSuspects() {
    }

    static List<LeakSuspect> find(SnapshotDiff diff, Snapshot before, Snapshot after, UnaryOperator<String> names) {
        double seconds = diff.between().toMillis() / 1000.0;
        List<ClassDelta> grown = diff.classes().stream()
                .filter(c -> c.bytesDelta() >= MIN_BYTES && c.instancesDelta() > 0).toList();
        if (grown.isEmpty() || seconds <= 0) {
            return List.of();
        }
        double allGrowth = grown.stream().mapToLong(ClassDelta::bytesDelta).sum();
        double appGrowth = grown.stream().filter(c -> !ClassNames.isJdk(c.className()))
                .mapToLong(ClassDelta::bytesDelta).sum();
        List<OldObjectSample> evidence = after.oldObjects().samples().stream()
                .filter(s -> !RootPaths.heldByProfiler(s) && !RootPaths.unreachable(s)).toList();
        Map<String, Held> heldByClass = heldByClass(evidence, names);
        Map<String, StackFrame> sitesAfter = null;
        Map<String, StackFrame> sitesBefore = null;
        List<LeakSuspect> suspects = new ArrayList<>();
        for (ClassDelta delta : grown) {
            boolean jdk = ClassNames.isJdk(delta.className());
            double share = delta.bytesDelta() / (jdk || appGrowth == 0 ? allGrowth : appGrowth);
            Held held = heldByClass.getOrDefault(delta.className(), Held.NOTHING);
            double oldShare = evidence.isEmpty() ? 0 : (double) held.samples() / evidence.size();
            double score = 0.6 * Math.sqrt(share) + 0.4 * oldShare;
            if (jdk && appGrowth > 0) {
                score *= JDK_WEIGHT;
            }
            if (score >= MIN_SCORE) {
                if (sitesAfter == null) {
                    sitesAfter = sites(after, names);
                    sitesBefore = sites(before, names);
                }
                StackFrame site = sitesAfter.get(delta.className());
                if (site == null) {
                    site = sitesBefore.get(delta.className());
                }
                if (site == null) {
                    site = sampledSite(delta.className(), evidence, names);
                }
                suspects.add(new LeakSuspect(delta.className(), Math.min(1, score), delta.bytesDelta() / seconds,
                        delta.instancesDelta() / seconds, site, held.rootKind(), held.rootDescription(),
                        held.path(), explain(delta, seconds, site, held)));
            }
        }
        suspects.sort(Comparator.comparingDouble(LeakSuspect::score).reversed());
        return suspects.stream().limit(MAX_SUSPECTS).toList();
    }

    /** What the sampled survivors say holds a class: how many show it, and the path of the first that does. */
    public record Held(int samples, String rootKind, String rootDescription, List<PathStep> path) {
        static final Held NOTHING = new Held(0, null, null, List.of());
    }

    /** What holds objects of a class, from old-object samples of the same snapshot (names compared as given). */
    public static Held heldBy(String className, List<OldObjectSample> samples) {
        return heldBy(className, samples.stream()
                .filter(s -> !RootPaths.heldByProfiler(s) && !RootPaths.unreachable(s)).toList(),
                GeneratedNames::normalize);
    }

    static Held heldBy(String className, List<OldObjectSample> samples, UnaryOperator<String> names) {
        return heldByClass(samples, names).getOrDefault(className, Held.NOTHING);
    }

    /**
     * For every class the samples show, on their path from the root or as the sample itself: how many samples show
     * it, and the path from the root down to it in the first of them. One pass over the samples, so that a diff of
     * thousands of grown classes stays fast.
     */
    static Map<String, Held> heldByClass(List<OldObjectSample> samples, UnaryOperator<String> names) {
        Map<String, Held> held = new HashMap<>();
        for (OldObjectSample sample : samples) {
            List<PathStep> steps = RootPaths.steps(sample);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i <= steps.size(); i++) {
                String className = names.apply(i < steps.size() ? steps.get(i).className() : sample.className());
                if (!seen.add(className)) {
                    continue;
                }
                int at = i;
                held.merge(className, first(sample, steps, at, className), (old, added) ->
                        new Held(old.samples() + 1, old.rootKind(), old.rootDescription(), old.path()));
            }
        }
        return held;
    }

    private static Held first(OldObjectSample sample, List<PathStep> steps, int at, String className) {
        List<PathStep> path = new ArrayList<>(steps.subList(0, Math.min(at, steps.size())));
        path.add(new PathStep(className, null));
        return new Held(1, RootPaths.rootKind(sample), RootPaths.describeRoot(sample), path);
    }

    /** Where a sampled survivor of the class was allocated: its innermost application frame. */
    private static StackFrame sampledSite(String className, List<OldObjectSample> samples,
                                          UnaryOperator<String> names) {
        for (OldObjectSample sample : samples) {
            if (className.equals(names.apply(sample.className()))) {
                StackFrame frame = StackFrame.allocationSite(sample.stack()).orElse(null);
                if (frame != null) {
                    return frame;
                }
            }
        }
        return null;
    }

    /** Where each class is allocated most, by the snapshot's allocation profile. */
    private static Map<String, StackFrame> sites(Snapshot snapshot, UnaryOperator<String> names) {
        Map<String, StackFrame> sites = new HashMap<>();
        for (ClassAllocation allocation : snapshot.allocations().classes()) {
            if (allocation.topSite() != null) {
                sites.putIfAbsent(names.apply(allocation.className()), allocation.topSite());
            }
        }
        for (SiteAllocation site : snapshot.allocations().sites()) {
            if (site.topClass() != null) {
                sites.putIfAbsent(names.apply(site.topClass()), site.site());
            }
        }
        return sites;
    }

    private static String span(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        return seconds < 7200 ? String.format(Locale.ROOT, "%.0f min", seconds / 60)
                : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    private static String explain(ClassDelta delta, double seconds, StackFrame site, Held held) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s gained %,d live instances (%s, %s) in %s",
                delta.className(), delta.instancesDelta(), ByteSize.format(delta.bytesDelta()),
                ByteSize.signedRate(delta.bytesDelta() / seconds), span(seconds)));
        if (site != null) {
            text.append(", allocated in ").append(site);
        }
        text.append('.');
        if (held.rootDescription() != null) {
            text.append(" Held by ").append(held.rootDescription()).append(": check what removes them there.");
        }
        return text.toString();
    }
}
