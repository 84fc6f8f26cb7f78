package io.leaklens.model;

/**
 * One hop of a path from a GC root, as people (and the CLI contract) read it.
 *
 * @param className the object's class; for a static field, the class that declares it
 * @param field     the field of this object that refers to the next hop, {@code []} for an array element, null
 *                  for the last hop
 */
public record PathStep(String className, String field) {

    @Override
    public String toString() {
        // An array's element: "java.lang.Object[] element", not the misleading "java.lang.Object[][]".
        return field == null ? className : className + (field.equals("[]") ? " element" : "." + field);
    }
}
