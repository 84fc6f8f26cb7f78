package io.leaklens.model;

/**
 * A reference from one node to another.
 *
 * @param from    the referring node's id
 * @param to      the referred node's id
 * @param field   the referring object's field ({@code elementData}), {@code [17]} or {@code []} for array elements,
 *                or null (a root's direct reference, or a slot JFR did not name)
 * @param count   how many references of merged chains it stands for
 * @param omitted objects JFR left out between the two on a deep chain (0 for a direct reference): the edge then
 *                reads "… N objects omitted"
 */
public record GraphEdge(String from, String to, String field, long count, long omitted) {

    /** The edge's text: the field, or the gap it stands for. */
    public String label() {
        String slot = field == null ? "" : field;
        if (omitted > 0) {
            return (slot.isEmpty() ? "" : slot + " ") + "… " + omitted + " objects omitted";
        }
        return count > 1 && slot.endsWith("[]") ? slot + " ×" + count : slot;
    }
}
