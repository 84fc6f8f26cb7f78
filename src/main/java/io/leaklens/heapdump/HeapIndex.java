package io.leaklens.heapdump;

import java.util.Arrays;
import java.util.List;

/**
 * A heap dump's objects as nodes {@code 0..n-1} (in file order) in primitive arrays: id, class, shallow size, and
 * the strong references between them in compressed sparse rows ({@code edgeTargets[edgeOffsets[n]..
 * edgeOffsets[n+1]]}), each with a slot naming the field it comes from. Ids, sizes and references are kept off the
 * Java heap ({@link NativeArray}); the class of each node and the row offsets, read in every loop, on it. Class
 * objects are nodes too: they refer to their static fields' values, superclass, loader and protection domain, and
 * every object refers to its class. {@code Reference.referent} is not followed.
 */
final class HeapIndex {

    /** The slot of an object's reference to its class. */
    static final char CLASS_SLOT = Character.MAX_VALUE;
    /** The slot of an array's element. */
    static final char ELEMENT_SLOT = 0;

    final int idSize;
    private final LongList ids;
    private final IdOrder order;
    private final int[] classOf;
    private final NativeArray shallow;
    private final int[] edgeOffsets;
    private final NativeArray edgeTargets;
    private final NativeArray edgeSlots;
    private final List<ClassLayout> classes;
    /** Node of each class object → its class index; -1 for other nodes. Sparse in a sorted pair of arrays. */
    private final int[] classNodes;
    private final int[] classOfClassNode;
    private final int[] rootNodes;
    private final RootKind[] rootKinds;

    /**
     * @param order       the ids sorted, with the node of each: the lookup of ids
     * @param shallow     longs, one a node
     * @param edgeTargets ints, and {@code edgeSlots} chars, one an edge
     */
    HeapIndex(int idSize, LongList ids, IdOrder order, int[] classOf, NativeArray shallow, int[] edgeOffsets,
              NativeArray edgeTargets, NativeArray edgeSlots, List<ClassLayout> classes, int[] rootNodes,
              RootKind[] rootKinds) {
        this.idSize = idSize;
        this.ids = ids;
        this.classOf = classOf;
        this.shallow = shallow;
        this.edgeOffsets = edgeOffsets;
        this.edgeTargets = edgeTargets;
        this.edgeSlots = edgeSlots;
        this.classes = List.copyOf(classes);
        this.rootNodes = rootNodes;
        this.rootKinds = rootKinds;
        this.order = order;
        long[] byNode = new long[classes.size()];
        int count = 0;
        for (int c = 0; c < classes.size(); c++) {
            if (classes.get(c).node() >= 0) {
                byNode[count++] = (long) classes.get(c).node() << 32 | c;
            }
        }
        byNode = Arrays.copyOf(byNode, count);
        Arrays.sort(byNode);
        this.classNodes = new int[count];
        this.classOfClassNode = new int[count];
        for (int i = 0; i < count; i++) {
            classNodes[i] = (int) (byNode[i] >>> 32);
            classOfClassNode[i] = (int) byNode[i];
        }
    }

    /** The node of an object id, or -1 when the dump holds no such object. */
    int nodeOf(long id) {
        return order.nodeOf(id);
    }

    int nodeCount() {
        return ids.size();
    }

    long idOf(int node) {
        return ids.get(node);
    }

    int classOf(int node) {
        return classOf[node];
    }

    long shallow(int node) {
        return shallow.getLong(node);
    }

    int[] edgeOffsets() {
        return edgeOffsets;
    }

    /** Ints: the node each edge leads to. */
    NativeArray edgeTargets() {
        return edgeTargets;
    }

    int edgeTarget(int edge) {
        return edgeTargets.getInt(edge);
    }

    List<ClassLayout> classes() {
        return classes;
    }

    String className(int classIndex) {
        return classes.get(classIndex).name();
    }

    /** The class a class object stands for, or -1 when the node is no class object. */
    int classOfClassObject(int node) {
        int at = Arrays.binarySearch(classNodes, node);
        return at < 0 ? -1 : classOfClassNode[at];
    }

    /** The name of the field through which an edge leaves its node: a field name, {@code []}, {@code <class>}. */
    String slotName(int node, int edge) {
        char slot = edgeSlots.getChar(edge);
        if (slot == CLASS_SLOT) {
            return "<class>";
        }
        int ownClass = classOfClassObject(node);
        if (ownClass >= 0) {
            return classes.get(ownClass).classSlotNames()[slot];
        }
        ClassLayout layout = classes.get(classOf[node]);
        return layout.name().endsWith("[]") ? "[]" : layout.refNames()[slot];
    }

    /** Whether an edge is a static field of a class object. */
    boolean isStaticField(int node, int edge) {
        if (edge < 0) {
            return false;
        }
        int ownClass = classOfClassObject(node);
        // A class object's slots: its static fields, then super, loader and protection domain.
        return ownClass >= 0 && edgeSlots.getChar(edge) < classes.get(ownClass).classSlotNames().length - 3;
    }

    int[] rootNodes() {
        return rootNodes;
    }

    /** The kind of the i-th root of {@link #rootNodes()}. */
    RootKind rootKind(int i) {
        return rootKinds[i];
    }
}
