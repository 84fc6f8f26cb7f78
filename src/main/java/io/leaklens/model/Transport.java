package io.leaklens.model;

/** How LeakLens reaches a local target. */
public enum Transport {
    /**
     * Diagnostic commands through the attach listener, the JVM's performance data and its JFR repository on disk, as
     * {@code jcmd}, {@code jstat} and a file reader would: nothing is started in the target but JFR.
     */
    JCMD,
    /** The target's JMX agent, started on loopback if it does not run: what VisualVM and JMC do. */
    JMX;

    /** What the user types: {@code jcmd}, {@code jmx}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
