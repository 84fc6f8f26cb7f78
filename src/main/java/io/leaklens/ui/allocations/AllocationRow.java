package io.leaklens.ui.allocations;

import io.leaklens.model.StackFrame;

import java.util.List;

/**
 * One row of the allocation tables: a class, or a site with the class allocated most there.
 *
 * @param name           the class name, or the site's frame
 * @param detail         for a site, the class allocated most there; empty for a class
 * @param bytesPerSecond the rate for the chosen period
 * @param share          the row's share of all bytes in that period, 0–1
 * @param bytes          bytes in all
 * @param recentRates    bytes per second in each of the last 60 seconds, for the sparkline
 * @param stack          for a site, the heaviest stack seen; empty for a class
 */
public record AllocationRow(String name, String detail, double bytesPerSecond, double share, long bytes,
                            double[] recentRates, List<StackFrame> stack) {
}
