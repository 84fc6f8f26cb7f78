package io.leaklens.session;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the built-in demo (a small leaky shop, {@code io.leaklens.demo.DemoShop}) in a JVM of its own, with the
 * same Java runtime as LeakLens, so that a new user has something to watch at once.
 */
public final class DemoLauncher {

    /** The demo's main class; it lives in LeakLens's own jar and needs nothing else. */
    public static final String MAIN_CLASS = "io.leaklens.demo.DemoShop";

    private DemoLauncher() {
    }

    /**
     * Starts the demo. It exits by itself after {@code runFor} (zero: runs until stopped) and when LeakLens's
     * process ends, whichever comes first.
     */
    public static Process start(Duration runFor, boolean inheritOutput) throws SessionException {
        List<String> command = new ArrayList<>();
        // java.home's launcher, not our own command: in an installed app image the command is the app's launcher.
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms64m", "-Xmx256m", "-Xmn24m", "-XX:+UseG1GC", "-cp", ownClassPath(), MAIN_CLASS,
                "--seconds", Long.toString(runFor.toSeconds()),
                "--parent", Long.toString(ProcessHandle.current().pid())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (inheritOutput) {
            builder.inheritIO();
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new SessionException("could not start the demo: " + e.getMessage(), e);
        }
    }

    /** Where LeakLens's own classes are: its jar, or the build's classes folder when run from the build. */
    private static String ownClassPath() throws SessionException {
        try {
            return new File(DemoLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException | NullPointerException e) {
            throw new SessionException("could not find LeakLens's classes to start the demo", e);
        }
    }
}
