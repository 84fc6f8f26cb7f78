package io.leaklens.attach;

/**
 * Connecting to a JVM failed for a reason a person can act on. The message is one sentence, ready to show as it is.
 */
public final class AttachException extends Exception {

    /** What went wrong, for callers that react differently (a test, a retry). */
    public enum Reason {
        NO_SUCH_PROCESS, NOT_A_JVM, ATTACH_DISABLED, OTHER_USER, SELF, STOPPED, EXITED_WHILE_CONNECTING, FAILED
    }

    private final Reason reason;

    public AttachException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AttachException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
