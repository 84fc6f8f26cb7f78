package io.leaklens.model;

import java.util.List;

/**
 * A class that looks like it leaks, with the evidence for it and what holds it.
 *
 * @param className                the class
 * @param score                    how sure, from 0 to 1
 * @param growthBytesPerSecond     how fast its live bytes grow
 * @param growthInstancesPerSecond how fast its live instances grow
 * @param allocationSite           where it is allocated, or null when unknown
 * @param rootKind                 the contract's kind of GC root holding it (static field, thread, jni, class
 *                                 loader, other), or null when no sampled object showed it
 * @param rootDescription          that root in a few words, or null
 * @param pathFromRoot             from the object the root holds down to an object of this class; empty when
 *                                 unknown
 * @param explanation              one or two sentences a person can act on
 */
public record LeakSuspect(String className, double score, double growthBytesPerSecond,
                          double growthInstancesPerSecond, StackFrame allocationSite, String rootKind,
                          String rootDescription, List<PathStep> pathFromRoot, String explanation) {

    public LeakSuspect {
        pathFromRoot = List.copyOf(pathFromRoot);
    }
}
