package io.leaklens.jfr;

import io.leaklens.model.ReferenceHop;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedObject;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the path from a GC root to an old-object sample out of JFR's chain, which runs the other way: each
 * {@code OldObject} ({@code address}, {@code type}, {@code description}) has a {@code referrer}
 * ({@code Reference}: {@code field}, {@code array}, {@code skip}, {@code object}) naming the object that points to
 * it and how. The referrer's {@code field}/{@code array} describe the <em>referrer</em>'s slot, so they belong to the
 * hop of the referring object.
 */
final class ReferencePath {

    /** Far beyond any chain JFR writes (it keeps the first 100 and last 100 hops of deeper ones and marks a skip). */
    private static final int MAX_HOPS = 10_000;

    private ReferencePath() {
    }

    /**
     * @param sample        the event's {@code object}
     * @param rooted        whether the target found a GC root for it
     * @param arrayElements the sample's own length if it is an array, or -1
     * @return root-held object first, the sample last; empty when the target did not search for a path at all
     */
    static List<ReferenceHop> of(RecordedObject sample, boolean rooted, int arrayElements) {
        if (sample == null) {
            return List.of();
        }
        RecordedObject referrer = EventMapper.value(sample, "referrer", RecordedObject.class);
        if (referrer == null && !rooted) {
            return List.of(); // no search (cutoff 0, or a target that does not look for roots)
        }
        List<ReferenceHop> reversed = new ArrayList<>();
        reversed.add(hop(sample, null, arrayElements));
        Set<Long> seen = new HashSet<>();
        seen.add(EventMapper.longValue(sample, "address"));
        while (referrer != null && reversed.size() < MAX_HOPS) {
            RecordedObject object = EventMapper.value(referrer, "object", RecordedObject.class);
            if (object == null) {
                break;
            }
            long address = EventMapper.longValue(object, "address");
            // A repeated address means a cycle in a damaged recording; address 0/-1 is "unknown", never a cycle.
            if (address > 0 && !seen.add(address)) {
                break;
            }
            reversed.add(hop(object, referrer, -1));
            referrer = EventMapper.value(object, "referrer", RecordedObject.class);
        }
        Collections.reverse(reversed);
        return reversed;
    }

    /** One object, and (from {@code reference}, the reference it makes to the next hop) the slot it uses. */
    private static ReferenceHop hop(RecordedObject object, RecordedObject reference, int ownLength) {
        String className = EventMapper.className(EventMapper.value(object, "type", RecordedClass.class));
        String description = EventMapper.value(object, "description", String.class);
        RecordedObject field = EventMapper.value(reference, "field", RecordedObject.class);
        RecordedObject array = EventMapper.value(reference, "array", RecordedObject.class);
        String fieldName = EventMapper.value(field, "name", String.class);
        long modifiers = EventMapper.longValue(field, "modifiers");
        boolean fieldStatic = fieldName != null && modifiers >= 0 && Modifier.isStatic((int) modifiers);
        int arrayIndex = array == null ? -1 : (int) EventMapper.longValue(array, "index");
        int arraySize = array == null ? ownLength : (int) EventMapper.longValue(array, "size");
        long skipped = Math.max(0, EventMapper.longValue(reference, "skip"));
        long address = Math.max(0, EventMapper.longValue(object, "address"));
        return new ReferenceHop(className, description, fieldName, fieldStatic, arrayIndex, arraySize, skipped,
                address);
    }
}
