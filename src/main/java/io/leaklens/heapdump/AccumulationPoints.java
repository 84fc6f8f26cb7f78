package io.leaklens.heapdump;

import io.leaklens.model.ByteSize;
import io.leaklens.model.ClassNames;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.PathStep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where instances pile up in a heap dump, as leak suspects. An accumulation point is found two ways: walking down
 * the dominator tree from an object that retains at least a tenth of the heap while one child holds most of what
 * its parent retains (where that stops, the retained bytes spread over many objects: the pile); or as an object
 * that alone keeps at least {@value #MANY} instances of one class alive. The suspect is the class piling up there.
 * <p>
 * Its score is the share of the heap the point retains, halved when neither the piling class nor any object on the
 * path from the root belongs to the application: the JDK's own tables (JDK 17's archived class data under a JNI
 * global, the module graph) are large in a small heap and rarely what leaks.
 */
final class AccumulationPoints {

    static final double BIG_SHARE = 0.10;
    static final double MOSTLY = 0.80;
    static final int MANY = 1_000;
    /** A pile of many instances that is this small a share of the heap is a working table, not a suspect. */
    static final double SMALLEST_PILE_SHARE = 0.01;
    private static final int MAX_SUSPECTS = 5;

    private final HeapIndex index;
    private final RetainedSizes sizes;
    private final ShortestPaths paths;

    AccumulationPoints(HeapIndex index, RetainedSizes sizes, ShortestPaths paths) {
        this.index = index;
        this.sizes = sizes;
        this.paths = paths;
    }

    /** The nodes where instances pile up, most retained first. */
    List<Integer> find() {
        double heap = sizes.heapBytes();
        Set<Integer> points = new LinkedHashSet<>();
        for (int top : sizes.children(-1)) {
            if (sizes.retained(top) >= BIG_SHARE * heap) {
                points.add(descend(top, heap));
            }
        }
        for (int node = 0; node < index.nodeCount(); node++) {
            if (sizes.isReachable(node) && sizes.childCount(node) >= MANY) {
                Pile pile = pileIn(node);
                if (pile != null && pile.count >= MANY && pile.retained >= SMALLEST_PILE_SHARE * heap) {
                    points.add(node);
                }
            }
        }
        return points.stream().sorted(Comparator.comparingLong((Integer n) -> sizes.retained(n)).reversed()).toList();
    }

    List<LeakSuspect> suspects() {
        return find().stream().map(this::suspect).sorted(Comparator.comparingDouble(LeakSuspect::score).reversed())
                .limit(MAX_SUSPECTS).toList();
    }

    private int descend(int node, double heap) {
        int current = node;
        while (true) {
            int biggest = -1;
            for (int child : sizes.children(current)) {
                if (biggest < 0 || sizes.retained(child) > sizes.retained(biggest)) {
                    biggest = child;
                }
            }
            if (biggest < 0) {
                return current;
            }
            boolean mostly = sizes.retained(biggest) >= MOSTLY * sizes.retained(current);
            // A loader's table of classes is no pile: a class is a holder of static fields, so look inside it.
            boolean bigClass = index.classOfClassObject(biggest) >= 0 && sizes.retained(biggest) >= BIG_SHARE * heap;
            if (!mostly && !bigClass) {
                return current;
            }
            current = biggest;
        }
    }

    /** The class whose instances, among those the node immediately dominates, retain the most together. */
    private record Pile(int classIndex, int count, long retained) {
    }

    private Pile pileIn(int node) {
        Map<Integer, long[]> byClass = new HashMap<>();
        for (int child : sizes.children(node)) {
            long[] sum = byClass.computeIfAbsent(index.classOf(child), c -> new long[2]);
            sum[0]++;
            sum[1] += sizes.retained(child);
        }
        return byClass.entrySet().stream().max(Comparator.comparingLong(e -> e.getValue()[1]))
                .map(e -> new Pile(e.getKey(), (int) e.getValue()[0], e.getValue()[1]))
                .orElse(null);
    }

    /** The class piling up at a point (its instances the point immediately dominates), or -1 for none. */
    int pileClass(int node) {
        Pile pile = pileIn(node);
        return pile == null ? -1 : pile.classIndex();
    }

    private LeakSuspect suspect(int node) {
        double heap = sizes.heapBytes();
        double share = sizes.retained(node) / heap;
        RootedPath rooted = RootedPath.of(index, paths, node);
        List<PathStep> steps = new ArrayList<>(rooted.steps());
        Pile pile = pileIn(node);
        String holder = RootedPath.describe(index, node);
        String where = rooted.rootDescription() == null ? "" : ", reached from " + rooted.rootDescription();
        String className;
        String explanation;
        if (pile == null) {
            className = RootedPath.ownName(index, node);
            explanation = String.format(Locale.ROOT, "One %s retains %s (%.0f%% of the heap)%s: check whether it "
                    + "should be this large.", holder, ByteSize.format(sizes.retained(node)), share * 100, where);
        } else {
            className = index.className(pile.classIndex());
            if (!steps.isEmpty()) {
                PathStep last = steps.removeLast();
                steps.add(new PathStep(last.className(), fieldTo(node, pile.classIndex())));
            }
            steps.add(new PathStep(className, null));
            explanation = String.format(Locale.ROOT, "%,d %s objects (%s) pile up in one %s that retains %s (%.0f%% "
                            + "of the heap)%s: remove them when they are no longer needed, or bound it.",
                    pile.count(), simpleName(className), ByteSize.format(pile.retained()), simpleName(holder),
                    ByteSize.format(sizes.retained(node)), share * 100, where);
        }
        boolean jdkOnly = ClassNames.isJdk(className)
                && steps.stream().allMatch(step -> ClassNames.isJdk(step.className()));
        return new LeakSuspect(className, jdkOnly ? share / 2 : share, 0, 0, null, rooted.rootKind(),
                rooted.rootDescription(), steps, explanation);
    }

    /** The field of {@code node} that refers to a pile's instance it dominates ({@code []} for an array). */
    private String fieldTo(int node, int pileClass) {
        int[] offsets = index.edgeOffsets();
        NativeArray targets = index.edgeTargets();
        for (int e = offsets[node]; e < offsets[node + 1]; e++) {
            int target = targets.getInt(e);
            if (index.classOf(target) == pileClass && sizes.idom(target) == node) {
                return index.slotName(node, e);
            }
        }
        return "?"; // the pile hangs below objects the node does not refer to itself
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
