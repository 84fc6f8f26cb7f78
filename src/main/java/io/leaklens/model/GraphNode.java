package io.leaklens.model;

import java.time.Duration;
import java.util.List;

/**
 * One node of a reference graph: a GC root, one object, or (in the class-level view, or where identical leaves were
 * merged) many objects of one class reached the same way.
 *
 * @param id             unique within its graph ({@code n1}, {@code n2}, ...)
 * @param kind           a root or objects
 * @param className      the objects' class; for a root, the class whose static fields hold the chains or the
 *                       root's system ({@code Threads}, {@code JNI Global}, ...)
 * @param description    a root in a few words ({@code static fields of com.acme.OrderLog}, {@code thread main}),
 *                       or JFR's description of the object; may be null
 * @param count          how many objects the node stands for (1 for one object; roots count 1)
 * @param samples        how many old-object samples end here: the surviving objects themselves, not the objects
 *                       on their way
 * @param sampledBytes   the sampled objects' total size, or -1 when the target did not say (before JDK 25)
 * @param arraySize      the array's length for an array of one object, or -1
 * @param oldest         the oldest sample's age, or null when no sample ends here
 * @param allocatedAt    where the first sample ending here was allocated, innermost frame first (empty otherwise)
 */
public record GraphNode(String id, GraphNodeKind kind, String className, String description, long count,
                        int samples, long sampledBytes, int arraySize, Duration oldest, List<StackFrame> allocatedAt) {

    public GraphNode {
        allocatedAt = List.copyOf(allocatedAt);
    }

    public boolean isRoot() {
        return kind == GraphNodeKind.ROOT;
    }
}
