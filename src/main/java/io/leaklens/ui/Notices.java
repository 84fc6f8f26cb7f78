package io.leaklens.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;

/**
 * The one place where failures of background work are told (connecting, snapshots, files, exports, settings sent
 * to the target): the latest stays until dismissed or replaced, never in a modal dialog, with its detail one click
 * away. Called on the FX thread.
 */
public final class Notices {

    private static final System.Logger LOG = System.getLogger(Notices.class.getName());

    private final ReadOnlyObjectWrapper<Notice> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private final Clock clock;

    public Notices() {
        this(Clock.systemUTC());
    }

    Notices(Clock clock) {
        this.clock = clock;
    }

    /** Tells of a failure: the sentence, and its cause's story as the detail. */
    public void report(String message, Throwable cause) {
        // What the user is told goes to the log as well, with the whole story, for a bug report.
        LOG.log(System.Logger.Level.WARNING, message, cause);
        latest.set(new Notice(message, cause == null ? "" : detail(cause), clock.instant()));
    }

    public void dismiss() {
        latest.set(null);
    }

    public ReadOnlyObjectProperty<Notice> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /**
     * The cause chain, one line each; for an unexpected error (not a user's error the core worded) its stack trace
     * too, which is what a bug report needs.
     */
    static String detail(Throwable cause) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        if (Failures.message(cause).startsWith("unexpected error")) {
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        return text.toString().strip();
    }
}
