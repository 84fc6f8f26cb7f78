package io.leaklens.heapdump;

import io.leaklens.model.DominatedObjects;
import io.leaklens.model.DominatorEntry;
import io.leaklens.model.HeapDumpReport;
import io.leaklens.model.HeapDumpSummary;
import io.leaklens.model.InstancesInDump;
import io.leaklens.model.ObjectPath;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.RetainedClass;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

/**
 * A heap dump read and analysed: its index, dominator tree, retained sizes and shortest paths from the GC roots.
 * {@link #report} gives the answers as model records.
 */
public final class HeapDump {

    /** What the analysis follows, as the report says it. */
    public static final String STRONG_ONLY = "strong references only: what a weak, soft, phantom or final reference"
            + " refers to (Reference.referent) is not counted as held by it";

    private final Path file;
    final HeapIndex index;
    final RetainedSizes sizes;
    final ShortestPaths paths;
    private final HeapDumpReport.Timings timings;

    private HeapDump(Path file, HeapIndex index, RetainedSizes sizes, ShortestPaths paths,
                     HeapDumpReport.Timings timings) {
        this.file = file;
        this.index = index;
        this.sizes = sizes;
        this.paths = paths;
        this.timings = timings;
    }

    /** Whether a file starts as an HPROF heap dump ({@code JAVA PROFILE}), plain or gzip-compressed. */
    public static boolean looksLikeHeapDump(Path file) {
        return HprofScanner.looksLikeHeapDump(file);
    }

    /** Reads and analyses a dump; a bad file fails with one sentence naming it. */
    public static HeapDump read(Path file) throws IOException {
        long start = System.nanoTime();
        HeapIndex index = HeapIndexer.index(file);
        long indexed = System.nanoTime();
        DominatorTree tree = DominatorTree.of(index.nodeCount(), index.edgeOffsets(), index.edgeTargets(),
                index.rootNodes());
        RetainedSizes sizes = new RetainedSizes(index, tree);
        long dominated = System.nanoTime();
        ShortestPaths paths = new ShortestPaths(index);
        return new HeapDump(file, index, sizes, paths,
                new HeapDumpReport.Timings((indexed - start) / 1_000_000, (dominated - indexed) / 1_000_000));
    }

    /** The report with the {@code top} classes and dominators. */
    public HeapDumpReport report(int top) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return new HeapDumpReport(name, summary(), topClasses(top), topDominators(top),
                new AccumulationPoints(index, sizes, paths).suspects(), STRONG_ONLY, timings);
    }

    /**
     * The instances piling up at the {@code points} biggest accumulation points (at most {@code perPoint} each),
     * with their shortest strong paths from the GC roots, shaped as old-object samples for the reference graph.
     */
    public List<OldObjectSample> suspectInstances(int points, int perPoint, boolean describeRetained) {
        return new SuspectInstances(index, sizes, paths).samples(points, perPoint, describeRetained);
    }

    /**
     * The objects that {@code objectId} keeps alive directly (its children in the dominator tree), at most
     * {@code limit}, largest retained size first; {@code null} for the top of the tree, the objects only GC roots
     * keep alive. An id the dump does not hold gives none.
     */
    public DominatedObjects dominated(String objectId, int limit) {
        int node = objectId == null ? -1 : nodeOf(objectId);
        if (objectId != null && (node < 0 || !sizes.isReachable(node))) {
            return new DominatedObjects(List.of(), 0, 0);
        }
        int[] children = sizes.children(node);
        // The biggest `limit` of possibly millions (the top of the tree): a bounded heap, not a full sort.
        PriorityQueue<Integer> biggest = new PriorityQueue<>(
                Comparator.comparingLong((Integer n) -> sizes.retained(n)).thenComparing(Comparator.reverseOrder()));
        long total = 0;
        for (int child : children) {
            total += sizes.retained(child);
            biggest.add(child);
            if (biggest.size() > limit) {
                biggest.poll();
            }
        }
        List<DominatorEntry> entries = new ArrayList<>(biggest.size());
        long shown = 0;
        while (!biggest.isEmpty()) {
            int child = biggest.poll();
            shown += sizes.retained(child);
            entries.add(entry(child));
        }
        Collections.reverse(entries);
        return new DominatedObjects(entries, children.length, total - shown);
    }

    /** The shortest strong path from a GC root to {@code objectId}; not reached when none is (or no such object). */
    public ObjectPath pathTo(String objectId) {
        int node = nodeOf(objectId);
        RootedPath path = node < 0 ? new RootedPath(null, null, List.of()) : RootedPath.of(index, paths, node);
        return new ObjectPath(objectId, path.rootKind(), path.rootDescription(), path.steps());
    }

    /**
     * Where the instances of a class (by name: every class of that name, whatever loader) are kept alive: how many,
     * what goes with them, the object that holds most of them and the path from a GC root to one of them.
     */
    public InstancesInDump instancesOf(String className) {
        return new InstanceHolders(index, sizes, paths, this::entry).of(className);
    }

    /** The node of an id written {@code 0x...} (as entries give it), or -1. */
    private int nodeOf(String objectId) {
        try {
            String hex = objectId.startsWith("0x") ? objectId.substring(2) : objectId;
            return index.nodeOf(Long.parseUnsignedLong(hex, 16));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private DominatorEntry entry(int node) {
        return new DominatorEntry("0x" + Long.toHexString(index.idOf(node)), RootedPath.describe(index, node),
                index.shallow(node), sizes.retained(node), share(sizes.retained(node)));
    }

    /** Every class with reachable instances, by retained size, largest first. */
    public List<RetainedClass> allClasses() {
        return topClasses(Integer.MAX_VALUE);
    }

    private HeapDumpSummary summary() {
        long shallow = 0;
        for (int node = 0; node < index.nodeCount(); node++) {
            shallow += index.shallow(node);
        }
        Map<String, Long> roots = new LinkedHashMap<>();
        for (int i = 0; i < index.rootNodes().length; i++) {
            roots.merge(index.rootKind(i).label, 1L, Long::sum);
        }
        List<HeapDumpSummary.RootCount> byKind = roots.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> new HeapDumpSummary.RootCount(e.getKey(), e.getValue())).toList();
        int classes = (int) index.classes().stream().filter(c -> c.node() >= 0).count();
        return new HeapDumpSummary(index.nodeCount(), classes, shallow, sizes.reachableObjects(), sizes.heapBytes(),
                byKind);
    }

    private List<RetainedClass> topClasses(int top) {
        long[] retained = sizes.retainedByClass();
        long[] instances = new long[retained.length];
        long[] shallow = new long[retained.length];
        for (int node = 0; node < index.nodeCount(); node++) {
            if (sizes.isReachable(node)) {
                instances[index.classOf(node)]++;
                shallow[index.classOf(node)] += index.shallow(node);
            }
        }
        return IntStream.range(0, retained.length).filter(c -> instances[c] > 0).boxed()
                .sorted(Comparator.comparingLong((Integer c) -> retained[c]).reversed()).limit(top)
                .map(c -> new RetainedClass(index.className(c), instances[c], shallow[c], retained[c],
                        share(retained[c]))).toList();
    }

    private List<DominatorEntry> topDominators(int top) {
        return IntStream.of(sizes.children(-1)).boxed()
                .sorted(Comparator.comparingLong((Integer n) -> sizes.retained(n)).reversed()).limit(top)
                .map(this::entry).toList();
    }

    private double share(long bytes) {
        return sizes.heapBytes() == 0 ? 0 : (double) bytes / sizes.heapBytes();
    }
}
