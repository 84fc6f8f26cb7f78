package io.leaklens.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A sampled object that has survived, with the path that keeps it alive ({@code jdk.OldObjectSample}).
 *
 * @param allocationTime  when it was allocated
 * @param age             how old it was when emitted
 * @param className       its class
 * @param objectSize      its size in bytes (JDK 25+ targets), or -1
 * @param arrayElements   its length for an array, or -1
 * @param heapUsedAtAlloc heap in use when it was allocated (its {@code lastKnownHeapUsage}), or -1
 * @param stack           where it was allocated, innermost frame first
 * @param root            the GC root, or null when the target did not search for one
 * @param pathFromRoot    from the object the root holds down to the sample itself (its last hop); empty without a
 *                        path search
 */
public record OldObjectSample(Instant allocationTime, Duration age, String className, long objectSize,
                              int arrayElements, long heapUsedAtAlloc, List<StackFrame> stack, GcRoot root,
                              List<ReferenceHop> pathFromRoot) {
    public OldObjectSample {
        stack = List.copyOf(stack);
        pathFromRoot = List.copyOf(pathFromRoot);
    }
}
