package io.leaklens.model;

/**
 * How much of one class a target allocated, estimated from the allocation samples' weights.
 *
 * @param className            the class
 * @param bytes                bytes allocated in all
 * @param bytesPerSecond       bytes per second over the whole session
 * @param recentBytesPerSecond bytes per second over the last minute
 * @param recentRates          bytes per second in each of the last 60 seconds, oldest first (for a sparkline)
 * @param topSite              where most of it was allocated, or null if no sample had a stack
 */
public record ClassAllocation(String className, long bytes, double bytesPerSecond, double recentBytesPerSecond,
                              double[] recentRates, StackFrame topSite) {
}
