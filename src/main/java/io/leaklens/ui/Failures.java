package io.leaklens.ui;

import io.leaklens.session.SessionException;
import io.leaklens.store.SnapshotFileException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The one sentence the UI shows for a failure of background work: the user's error as it was worded. */
public final class Failures {

    private Failures() {
    }

    /** The failure as a sentence of its own: capitalised, ending in a full stop. */
    public static String sentence(Throwable failure) {
        String s = message(failure);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + (s.endsWith(".") ? "" : ".");
    }

    /**
     * The failure as a clause to put in a longer sentence: a session's or a file's message as it was worded (its
     * first line); anything else is unexpected and says what it was. The executor's wrappers are looked through.
     */
    public static String message(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if ((cause instanceof SessionException || cause instanceof SnapshotFileException)
                && cause.getMessage() != null) {
            return cause.getMessage().lines().findFirst().orElse("");
        }
        return "unexpected error: " + cause;
    }
}
