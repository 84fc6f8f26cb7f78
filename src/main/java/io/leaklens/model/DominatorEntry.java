package io.leaklens.model;

/**
 * An object of a heap dump that alone keeps others alive.
 *
 * @param objectId      its id in the dump, {@code 0x...}
 * @param className     its class; for a class object, {@code class com.acme.Foo}
 * @param shallowBytes  its own size
 * @param retainedBytes what would be freed with it: its size and that of every object only it keeps alive
 * @param heapShare     retainedBytes as a share of the reachable heap, 0 to 1
 */
public record DominatorEntry(String objectId, String className, long shallowBytes, long retainedBytes,
                             double heapShare) {
}
