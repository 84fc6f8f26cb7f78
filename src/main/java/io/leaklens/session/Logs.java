package io.leaklens.session;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where LeakLens writes what it does not tell the user: failures it recovers from, connections it gives up on, clean-
 * ups that fail. The code logs through {@link System.Logger} (debug for what it swallows); this sends LeakLens's
 * records to a few rotating files in the user's cache folder, so that a bug report has something to attach, and,
 * for the command line's {@code --verbose}, to standard error as well. Nothing else of the JVM's logging changes.
 */
public final class Logs {

    /** A log file's size before the next one is started, and how many are kept. */
    static final int FILE_BYTES = 1 << 20;
    static final int FILES = 3;

    private static final Logger LEAKLENS = Logger.getLogger("io.leaklens");
    private static boolean toFile;
    private static boolean toStandardError;

    private Logs() {
    }

    /**
     * The folder of the log files: {@code -Dleaklens.log.dir}, else {@code $XDG_CACHE_HOME/leaklens/logs}, else
     * {@code ~/.cache/leaklens/logs}.
     */
    public static Path folder() {
        String configured = System.getProperty("leaklens.log.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("leaklens").resolve("logs");
    }

    /** Sends LeakLens's records, debug and above, to the files; without a writable folder, nowhere, quietly. */
    public static synchronized void toFile() {
        if (toFile) {
            return;
        }
        toFile = true;
        try {
            Path folder = Files.createDirectories(folder());
            FileHandler files = new FileHandler(folder.resolve("leaklens-%g.log").toString(), FILE_BYTES, FILES,
                    true);
            add(files);
        } catch (IOException | SecurityException e) {
            // No log is no reason not to run.
        }
    }

    /** Sends LeakLens's records, debug and above, to standard error too ({@code --verbose}). */
    public static synchronized void toStandardError() {
        if (toStandardError) {
            return;
        }
        toStandardError = true;
        add(new ConsoleHandler());
    }

    private static void add(Handler handler) {
        handler.setLevel(Level.FINE);
        handler.setFormatter(new LineFormatter());
        LEAKLENS.setLevel(Level.FINE);
        // Not through the root's console handler: the command line's standard error is its own.
        LEAKLENS.setUseParentHandlers(false);
        LEAKLENS.addHandler(handler);
    }

    /** {@code 2026-12-07T18:52:55.123Z DEBUG io.leaklens.attach.JvmConnector: message}, then the stack trace. */
    private static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder().append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                    .append(level(record.getLevel())).append(' ').append(record.getLoggerName()).append(": ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }

        private static String level(Level level) {
            return level.intValue() >= Level.SEVERE.intValue() ? "ERROR"
                    : level.intValue() >= Level.WARNING.intValue() ? "WARNING"
                    : level.intValue() >= Level.INFO.intValue() ? "INFO" : "DEBUG";
        }
    }
}
