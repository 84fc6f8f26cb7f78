package io.leaklens.model;

import java.util.List;

/**
 * How fast one allocation site allocated at the time of each of two snapshots (the rate over the minute before
 * each, or over its whole session when it was shorter).
 *
 * @param site                 the site
 * @param topClass             the class allocated most there, in the later snapshot if present there
 * @param bytesPerSecondBefore its rate at the earlier snapshot (0 if absent)
 * @param bytesPerSecondAfter  its rate at the later one (0 if absent)
 * @param stack                the heaviest stack seen there, innermost frame first
 */
public record SiteDelta(StackFrame site, String topClass, double bytesPerSecondBefore, double bytesPerSecondAfter,
                        List<StackFrame> stack) {

    public SiteDelta {
        stack = List.copyOf(stack);
    }

    public double rateDelta() {
        return bytesPerSecondAfter - bytesPerSecondBefore;
    }
}
