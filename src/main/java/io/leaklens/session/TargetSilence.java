package io.leaklens.session;

import io.leaklens.attach.TargetConnection;

import java.time.Duration;

/**
 * When a target that gives no answer has stopped answering, and the one sentence that says why: it exited, its
 * process is stopped (SIGSTOP, or a debugger holds it), or it is silent for longer than any healthy JVM.
 */
final class TargetSilence {

    /**
     * A target that gives no answer this long stopped answering. Far beyond any pause of a healthy JVM, and long
     * enough for one thrashing in full collections near its heap's limit (exactly when a leak is worth watching),
     * which still answers between them; a histogram we asked for may pause it longer, and is waited for.
     */
    static final Duration NOT_ANSWERING = Duration.ofSeconds(20);

    /** A read unanswered this long while the target's process is stopped: it will not answer until continued. */
    static final Duration STOPPED = Duration.ofSeconds(2);

    private final TargetConnection connection;

    TargetSilence(TargetConnection connection) {
        this.connection = connection;
    }

    /**
     * Why the target counts as gone after a read waited this long, or null while it may still answer.
     *
     * @param pausedByUs whether a full collection we asked for (a class histogram) is pausing it
     */
    String hung(Duration waited, boolean pausedByUs) {
        if (waited.compareTo(STOPPED) >= 0 && connection.targetStopped()) {
            return stopped();
        }
        if (waited.compareTo(NOT_ANSWERING) >= 0 && !pausedByUs) {
            return "JVM " + pid() + " stopped answering (nothing for " + waited.toSeconds() + " s)";
        }
        return null;
    }

    /** Why the connection failed. */
    String lost() {
        return connection.targetEnded() ? "JVM " + pid() + " exited" : connection.targetStopped() ? stopped()
                : "the connection to JVM " + pid() + " was lost";
    }

    private String stopped() {
        return "JVM " + pid() + " was stopped (SIGSTOP, or held by a debugger) and stopped answering";
    }

    private long pid() {
        return connection.info().pid();
    }
}
