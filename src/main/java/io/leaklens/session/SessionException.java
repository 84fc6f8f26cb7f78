package io.leaklens.session;

/** A session could not start, for a reason a person can act on; the message is one sentence. */
public final class SessionException extends Exception {

    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
