package io.leaklens.model;

import java.util.List;

/**
 * Two heap dumps of one program compared by class.
 *
 * @param before         the earlier dump's file name
 * @param after          the later dump's file name
 * @param classes        every class of either dump, by retained growth, largest first
 * @param suspectsAfter  the later dump's leak suspects
 */
public record HeapDumpComparison(String before, String after, List<RetainedClassDelta> classes,
                                 List<LeakSuspect> suspectsAfter) {

    public HeapDumpComparison {
        classes = List.copyOf(classes);
        suspectsAfter = List.copyOf(suspectsAfter);
    }
}
