package io.leaklens.attach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the OS knows about a process: its command line and whether it runs a JVM. Reads {@code /proc}, so it answers
 * at once where the attach API would block for seconds on a process that is not a JVM.
 */
final class ProcessCommand {

    private ProcessCommand() {
    }

    /** The Java command (main class or jar and its arguments) of a JVM process, as the attach API would show it. */
    static Optional<String> of(long pid) {
        Optional<String[]> args = ProcessHandle.of(pid).flatMap(p -> p.info().arguments());
        if (args.isEmpty()) {
            return Optional.empty();
        }
        String[] a = args.get();
        for (int i = 0; i < a.length; i++) {
            String arg = a[i];
            if (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path") || arg.equals("-p")
                    || arg.equals("--module-path") || arg.equals("--add-modules")) {
                i++;
            } else if (arg.equals("-jar") && i + 1 < a.length) {
                return Optional.of(String.join(" ", java.util.Arrays.copyOfRange(a, i + 1, a.length)));
            } else if (!arg.startsWith("-")) {
                return Optional.of(String.join(" ", java.util.Arrays.copyOfRange(a, i, a.length)));
            }
        }
        return Optional.empty();
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
