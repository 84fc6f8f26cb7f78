package io.leaklens.analysis;

import io.leaklens.model.ClassNames;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.PathStep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Ranks the object a person fixes before what it holds. A leaking owner drags along what it references: three
 * {@code CartLine}s per {@code PendingCheckout}, a 48 KB array per task, a {@code HashMap} per session. Those often
 * grow faster, in bytes and in instances, than their owner, yet the owner is what is kept by mistake. The old-object
 * samples' paths from their GC roots say who holds whom: an application class that holds another suspect on the way
 * from the root ranks before it. A library's classes (a cache's entries, a server's sessions) and generated classes (a
 * lambda capturing its owner) are not owners to fix, and a class that is held by what it holds (a cycle) changes no
 * rank.
 */
final class OwnersFirst {

    /** A held suspect's score is at most this share of its owner's. */
    static final double BELOW_OWNER = 0.95;

    private OwnersFirst() {
    }

    /** The suspects, rescored so that each application owner scores above every suspect it holds. */
    static List<LeakSuspect> rank(List<LeakSuspect> suspects, List<OldObjectSample> evidence,
                                  UnaryOperator<String> names) {
        Map<String, Set<String>> holders = holders(evidence, names);
        Map<String, LeakSuspect> byClass = new HashMap<>();
        suspects.forEach(s -> byClass.putIfAbsent(s.className(), s));
        List<LeakSuspect> ranked = new ArrayList<>();
        for (LeakSuspect suspect : suspects) {
            double score = suspect.score();
            for (String owner : holders.getOrDefault(suspect.className(), Set.of())) {
                LeakSuspect ownerSuspect = byClass.get(owner);
                if (ownerSuspect != null && isOwnerToFix(owner)
                        && !holders.getOrDefault(owner, Set.of()).contains(suspect.className())) {
                    score = Math.min(score, ownerSuspect.score() * BELOW_OWNER);
                }
            }
            ranked.add(score == suspect.score() ? suspect : new LeakSuspect(suspect.className(), score,
                    suspect.growthBytesPerSecond(), suspect.growthInstancesPerSecond(), suspect.allocationSite(),
                    suspect.rootKind(), suspect.rootDescription(), suspect.pathFromRoot(), suspect.explanation()));
        }
        return ranked;
    }

    private static boolean isOwnerToFix(String className) {
        return !ClassNames.isJdk(className) && !ClassNames.isLibrary(className)
                && !GeneratedNames.isGenerated(className);
    }

    /** For each class the samples show, the classes that hold it on some path from a GC root. */
    static Map<String, Set<String>> holders(List<OldObjectSample> evidence, UnaryOperator<String> names) {
        Map<String, Set<String>> holders = new HashMap<>();
        for (List<String> chain : chains(evidence, names)) {
            for (int i = 1; i < chain.size(); i++) {
                Set<String> above = holders.computeIfAbsent(chain.get(i), k -> new HashSet<>());
                for (int j = 0; j < i; j++) {
                    if (!chain.get(j).equals(chain.get(i))) {
                        above.add(chain.get(j));
                    }
                }
            }
        }
        return holders;
    }

    /** Each sample's classes from its GC root down to itself (a static field's declaring class left out). */
    private static List<List<String>> chains(List<OldObjectSample> evidence, UnaryOperator<String> names) {
        List<List<String>> chains = new ArrayList<>();
        for (OldObjectSample sample : evidence) {
            List<PathStep> steps = RootPaths.steps(sample);
            List<String> chain = new ArrayList<>();
            // The first step of a static field's chain is the declaring class, not an instance that holds anything.
            int from = "static field".equals(RootPaths.rootKind(sample)) ? 1 : 0;
            for (int i = from; i < steps.size(); i++) {
                if (!steps.get(i).className().startsWith("…")) {
                    chain.add(names.apply(steps.get(i).className()));
                }
            }
            if (chain.isEmpty() || !chain.getLast().equals(names.apply(sample.className()))) {
                chain.add(names.apply(sample.className()));
            }
            chains.add(chain);
        }
        return chains;
    }

    /**
     * Of the sampled paths that reach {@code held}, the share on which {@code owner} holds it: how much of what grows
     * the owner explains (a checkout session holding a few of the byte arrays that an order log holds by thousands
     * explains a few of them).
     */
    private static double shareHeldBy(List<List<String>> chains, String held, String owner) {
        int reaching = 0;
        int through = 0;
        for (List<String> chain : chains) {
            int at = chain.lastIndexOf(held);
            if (at >= 0) {
                reaching++;
                if (chain.subList(0, at).contains(owner)) {
                    through++;
                }
            }
        }
        return reaching == 0 ? 0 : (double) through / reaching;
    }

    /**
     * The growing classes, and a small application class that grows as steadily and holds one of them on its path
     * from the GC root: the owner of what grows, counted with the bytes it holds (a 32-byte task holding a 48 KB
     * array gains 48 KB with each instance, though the histogram counts it 32 bytes). It is credited with the share
     * of that growth that the samples show under it, not all of it: what others hold is theirs.
     */
    static List<HistogramGrowthRule.ClassGrowth> withSmallOwners(HistogramGrowthRule.Finding classes,
                                                                         List<OldObjectSample> evidence) {
        if (classes.small().isEmpty() || evidence.isEmpty()) {
            return classes.growing();
        }
        List<List<String>> chains = chains(evidence, GeneratedNames::normalize);
        List<HistogramGrowthRule.ClassGrowth> all = new ArrayList<>(classes.growing());
        for (HistogramGrowthRule.ClassGrowth owner : classes.small()) {
            double held = classes.growing().stream()
                    .mapToDouble(g -> g.bytesPerSecond() * shareHeldBy(chains, g.className(), owner.className()))
                    .sum();
            if (held > 0) {
                all.add(new HistogramGrowthRule.ClassGrowth(owner.className(), owner.bytesPerSecond() + held,
                        owner.instancesPerSecond(), owner.risingShare(), owner.instancesNow(), owner.bytesNow(),
                        owner.histograms(), owner.copies(), owner.reloaded()));
            }
        }
        return all;
    }
}
