package io.leaklens.heapdump;

import io.leaklens.model.ByteSize;
import io.leaklens.model.GcRoot;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.ReferenceHop;

import java.util.ArrayList;
import java.util.List;

/**
 * The instances piling up at the dump's accumulation points, each with its shortest strong path from a GC root, in
 * the shape of JFR's old-object samples: then the reference graph that merges sampled objects merges these the same
 * way (by object, or by class reached along the same fields), and its text, JSON and DOT exports work unchanged.
 * A class object on a path is a {@code java.lang.Class} hop described as {@code Class Name: ...}, as JFR writes it,
 * so that the graph starts at the class holding the static field.
 */
final class SuspectInstances {

    private static final String CLASS_PREFIX = "Class Name: ";

    private final HeapIndex index;
    private final RetainedSizes sizes;
    private final ShortestPaths paths;

    SuspectInstances(HeapIndex index, RetainedSizes sizes, ShortestPaths paths) {
        this.index = index;
        this.sizes = sizes;
        this.paths = paths;
    }

    /**
     * Up to {@code perPoint} instances at each of the {@code points} accumulation points retaining the most. An
     * instance's description says what it retains when {@code describeRetained} (one node per object); at the
     * class level a node stands for many objects and one object's size would mislead.
     */
    List<OldObjectSample> samples(int points, int perPoint, boolean describeRetained) {
        AccumulationPoints accumulation = new AccumulationPoints(index, sizes, paths);
        List<OldObjectSample> samples = new ArrayList<>();
        for (int point : accumulation.find().stream().limit(points).toList()) {
            int pileClass = accumulation.pileClass(point);
            int taken = 0;
            if (pileClass < 0) {
                samples.add(sample(point, describeRetained));
                continue;
            }
            for (int child : sizes.children(point)) {
                if (taken == perPoint) {
                    break;
                }
                if (index.classOf(child) == pileClass) {
                    samples.add(sample(child, describeRetained));
                    taken++;
                }
            }
        }
        return samples;
    }

    private OldObjectSample sample(int node, boolean describeRetained) {
        int[] path = paths.path(node);
        List<ReferenceHop> hops = new ArrayList<>(path.length);
        for (int i = 0; i < path.length; i++) {
            int at = path[i];
            int edge = i + 1 < path.length ? paths.edgeTo(path[i + 1]) : -1;
            String field = edge < 0 ? null : index.slotName(at, edge);
            boolean isStatic = edge >= 0 && index.isStaticField(at, edge);
            int own = index.classOfClassObject(at);
            String className = own >= 0 ? "java.lang.Class" : index.className(index.classOf(at));
            String description = own >= 0 ? CLASS_PREFIX + index.className(own)
                    : describeRetained ? "retains " + ByteSize.format(sizes.retained(at)) : null;
            hops.add(new ReferenceHop(className, description, field, isStatic, -1, -1, 0, index.idOf(at)));
        }
        GcRoot root = null;
        if (path.length > 0) {
            RootKind kind = index.rootKind(paths.rootRecord(path[0]));
            root = new GcRoot(kind.label, null, RootedPath.describe(index, path[0]));
        }
        return new OldObjectSample(null, null, index.className(index.classOf(node)), index.shallow(node), -1, -1,
                List.of(), root, hops);
    }
}
