package io.leaklens.model;

/**
 * The threads of a JVM that serve monitoring tools rather than the application, by the names the JDK gives them
 * (17 to 25): those that answer a JMX client over RMI (LeakLens reads the heap, runs histograms and streams JFR
 * through them), JFR's own, and the one that answers attach and {@code jcmd}. Watching a quiet JVM, they are most of
 * what it allocates (measured on an idle target: 96 of its 123 allocation samples, every one of the top ten sites),
 * and what they hold on their stacks while they serve a request shows among the old objects. LeakLens counts their
 * allocations apart from the application's and leaves out old objects that only they hold.
 */
public enum MonitoringThread {
    RMI_CONNECTION("RMI TCP Connection("),
    RMI_ACCEPT("RMI TCP Accept-"),
    RMI_SCHEDULER("RMI Scheduler("),
    RMI_RENEW_CLEAN("RMI RenewClean-"),
    RMI_REAPER("RMI Reaper"),
    RMI_GC_DAEMON("RMI GC Daemon"),
    JMX_CONNECTION_TIMEOUT("JMX server connection timeout"),
    JFR("JFR "),
    ATTACH_LISTENER("Attach Listener");

    private final String namePrefix;

    MonitoringThread(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    /** Whether a thread of this name serves monitoring tools; false for null (a thread JFR did not name). */
    public static boolean serves(String threadName) {
        if (threadName == null) {
            return false;
        }
        for (MonitoringThread thread : values()) {
            if (threadName.startsWith(thread.namePrefix)) {
                return true;
            }
        }
        return false;
    }
}
