package io.leaklens.ui.oldobjects;

import io.leaklens.model.PathStep;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.StackFrame;

import java.time.Duration;
import java.util.List;

/**
 * Samples of one class held along the same path: one row of the old-objects table.
 *
 * @param className  the sampled objects' class
 * @param count      how many samples
 * @param oldest     the oldest sample's age
 * @param totalSize  their sizes added up (-1 when the target does not tell sizes)
 * @param site       where the first of them was allocated
 * @param rootKind   the contract's root kind (static field, thread, ...)
 * @param root       the root in a few words
 * @param path       the path from the root, the same for all of them
 * @param stack      the allocation stack of the first of them
 * @param example    one of the samples
 */
public record OldObjectGroup(String className, int count, Duration oldest, long totalSize, String site,
                             String rootKind, String root, List<PathStep> path, List<StackFrame> stack,
                             OldObjectSample example) {
}
