package io.leaklens.model;

import java.util.List;

/**
 * The shortest strong path from a GC root to one object of a heap dump, as people read it: when it passes through a
 * static field, it starts there.
 *
 * @param objectId        the object, {@code 0x...}
 * @param rootKind        the contract's kind of root (static field, thread, jni, class loader, other); null when
 *                        no strong path reaches the object
 * @param rootDescription the root in a few words; null when no strong path reaches the object
 * @param steps           from the object the root holds down to the object asked about
 */
public record ObjectPath(String objectId, String rootKind, String rootDescription, List<PathStep> steps) {

    public ObjectPath {
        steps = List.copyOf(steps);
    }

    public boolean reached() {
        return rootKind != null;
    }
}
