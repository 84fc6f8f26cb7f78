package io.leaklens.analysis;

import io.leaklens.model.GcRoot;
import io.leaklens.model.GraphEdge;
import io.leaklens.model.GraphLevel;
import io.leaklens.model.GraphNode;
import io.leaklens.model.GraphNodeKind;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.ReferenceGraph;
import io.leaklens.model.ReferenceHop;
import io.leaklens.model.StackFrame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Merges old-object samples' chains into one reference graph, the way JMC's reference tree does: objects are the
 * same node when they have the same address (chains of one emission share objects), a chain never revisits an
 * object (a cycle ends at the object seen before, drawn as an edge back to it), and a gap JFR left in a deep chain
 * becomes one edge that says how many objects it skips.
 *
 * <p>A static field's holder is JFR's {@code java.lang.Class} object reached from some thread or class loader; the
 * graph starts at the class instead ("static fields of com.acme.OrderLog"), as {@link RootPaths} does for paths.
 */
public final class ReferenceGraphBuilder {

    private final GraphLevel level;
    private final Map<String, NodeDraft> nodes = new LinkedHashMap<>();
    private final Map<EdgeKey, EdgeDraft> edges = new LinkedHashMap<>();
    private int samples;
    private int withoutPath;

    private ReferenceGraphBuilder(GraphLevel level) {
        this.level = level;
    }

    public static ReferenceGraph build(List<OldObjectSample> samples, GraphLevel level) {
        ReferenceGraphBuilder builder = new ReferenceGraphBuilder(level);
        samples.forEach(builder::add);
        ReferenceGraph graph = builder.graph();
        return level == GraphLevel.OBJECTS ? SiblingLeaves.merge(graph) : graph;
    }

    private void add(OldObjectSample sample) {
        samples++;
        List<ReferenceHop> hops = sample.pathFromRoot();
        if (hops.isEmpty() || RootPaths.heldByProfiler(sample) || RootPaths.unreachable(sample)) {
            withoutPath++;
            return;
        }
        OptionalInt holderAt = RootPaths.staticHolder(hops);
        String parent;
        String slot;
        long gap;
        int first;
        if (holderAt.isPresent()) {
            ReferenceHop holder = hops.get(holderAt.getAsInt());
            String declaring = RootPaths.holderClass(holder);
            parent = root("static " + declaring, declaring, "static fields of " + declaring);
            slot = holder.field();
            gap = holder.skipped();
            first = holderAt.getAsInt() + 1;
        } else {
            GcRoot root = sample.root();
            String system = root == null || root.system() == null ? "GC root" : root.system();
            String description = RootPaths.describeRoot(sample);
            parent = root("root " + description, system, description);
            slot = null;
            gap = 0;
            first = 0;
        }
        Set<String> onChain = new HashSet<>();
        onChain.add(parent);
        NodeDraft last = null;
        for (int i = first; i < hops.size(); i++) {
            ReferenceHop hop = hops.get(i);
            String key = key(parent, slot, hop);
            boolean cycle = !onChain.add(key);
            NodeDraft node = nodes.computeIfAbsent(key, k -> new NodeDraft(nodes.size(), GraphNodeKind.OBJECT,
                    hop.className(), hop.description(), hop.arraySize()));
            node.see(hop.address(), i == hops.size() - 1);
            edge(parent, key, slot, gap);
            if (cycle) {
                last = null; // a damaged chain that loops: the edge back is drawn, the chain ends there
                break;
            }
            parent = key;
            slot = slot(hop);
            gap = hop.skipped();
            last = node;
        }
        if (last != null) {
            last.sampled(sample);
        }
    }

    private String root(String key, String className, String description) {
        nodes.computeIfAbsent(key, k -> new NodeDraft(nodes.size(), GraphNodeKind.ROOT, className, description, -1))
                .see(0, false);
        return key;
    }

    /**
     * An object's node: its address when known (objects level), else its class reached through the same slot of the
     * same parent node, so that identical chains collapse into one path with counts.
     */
    private String key(String parent, String slot, ReferenceHop hop) {
        if (level == GraphLevel.OBJECTS && hop.address() > 0) {
            return "@" + hop.address();
        }
        // The parent by its number, not its own key: keys stay short however deep the chain (else they grow with
        // every hop, and a 200-deep chain hashes kilobytes per object).
        return "#" + nodes.get(parent).number + " " + (slot == null ? "" : level == GraphLevel.CLASSES
                ? classSlot(slot) : slot) + ">" + hop.className();
    }

    /** The slot of this hop that refers to the next one: a field, an array index, or unnamed. */
    private String slot(ReferenceHop hop) {
        if (hop.field() != null) {
            return hop.field();
        }
        if (hop.arrayIndex() >= 0) {
            return level == GraphLevel.CLASSES ? "[]" : "[" + hop.arrayIndex() + "]";
        }
        return hop.className().endsWith("[]") ? "[]" : null;
    }

    private static String classSlot(String slot) {
        return slot.startsWith("[") ? "[]" : slot;
    }

    private void edge(String from, String to, String slot, long gap) {
        edges.computeIfAbsent(new EdgeKey(from, to, slot), k -> new EdgeDraft(gap)).count++;
    }

    private ReferenceGraph graph() {
        Map<String, String> ids = new LinkedHashMap<>();
        List<GraphNode> built = new ArrayList<>(nodes.size());
        // Roots first, so that readers (and the layout) meet them before what they hold.
        for (boolean roots : new boolean[] {true, false}) {
            nodes.forEach((key, draft) -> {
                if ((draft.kind == GraphNodeKind.ROOT) == roots) {
                    String id = "n" + (ids.size() + 1);
                    ids.put(key, id);
                    built.add(draft.node(id));
                }
            });
        }
        List<GraphEdge> builtEdges = new ArrayList<>(edges.size());
        edges.forEach((key, draft) -> builtEdges.add(new GraphEdge(ids.get(key.from), ids.get(key.to), key.slot,
                draft.count, draft.gap)));
        return new ReferenceGraph(level, built, builtEdges, samples, withoutPath);
    }

    private record EdgeKey(String from, String to, String slot) {
    }

    private static final class EdgeDraft {
        final long gap;
        long count;

        EdgeDraft(long gap) {
            this.gap = gap;
        }
    }

    /** A node while chains are still arriving. */
    private static final class NodeDraft {
        final int number;
        final GraphNodeKind kind;
        final String className;
        final String description;
        final int arraySize;
        final Set<Long> addresses = new HashSet<>();
        long unknown;
        int samples;
        long sampledBytes;
        Duration oldest;
        List<StackFrame> allocatedAt = List.of();

        NodeDraft(int number, GraphNodeKind kind, String className, String description, int arraySize) {
            this.number = number;
            this.kind = kind;
            this.className = className;
            this.description = description;
            this.arraySize = arraySize;
        }

        /**
         * One more chain passing through: counts distinct objects where the address tells them apart. Without one
         * (files from before addresses were kept) only a chain's own sample is surely a different object.
         */
        void see(long address, boolean sample) {
            if (address > 0) {
                addresses.add(address);
            } else if (sample) {
                unknown++;
            }
        }

        void sampled(OldObjectSample sample) {
            if (samples == 0) {
                allocatedAt = sample.stack();
                sampledBytes = sample.objectSize();
            } else {
                sampledBytes = sampledBytes < 0 || sample.objectSize() < 0 ? -1 : sampledBytes + sample.objectSize();
            }
            samples++;
            if (sample.age() != null && (oldest == null || sample.age().compareTo(oldest) > 0)) {
                oldest = sample.age();
            }
        }

        GraphNode node(String id) {
            return new GraphNode(id, kind, className, description, Math.max(1, addresses.size() + unknown), samples,
                    samples == 0 ? -1 : sampledBytes, arraySize, oldest, allocatedAt);
        }
    }
}
