package io.leaklens.jfr;

import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.support.ChildJvm;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Recordings of StaticListLeak made the way a user makes them ({@code jcmd PID JFR.start}, then {@code JFR.dump
 * path-to-gc-roots=true}), once per test run and shared by the test classes, on JDK 25 and (if installed) JDK 17.
 * Each is dumped (again) until its old-object samples include one held by the fixture's static list, for at most
 * 20 s: a recording that never gets one makes the tests that look for it fail with the samples it has.
 */
public final class FixtureRecordings {

    private static final long RECORD_MILLIS = 4000;
    private static Map<Integer, Path> files;

    private FixtureRecordings() {
    }

    /** The recording made on a target of this JDK, or null when that JDK is not installed. */
    public static synchronized Path of(int jdk) throws Exception {
        if (files == null) {
            files = record();
        }
        return files.get(jdk);
    }

    private static Map<Integer, Path> record() throws Exception {
        Path dir = Files.createTempDirectory("leaklens-jfr-test");
        dir.toFile().deleteOnExit(); // after the files, which are registered later (deleted in reverse order)
        List<Integer> jdks = ChildJvm.hasJdk(17) ? List.of(ChildJvm.CURRENT, 17) : List.of(ChildJvm.CURRENT);
        List<ChildJvm> children = ChildJvm.startAll(jdks.stream()
                .map(jdk -> ChildJvm.of(StaticListLeak.class).jdk(jdk).jvmOptions("-Xmx64m"))
                .toArray(ChildJvm.Builder[]::new));
        try {
            for (int i = 0; i < jdks.size(); i++) {
                jcmd(jdks.get(i), children.get(i), "JFR.start", "name=leaklens-test", "settings=profile");
            }
            Thread.sleep(RECORD_MILLIS);
            // Whether the target has sampled the leak yet is chance (one allocated byte in a hundred is leaked):
            // dump again a little later until the old-object samples include one held by the static list.
            Map<Integer, Path> recorded = new HashMap<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            for (int i = 0; i < jdks.size(); i++) {
                Path file = dir.resolve("static-list-leak-" + jdks.get(i) + ".jfr");
                do {
                    Files.deleteIfExists(file);
                    jcmd(jdks.get(i), children.get(i), "JFR.dump", "name=leaklens-test", "filename=" + file,
                            "path-to-gc-roots=true");
                } while (!hasStaticListSample(file) && System.nanoTime() < deadline && pause());
                file.toFile().deleteOnExit();
                recorded.put(jdks.get(i), file);
            }
            return recorded;
        } finally {
            ChildJvm.closeAll(children.toArray(ChildJvm[]::new));
        }
    }

    /**
     * Whether the latest dump's burst has a sample held by the static list. Each dump also writes its burst into the
     * running recording, so a file dumped again holds every earlier dump's burst too: only the last one counts.
     */
    static boolean hasStaticListSample(Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        JfrFile.read(file, sink);
        return !sink.bursts().isEmpty() && sink.bursts().getLast().samples().stream()
                .anyMatch(s -> !s.pathFromRoot().isEmpty() && "ENTRIES".equals(s.pathFromRoot().getFirst().field()));
    }

    /**
     * A recording of this JVM (the tests' own), with collections, allocation samples and old objects: another JVM
     * than the fixtures', started seconds or minutes earlier.
     */
    public static Path ofThisJvm(Path file, int keptObjects) throws IOException {
        List<byte[]> kept = new ArrayList<>();
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            for (int i = 0; i < keptObjects; i++) {
                kept.add(new byte[1024]);
                if (i % 1_000 == 0) {
                    System.gc();
                }
            }
            recording.dump(file);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("the JDK's profile settings do not parse", e);
        }
        if (kept.size() != keptObjects) {
            throw new IllegalStateException("kept " + kept.size());
        }
        return file;
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(1000);
        return true;
    }

    static String jcmd(int jdk, ChildJvm child, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(tool(jdk, "jcmd").toString(), Long.toString(child.pid())));
        args.addAll(List.of(command));
        return run(args);
    }

    /** Runs a JDK tool ({@code jfr}, {@code jcmd}) of the given JDK and returns its output; fails on exit code != 0. */
    public static String run(List<String> args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(args + " failed:\n" + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    public static Path tool(int jdk, String name) {
        return ChildJvm.javaHome(jdk).orElseThrow().resolve("bin").resolve(name);
    }
}
