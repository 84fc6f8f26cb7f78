package io.leaklens.attach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What the OS knows about a process: its command line and whether it runs a JVM. Reads {@code /proc}, so it answers
 * at once where the attach API would block for seconds on a process that is not a JVM.
 */
final class ProcessCommand {

    /**
     * The launcher's options whose value is the next word ({@code --add-opens java.base/java.lang=ALL-UNNAMED}):
     * that word is not the main class. The {@code --opt=value} forms need nothing.
     */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p",
            "--module-path", "--upgrade-module-path", "--add-modules", "--limit-modules", "--add-reads",
            "--add-exports", "--add-opens", "--patch-module", "--enable-native-access", "--source");

    /** The state of a process whose {@code /proc} entry is gone. */
    private static final char GONE = '-';

    private ProcessCommand() {
    }

    /** The Java command (main class or jar and its arguments) of a JVM process, as the attach API would show it. */
    static Optional<String> of(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().arguments()).flatMap(ProcessCommand::javaCommand);
    }

    /** The part of a {@code java} command line (without the executable) after the launcher's own options. */
    static Optional<String> javaCommand(String[] a) {
        for (int i = 0; i < a.length; i++) {
            String arg = a[i];
            if (OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            } else if ((arg.equals("-jar") || arg.equals("-m") || arg.equals("--module")) && i + 1 < a.length) {
                return Optional.of(String.join(" ", Arrays.copyOfRange(a, i + 1, a.length)));
            } else if (!arg.startsWith("-") && !arg.startsWith("@")) { // @argfiles hold more options
                return Optional.of(String.join(" ", Arrays.copyOfRange(a, i, a.length)));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the process exists and has not ended. Unlike {@link ProcessHandle#isAlive()}, a process that has exited
     * but not yet been reaped by its parent (a zombie) counts as ended: it will never answer an attach.
     */
    static boolean isRunning(long pid) {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            return false;
        }
        char state = state(pid);
        return state != 'Z' && state != 'X' && state != GONE;
    }

    /**
     * Whether the process is stopped: by SIGSTOP (or Ctrl+Z), or held by a debugger that traces it. Its threads do not
     * run, so it answers nothing until it is continued.
     */
    static boolean isStopped(long pid) {
        char state = state(pid);
        return state == 'T' || state == 't';
    }

    /** The process's state letter from {@code /proc} (R, S, D, T, t, Z, X ...), {@link #GONE}, or '?' if unknown. */
    private static char state(long pid) {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return '?'; // no /proc to ask: the JDK's answer stands
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
            // "pid (command) S ...": the command may contain spaces and parentheses, the state follows the last ')'
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
        } catch (IOException | java.io.UncheckedIOException e) {
            return GONE; // its /proc entry went away: it has just been reaped
        }
    }

    /**
     * Whether the process has ended or ends within {@code grace}: a JVM that halts or is killed closes its sockets
     * (we see "Premature EOF" or a lost connection) a moment before the OS has removed it.
     */
    static boolean endsWithin(long pid, Duration grace) {
        return !holdsFor(() -> isRunning(pid), grace);
    }

    /** Whether the process is stopped and still is after {@code grace}: a tracer may hold it for a moment. */
    static boolean staysStopped(long pid, Duration grace) {
        return holdsFor(() -> isStopped(pid), grace);
    }

    /** Whether the condition holds now and until {@code grace} has passed; an interrupt counts as holding. */
    private static boolean holdsFor(java.util.function.BooleanSupplier condition, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return false;
    }

    /** The executable's short name, e.g. {@code sleep}, or empty if unknown. */
    static String executable(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .map(c -> Path.of(c).getFileName().toString()).orElse("");
    }

    /**
     * Whether the process has loaded a JVM. Empty when the OS cannot tell (no {@code /proc}): then only an attach
     * attempt tells.
     */
    static Optional<Boolean> runsJvm(long pid) {
        Path maps = Path.of("/proc", Long.toString(pid), "maps");
        if (!Files.isReadable(maps)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(maps, StandardCharsets.ISO_8859_1)) {
            return Optional.of(lines.anyMatch(l -> l.endsWith("/libjvm.so")));
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
