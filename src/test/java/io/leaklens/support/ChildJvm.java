package io.leaklens.support;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A fixture program running in a JVM of its own, for tests that attach for real. {@link #start} returns once the
 * child printed {@code ready}; {@link #close()} kills it and waits until it is gone. Children read nothing from
 * stdin and exit when it closes, so a crashed test run leaves no orphans.
 * <p>
 * The fixtures are compiled at release 25 with the tests; for a JDK 17 child they are compiled again with
 * {@code --release 17} into {@code target/fixtures-17}, once per test run.
 */
public final class ChildJvm implements AutoCloseable {

    public static final int CURRENT = Runtime.version().feature();
    private static final long READY_TIMEOUT_SECONDS = 20;
    private static Path fixtures17;

    private final Process process;
    private final List<String> command;
    private final Path workDir;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread reader;

    private ChildJvm(List<String> command, Path workDir) throws IOException {
        this.command = List.copyOf(command);
        this.workDir = workDir != null ? workDir : Path.of("").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(this.workDir.toFile());
        this.process = builder.start();
        this.reader = new Thread(this::readOutput, "child-" + process.pid() + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts several children at once (JVM start-up is the slow part) and waits until all are ready. A null
     * builder (a child this machine cannot run) gives a null child in its place.
     */
    public static List<ChildJvm> startAll(Builder... builders) {
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (Builder builder : builders) {
                children.add(builder == null ? null : builder.launch());
            }
            for (ChildJvm child : children) {
                if (child != null) {
                    child.awaitReady();
                }
            }
            return children;
        } catch (RuntimeException | InterruptedException e) {
            closeAll(children.toArray(ChildJvm[]::new));
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            throw (RuntimeException) e;
        }
    }

    /** Kills every child given, ignoring nulls (for {@code @AfterAll}). */
    public static void closeAll(ChildJvm... children) {
        for (ChildJvm child : children) {
            if (child != null) {
                child.kill();
            }
        }
    }

    /** A child running {@code mainClass} (a fixture) on the JDK running the tests. */
    public static Builder of(Class<?> mainClass) {
        return new Builder(mainClass.getName());
    }

    /** A child running a main class, a source file ({@code /tmp/x/Foo.java}) or a jar ({@code /tmp/x/shop.jar}). */
    public static Builder ofMain(String main) {
        return new Builder(main);
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** Sends the child a signal by name ({@code STOP}, {@code CONT}) and waits until it was sent. */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + pid() + " failed");
        }
    }

    /** What the child printed so far, for assertion messages. */
    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** The last line the child printed that starts with this prefix, if any (for children that report as they run). */
    public Optional<String> lastLine(String prefix) {
        synchronized (output) {
            for (int i = output.size() - 1; i >= 0; i--) {
                if (output.get(i).startsWith(prefix)) {
                    return Optional.of(output.get(i));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Kills the child (as SIGKILL does), waits until the OS has reaped it and its output is read, and removes the
     * files a killed JVM leaves behind: its attach socket, attach handshake files and performance data.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("child " + pid() + " did not die within 10 s");
            }
            reader.join(1000); // so that output() holds all the child printed before it died
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        String pid = Long.toString(pid());
        List<Path> leftovers = new ArrayList<>(List.of(Path.of("/tmp/.java_pid" + pid),
                Path.of("/tmp/.attach_pid" + pid), workDir.resolve(".attach_pid" + pid)));
        try (Stream<Path> perfData = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            perfData.filter(d -> d.getFileName().toString().startsWith("hsperfdata_"))
                    .forEach(d -> leftovers.add(d.resolve(pid)));
        } catch (IOException e) {
            // Nothing to clean there.
        }
        for (Path file : leftovers) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Stale files only cost a little space; the JVM cleans stale performance data itself.
            }
        }
    }

    @Override
    public void close() {
        kill();
    }

    @Override
    public String toString() {
        return "child JVM " + pid() + " " + command;
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
                if (line.equals("ready")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            output.add("(output lost: " + e + ")");
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
        while (!ready.await(50, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String why = process.isAlive() ? "was not ready within " + READY_TIMEOUT_SECONDS + " s"
                        : "exited with " + process.exitValue();
                kill();
                throw new IllegalStateException(this + " " + why + "; output:\n" + output());
            }
        }
    }

    /** The home of an installed JDK of this feature version: the running one, or one under /usr/lib/jvm. */
    public static Optional<Path> javaHome(int feature) {
        if (feature == CURRENT) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.sorted().filter(home -> feature(home) == feature)
                    .filter(home -> Files.isExecutable(home.resolve("bin/java"))).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDK's feature version from its {@code release} file ({@code JAVA_VERSION="17.0.15"}), or -1. */
    private static int feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return -1;
        }
        try (Stream<String> lines = Files.lines(release)) {
            return lines.filter(l -> l.startsWith("JAVA_VERSION=")).findFirst()
                    .map(l -> l.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .map(v -> Integer.parseInt(v.split("[.+-]")[0])).orElse(-1);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Whether a JDK of this feature version is installed (JDK 17 is optional: tests that need it are skipped). */
    public static boolean hasJdk(int feature) {
        return javaHome(feature).isPresent();
    }

    public static Path javaExecutable(int feature) {
        return javaHome(feature).map(h -> h.resolve("bin/java"))
                .orElseThrow(() -> new IllegalStateException("no JDK " + feature + " under /usr/lib/jvm"));
    }

    /** Where the fixtures compiled for this JDK are: the test classes, or target/fixtures-17 compiled on demand. */
    public static synchronized Path fixtureClasses(int feature) {
        if (feature == CURRENT) {
            return testClasses();
        }
        if (feature != 17) {
            throw new IllegalArgumentException("fixtures are built for JDK " + CURRENT + " and 17 only");
        }
        if (fixtures17 == null) {
            fixtures17 = compileFixtures(17);
        }
        return fixtures17;
    }

    public static Path testClasses() {
        try {
            return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path compileFixtures(int release) {
        Path target = testClasses().getParent();
        Path out = target.resolve("fixtures-" + release);
        Path sources = Path.of(System.getProperty("basedir", ".")).resolve("src/test/java/io/leaklens/fixtures");
        List<String> args = new ArrayList<>(List.of("--release", Integer.toString(release), "-d", out.toString()));
        try (Stream<Path> files = Files.list(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fixtures in " + sources, e);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int result = javac.run(null, new PrintStream(messages), new PrintStream(messages), args.toArray(String[]::new));
        if (result != 0) {
            throw new IllegalStateException("fixtures do not compile for JDK " + release + ":\n" + messages);
        }
        return out;
    }

    /** How to start a child. */
    public static final class Builder {
        private final String main;
        private int feature = CURRENT;
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final List<String> prefix = new ArrayList<>();
        private Path classPath;
        private Path workDir;

        private Builder(String main) {
            this.main = main;
        }

        /** The JDK to run on, by feature version (17 or the one running the tests). */
        public Builder jdk(int feature) {
            this.feature = feature;
            return this;
        }

        public Builder jvmOptions(String... options) {
            jvmOptions.addAll(List.of(options));
            return this;
        }

        public Builder args(String... arguments) {
            args.addAll(List.of(arguments));
            return this;
        }

        /** Words before the java executable, e.g. {@code setpriv --reuid=65534 ...}. */
        public Builder prefix(String... words) {
            prefix.addAll(List.of(words));
            return this;
        }

        /** Another class path than the fixtures' (e.g. a copy another user can read); none for a source file. */
        public Builder classPath(Path path) {
            this.classPath = path;
            return this;
        }

        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        public List<String> command() {
            List<String> command = new ArrayList<>(prefix);
            command.add(javaExecutable(feature).toString());
            command.addAll(jvmOptions);
            if (main.endsWith(".jar")) {
                command.add("-jar");
            } else if (!main.endsWith(".java")) {
                command.add("-cp");
                command.add((classPath != null ? classPath : fixtureClasses(feature)).toString());
            }
            command.add(main);
            command.addAll(args);
            return command;
        }

        /** Starts the child and waits until it prints {@code ready}. */
        public ChildJvm start() {
            return startAll(this).getFirst();
        }

        private ChildJvm launch() {
            try {
                return new ChildJvm(command(), workDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
