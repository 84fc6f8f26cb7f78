package io.leaklens.model;

import java.util.List;

/**
 * How much a target allocated at one place in its code: the innermost application frame of the allocating stacks
 * (the innermost frame when all of them are the JDK's).
 *
 * @param site                 the frame
 * @param topClass             the class allocated most there
 * @param bytes                bytes allocated there in all
 * @param bytesPerSecond       bytes per second over the whole session
 * @param recentBytesPerSecond bytes per second over the last minute
 * @param recentRates          bytes per second in each of the last 60 seconds, oldest first
 * @param stack                the stack of the heaviest sample seen there, innermost frame first
 */
public record SiteAllocation(StackFrame site, String topClass, long bytes, double bytesPerSecond,
                             double recentBytesPerSecond, double[] recentRates, List<StackFrame> stack) {
    public SiteAllocation {
        stack = List.copyOf(stack);
    }
}
