package io.leaklens.model;

/**
 * One object on a path from a GC root to a sampled object, and how it refers to the next object on the path.
 *
 * @param className   the object's class (for a static field's holder JFR gives {@code java.lang.Class}; the
 *                    description then names the class)
 * @param description JFR's description of the object (e.g. {@code Class Name: com.acme.OrderLog}), may be null
 * @param field       the field of this object that refers to the next hop, or null (array element, or the last hop)
 * @param fieldStatic whether that field is static
 * @param arrayIndex  the index of the element that refers to the next hop, or -1
 * @param arraySize   the array's length, or -1 for a non-array
 * @param skipped     objects left out after this one on a deep chain (0 for none)
 * @param address     the object's address when the target emitted the chain, or 0 when unknown (files written
 *                    before format 1.2). Chains of one emission that pass through the same object share it, so the
 *                    reference graph merges them there.
 */
public record ReferenceHop(String className, String description, String field, boolean fieldStatic, int arrayIndex,
                           int arraySize, long skipped, long address) {

    /** A hop whose object identity is unknown. */
    public ReferenceHop(String className, String description, String field, boolean fieldStatic, int arrayIndex,
                        int arraySize, long skipped) {
        this(className, description, field, fieldStatic, arrayIndex, arraySize, skipped, 0);
    }
}
