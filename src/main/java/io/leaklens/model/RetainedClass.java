package io.leaklens.model;

/**
 * A class of a heap dump and what its instances keep alive.
 *
 * @param className     the class (binary name; {@code byte[]}, {@code java.lang.Object[]} for arrays)
 * @param instances     its reachable instances
 * @param shallowBytes  their shallow sizes summed
 * @param retainedBytes what would be freed if they all went, at least: the retained sizes of those instances that no
 *                      other instance of the class dominates, summed (an object held jointly by two instances and by
 *                      nothing else is not counted)
 * @param heapShare     retainedBytes as a share of the reachable heap, 0 to 1
 */
public record RetainedClass(String className, long instances, long shallowBytes, long retainedBytes,
                            double heapShare) {
}
