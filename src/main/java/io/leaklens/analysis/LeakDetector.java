package io.leaklens.analysis;

import io.leaklens.model.ByteSize;
import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ClassAllocation;
import io.leaklens.model.ClassNames;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.LeakReport;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.LeakVerdict;
import io.leaklens.model.LiveSetPoint;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.PathStep;
import io.leaklens.model.RuleResult;
import io.leaklens.model.RuleStatus;
import io.leaklens.model.SiteAllocation;
import io.leaklens.model.StackFrame;
import io.leaklens.model.TimedHistogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a target leaks, what leaks, where it is allocated and what holds it. Independent rules each give their
 * sign (live set, class histograms, buffer pools); the classes that keep growing across histograms are the
 * suspects, ranked with application classes before the JDK objects they drag along, and the old-object samples
 * tell what holds them. Without histograms (a recording), a growing live set and the samples stand in.
 * <p>
 * Never cries wolf on purpose: a JDK class alone is a suspect only when the live set grows too, and a verdict of
 * "no leak" needs the histograms (or, without them, the live set) to have seen enough.
 */
public final class LeakDetector {

    /** Application suspects rank before JDK ones: a leak's payload (byte[], String) is not what a person fixes. */
    static final double JDK_WEIGHT = 0.35;
    static final double GENERATED_WEIGHT = 0.8;
    /** A library's class (a cache's entry, a server's session) ranks below the application's that grow beside it. */
    static final double LIBRARY_WEIGHT = 0.7;
    static final double MIN_SCORE = 0.3;
    static final int MAX_SUSPECTS = 10;
    static final String DIRECT_BUFFER = "java.nio.DirectByteBuffer";
    /** Fewer histograms than this cannot tell a class that keeps growing. */
    public static final int MIN_HISTOGRAMS = HistogramGrowthRule.MIN_HISTOGRAMS;

    private LeakDetector() {
    }

    public static LeakReport analyze(HeapHistory heap, List<TimedHistogram> histograms,
                                     AllocationProfile allocations, OldObjectSet oldObjects) {
        RuleResult liveSet = LiveSetGrowthRule.evaluate(liveSetPoints(heap, histograms));
        HistogramGrowthRule.Finding classes = HistogramGrowthRule.evaluate(histograms);
        DirectMemoryRule.Finding buffers = DirectMemoryRule.evaluate(heap.samples());
        List<OldObjectSample> evidence = oldObjects.samples().stream()
                .filter(s -> !RootPaths.heldByProfiler(s) && !RootPaths.unreachable(s)).toList();
        Map<String, GrowthSuspects.Held> held = GrowthSuspects.heldByClass(evidence, GeneratedNames::normalize);
        Map<String, StackFrame> sites = sites(allocations);
        boolean liveSetGrows = liveSet.status() == RuleStatus.SIGNAL;

        List<LeakSuspect> suspects = new ArrayList<>();
        List<HistogramGrowthRule.ClassGrowth> growing = OwnersFirst.withSmallOwners(classes, evidence);
        double appGrowth = growing.stream().filter(HistogramGrowthRule::isApplication)
                .mapToDouble(HistogramGrowthRule.ClassGrowth::bytesPerSecond).sum();
        boolean ownCodeGrows = growing.stream().anyMatch(g -> HistogramGrowthRule.isApplication(g)
                && !ClassNames.isLibrary(g.className()) && !GeneratedNames.isGenerated(g.className()));
        double allGrowth = growing.stream().mapToDouble(HistogramGrowthRule.ClassGrowth::bytesPerSecond).sum();
        for (HistogramGrowthRule.ClassGrowth growth : growing) {
            boolean application = HistogramGrowthRule.isApplication(growth);
            if (!application && appGrowth == 0 && !liveSetGrows) {
                continue; // a JDK class alone, with a flat live set: the JVM's own workings, not a leak
            }
            double share = growth.bytesPerSecond() / (application ? appGrowth : allGrowth);
            double score = growth.risingShare() * (0.6 + 0.4 * Math.sqrt(share));
            if (!application && appGrowth > 0) {
                score *= JDK_WEIGHT;
            }
            if (GeneratedNames.isGenerated(growth.className())) {
                score *= GENERATED_WEIGHT; // a lambda holds what leaks; the captured object is what to look for
            }
            if (application && ownCodeGrows && ClassNames.isLibrary(growth.className())) {
                score *= LIBRARY_WEIGHT;
            }
            if (buffers.result().status() == RuleStatus.SIGNAL && growth.className().equals(DIRECT_BUFFER)) {
                continue; // named below, with the memory it holds outside the heap
            }
            LeakSuspect suspect = suspect(growth.className(), score, growth.bytesPerSecond(),
                    growth.instancesPerSecond(), sites, held);
            if (growth.reloaded()) {
                suspect = reloaded(suspect, growth.copies());
            }
            suspects.add(suspect);
        }
        if (buffers.result().status() == RuleStatus.SIGNAL) {
            double instances = growing.stream().filter(g -> g.className().equals(DIRECT_BUFFER))
                    .mapToDouble(HistogramGrowthRule.ClassGrowth::instancesPerSecond).findFirst().orElse(0);
            GrowthSuspects.Held h = held.getOrDefault(DIRECT_BUFFER, GrowthSuspects.Held.NOTHING);
            StackFrame site = sites.get(DIRECT_BUFFER);
            suspects.add(new LeakSuspect(DIRECT_BUFFER, buffers.result().score(), buffers.bytesPerSecond(),
                    instances, site, h.rootKind(), h.rootDescription(), h.path(),
                    "Direct buffers grow by " + ByteSize.signedRate(buffers.bytesPerSecond()) + " outside the heap"
                            + (site == null ? "" : ", allocated in " + site) + (h.rootDescription() == null
                            ? "; keep fewer of them alive or release them (a pool, or a bounded cache)."
                            : "; held by " + h.rootDescription() + ".")));
        }
        if (histograms.isEmpty() && liveSetGrows) {
            suspects.addAll(fromSamples(evidence, held, sites));
        }
        suspects = new ArrayList<>(OwnersFirst.rank(suspects, evidence, GeneratedNames::normalize));
        suspects.removeIf(s -> s.score() < MIN_SCORE);
        // Of two suspects that score alike (a Cart and its one CartItem), the one whose holder is known comes first.
        suspects.sort(Comparator.comparingDouble(LeakSuspect::score).reversed()
                .thenComparing(s -> s.pathFromRoot().size() < 2));
        List<LeakSuspect> top = suspects.stream().limit(MAX_SUSPECTS).toList();
        List<RuleResult> rules = List.of(classes.result(), liveSet, buffers.result());
        LeakReport filling = EvictingMaps.stillFilling(top, histograms, rules);
        if (filling != null) {
            return filling;
        }
        double detectable = LiveSetGrowthRule.detectableBytesPerSecond(liveSetPoints(heap, histograms));
        LeakReport report = verdict(top, rules, histograms.isEmpty(), liveSet, classes.result(), buffers.result(),
                detectable);
        return report.verdict() == LeakVerdict.NOT_ENOUGH_DATA && histograms.isEmpty()
                ? pointAtSurvivors(report, oldObjects) : report;
    }

    /** An inconclusive verdict without histograms says which class the samples point at, if they point at one. */
    private static LeakReport pointAtSurvivors(LeakReport report, OldObjectSet oldObjects) {
        return SteadySurvivors.find(oldObjects).map(s -> new LeakReport(report.verdict(), report.progress(),
                report.reason() + String.format(Locale.ROOT, " Look at %s first: %d of the %d sampled objects still "
                        + "alive are of it, allocated throughout the watch.", ClassNames.simpleName(s.className()),
                        s.samples(), s.ofAll()), report.rules(), report.suspects(), report.detectedAt()))
                .orElse(report);
    }

    private static LeakReport verdict(List<LeakSuspect> suspects, List<RuleResult> rules, boolean noHistograms,
                                      RuleResult liveSet, RuleResult classes, RuleResult buffers,
                                      double detectable) {
        if (!suspects.isEmpty()) {
            return new LeakReport(LeakVerdict.LEAK, 1, suspects.getFirst().explanation(), rules, suspects, null);
        }
        RuleResult deciding = noHistograms ? liveSet : classes;
        if (noHistograms && liveSet.status() == RuleStatus.NO_SIGN && buffers.status() != RuleStatus.SIGNAL
                && detectable > LiveSetGrowthRule.RELEVANT_BYTES_PER_SECOND) {
            // A flat reading of a large live set over a short time cannot rule out a leak that matters.
            return new LeakReport(LeakVerdict.NOT_ENOUGH_DATA, 0.9, "No leak shows, but without class histograms only "
                    + "the live set speaks, and " + lowerFirst(liveSet.explanation()).replaceAll("\\.$", "")
                    + ": on a live set this large, growth slower than " + ByteSize.format(detectable) + "/s"
                    + " would not show. Class histograms or a longer watch can tell.", rules, List.of(), null);
        }
        if (deciding.status() == RuleStatus.NO_SIGN && buffers.status() != RuleStatus.SIGNAL
                && liveSet.status() != RuleStatus.SIGNAL) {
            return new LeakReport(LeakVerdict.NO_LEAK, 1, "No leak: " + lowerFirst(deciding.explanation()), rules,
                    List.of(), null);
        }
        if (deciding == classes && classes.status() == RuleStatus.SIGNAL && liveSet.status() != RuleStatus.SIGNAL
                && buffers.status() != RuleStatus.SIGNAL) {
            return new LeakReport(LeakVerdict.NO_LEAK, 1, "No leak: only JDK objects grow, and the live set does not "
                    + "(" + lowerFirst(liveSet.summary()) + "): the JVM's own workings, not the program's.", rules,
                    List.of(), null);
        }
        if (deciding.status() == RuleStatus.NOT_ENOUGH_DATA) {
            return new LeakReport(LeakVerdict.NOT_ENOUGH_DATA, deciding.progress(),
                    "Not enough data yet: " + lowerFirst(deciding.explanation()), rules, List.of(), null);
        }
        return new LeakReport(LeakVerdict.NOT_ENOUGH_DATA, 0.9, "The live set grows, but no class grows steadily "
                + "enough to name yet: keep watching.", rules, List.of(), null);
    }

    /** Histograms are taken right after a full collection: their totals are the exact live set. */
    private static List<LiveSetPoint> liveSetPoints(HeapHistory heap, List<TimedHistogram> histograms) {
        if (histograms.size() >= LiveSetGrowthRule.MIN_POINTS) {
            return histograms.stream().map(h -> new LiveSetPoint(h.takenAt(),
                    h.histogram().totalBytes())).toList();
        }
        return heap.liveSet();
    }

    /** Without histograms: the application classes the surviving samples lead to, most samples first. */
    private static List<LeakSuspect> fromSamples(List<OldObjectSample> evidence,
                                                 Map<String, GrowthSuspects.Held> held,
                                                 Map<String, StackFrame> sites) {
        List<LeakSuspect> suspects = new ArrayList<>();
        for (Map.Entry<String, GrowthSuspects.Held> entry : held.entrySet()) {
            String className = entry.getKey();
            double share = entry.getValue().samples() / (double) evidence.size();
            if (ClassNames.isJdk(className) || className.equals("java.lang.Class") || share < 0.2) {
                continue;
            }
            suspects.add(suspect(className, 0.3 + 0.4 * share, Double.NaN, Double.NaN, sites, held));
        }
        return suspects;
    }

    /** A class loaded by more and more class loaders: each loader, its classes and their statics stay alive. */
    private static LeakSuspect reloaded(LeakSuspect suspect, int copies) {
        return new LeakSuspect(suspect.className(), Math.min(1, suspect.score() + 0.2),
                suspect.growthBytesPerSecond(), suspect.growthInstancesPerSecond(), suspect.allocationSite(),
                suspect.rootKind() == null ? "class loader" : suspect.rootKind(), suspect.rootDescription(),
                suspect.pathFromRoot(), String.format(Locale.ROOT, "%s is loaded again and again: %,d copies, each "
                        + "by its own class loader, and every one stays alive with its loader and statics (%s). "
                        + "Something keeps the loaders (an instance, a thread, a static registry); close and drop "
                        + "them.", ClassNames.simpleName(suspect.className()), copies,
                ByteSize.signedRate(suspect.growthBytesPerSecond())));
    }

    private static LeakSuspect suspect(String className, double score, double bytesPerSecond,
                                       double instancesPerSecond, Map<String, StackFrame> sites,
                                       Map<String, GrowthSuspects.Held> held) {
        GrowthSuspects.Held h = held.getOrDefault(className, GrowthSuspects.Held.NOTHING);
        StackFrame site = sites.get(className);
        return new LeakSuspect(className, Math.min(1, score), bytesPerSecond, instancesPerSecond, site,
                h.rootKind(), h.rootDescription(), h.path(), explain(className, bytesPerSecond, instancesPerSecond,
                site, h));
    }

    /**
     * The sentence a person acts on: {@code DemoShop$OrderLog.ENTRIES (a static ArrayList) gains 400
     * DemoShop$OrderLog$Entry per second (+15.6 KB/s), allocated in ...; nothing removes them.}
     */
    static String explain(String className, double bytesPerSecond, double instancesPerSecond, StackFrame site,
                          GrowthSuspects.Held held) {
        String who = ClassNames.simpleName(className);
        String rate = Double.isNaN(instancesPerSecond)
                ? "keeps objects of " + who + " alive (the live set grows)"
                : "gains " + howOften(instancesPerSecond, who, who) + " (" + ByteSize.signedRate(bytesPerSecond) + ")";
        String where = site == null ? "" : ", allocated in " + site.className().substring(
                site.className().lastIndexOf('.') + 1) + "." + site.methodName() + "(" + site.fileName()
                + (site.line() >= 0 ? ":" + site.line() : "") + ")";
        List<PathStep> path = held.path();
        if ("static field".equals(held.rootKind()) && path.size() >= 2) {
            PathStep holder = path.getFirst();
            String container = path.get(1).field() == null ? ""
                    : " (a static " + ClassNames.simpleName(path.get(1).className()) + ")";
            if (path.get(1).className().equals(className)) {
                container = "";
            }
            return ClassNames.simpleName(holder.className()) + "." + holder.field() + container + " " + rate + where
                    + "; nothing removes them.";
        }
        String subject = Double.isNaN(instancesPerSecond) ? "The target " + rate : who + " grows by "
                + howOften(instancesPerSecond, "live instance", "live instances") + " ("
                + ByteSize.signedRate(bytesPerSecond) + ")";
        if (held.rootDescription() != null) {
            return subject + where + "; held by " + held.rootDescription() + ". Nothing removes them.";
        }
        return subject + where + "; no sampled object shows yet what holds them (old-object samples cover only "
                + "objects allocated while LeakLens watches, and the target's search for their paths is time-limited):"
                + " a heap dump shows every path.";
    }

    /**
     * {@code 400 Entry per second}, {@code 2.5 Entry per second}, or for a slow leak {@code one Entry every 5 s}:
     * never "0 per second" for something that grows.
     */
    static String howOften(double perSecond, String what, String whatPlural) {
        if (perSecond >= 10) {
            return String.format(Locale.ROOT, "%,.0f %s per second", perSecond, whatPlural);
        }
        if (perSecond >= 1) {
            return String.format(Locale.ROOT, "%.1f %s per second", perSecond, whatPlural);
        }
        if (perSecond <= 0) {
            return "no " + whatPlural;
        }
        long every = Math.round(1 / perSecond);
        return every < 120 ? "one " + what + " every " + every + " s"
                : "one " + what + " every " + Math.round(every / 60.0) + " min";
    }

    private static Map<String, StackFrame> sites(AllocationProfile allocations) {
        Map<String, StackFrame> sites = new HashMap<>();
        for (ClassAllocation allocation : allocations.classes()) {
            if (allocation.topSite() != null) {
                sites.putIfAbsent(GeneratedNames.normalize(allocation.className()), allocation.topSite());
            }
        }
        for (SiteAllocation site : allocations.sites()) {
            if (site.topClass() != null) {
                sites.putIfAbsent(GeneratedNames.normalize(site.topClass()), site.site());
            }
        }
        return sites;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
