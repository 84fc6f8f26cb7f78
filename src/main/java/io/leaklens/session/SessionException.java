package io.leaklens.session;

/** A session could not start, for a reason a person can act on; the message is one sentence. */
public final class SessionException extends Exception {

    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first line of a failure's message, looking through a JMX proxy's wrapper; its class when it has none. */
    static String firstLine(Exception e) {
        Throwable cause = e instanceof java.lang.reflect.UndeclaredThrowableException u && u.getCause() != null
                ? u.getCause() : e;
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
