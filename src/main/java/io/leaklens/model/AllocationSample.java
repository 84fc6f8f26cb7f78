package io.leaklens.model;

import java.time.Instant;
import java.util.List;

/**
 * One sampled allocation ({@code jdk.ObjectAllocationSample}).
 *
 * @param time       when it happened
 * @param className  what was allocated, as the contract names classes ({@code byte[]}, {@code com.acme.Outer$Inner})
 * @param weight     the bytes this sample stands for (all allocations since the thread's previous sample)
 * @param stack      the allocating stack, innermost frame first (may be truncated, may be empty)
 * @param threadId   the allocating thread's id, or -1 if unknown: a thread's first sample in a recording weighs
 *                   all it allocated before, so consumers must know whose sample it is
 * @param monitoring whether the allocating thread serves monitoring tools in the target (JMX over RMI, JFR, attach):
 *                   LeakLens's own work there, or another tool's, not the application's
 */
public record AllocationSample(Instant time, String className, long weight, List<StackFrame> stack, long threadId,
                               boolean monitoring) {
    public AllocationSample {
        stack = List.copyOf(stack);
    }

    /** A sample of an application thread. */
    public AllocationSample(Instant time, String className, long weight, List<StackFrame> stack, long threadId) {
        this(time, className, weight, stack, threadId, false);
    }
}
