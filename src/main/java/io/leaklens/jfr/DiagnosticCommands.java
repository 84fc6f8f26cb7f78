package io.leaklens.jfr;

import java.io.IOException;

/** Runs diagnostic commands ({@code jcmd}) in one target; given by the session, which owns the connection. */
public interface DiagnosticCommands {

    /** Runs one command, such as {@code JFR.stop name=x}, and returns what it printed. */
    String execute(String command) throws IOException;

    /** Whether the target's process still runs. */
    boolean alive();
}
