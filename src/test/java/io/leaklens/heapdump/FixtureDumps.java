package io.leaklens.heapdump;

import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.jfr.FixtureRecordings;
import io.leaklens.support.ChildJvm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Heap dumps of StaticListLeak made the way a user makes them ({@code jcmd PID GC.heap_dump FILE}, which collects
 * first and dumps live objects only), once per test run and shared by the test classes: on JDK 25 and (if
 * installed) JDK 17, plain and gzip-compressed.
 */
public final class FixtureDumps {

    /** How long the fixture runs before the dump: about 1,000 entries a second. */
    private static final long LEAK_MILLIS = 2500;
    private static Map<String, Path> files;
    private static List<Path> series;
    private static final Map<Integer, String> HISTOGRAMS = new HashMap<>();

    private FixtureDumps() {
    }

    private static void awaitHolding(ChildJvm child) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (child.lastLine("holding ").isEmpty()) {
            if (System.nanoTime() > deadline || !child.process().isAlive()) {
                throw new IllegalStateException("StaticListLeak did not stop adding: " + child.lastLine(""));
            }
            Thread.sleep(20);
        }
    }

    /** The plain dump of a target of this JDK, or null when that JDK is not installed. */
    public static Path plain(int jdk) throws Exception {
        return all().get(jdk + ".hprof");
    }

    /** The gzip-compressed dump ({@code -gz=1}) of a target of this JDK, or null. */
    public static Path gzipped(int jdk) throws Exception {
        return all().get(jdk + ".hprof.gz");
    }

    /**
     * Two plain dumps of one StaticListLeak target of this JDK, the first after {@value #LEAK_MILLIS} ms and the
     * second {@value #LEAK_MILLIS} ms later: about 2,500 more entries.
     */
    public static synchronized List<Path> twoDumpsApart() throws Exception {
        if (series != null) {
            return series;
        }
        Path dir = Files.createTempDirectory("leaklens-dump-pair");
        dir.toFile().deleteOnExit();
        ChildJvm child = ChildJvm.startAll(ChildJvm.of(StaticListLeak.class).jvmOptions("-Xmx64m")).getFirst();
        try {
            String jcmd = FixtureRecordings.tool(ChildJvm.CURRENT, "jcmd").toString();
            List<Path> made = new ArrayList<>();
            for (String name : List.of("earlier.hprof", "later.hprof")) {
                Thread.sleep(LEAK_MILLIS);
                Path dump = dir.resolve(name);
                FixtureRecordings.run(List.of(jcmd, Long.toString(child.pid()), "GC.heap_dump", dump.toString()));
                dump.toFile().deleteOnExit();
                made.add(dump);
            }
            series = List.copyOf(made);
            return series;
        } finally {
            ChildJvm.closeAll(child);
        }
    }

    /** The target's own {@code GC.class_histogram}, taken just before its plain dump, or null. */
    static synchronized String histogram(int jdk) throws Exception {
        all();
        return HISTOGRAMS.get(jdk);
    }

    private static synchronized Map<String, Path> all() throws Exception {
        if (files != null) {
            return files;
        }
        Path dir = Files.createTempDirectory("leaklens-dumps");
        dir.toFile().deleteOnExit();
        List<Integer> jdks = new ArrayList<>(List.of(ChildJvm.CURRENT));
        if (ChildJvm.hasJdk(17)) {
            jdks.add(17);
        }
        // Adding for as long as LEAK_MILLIS, then holding still: a dump taken while a thread adds has that thread's
        // frame hold the list or an entry, a shorter path from a GC root than the static field (seen once in three
        // full test runs on a busy machine).
        ChildJvm.Builder[] builders = jdks.stream().map(jdk -> ChildJvm.of(StaticListLeak.class).jdk(jdk)
                .jvmOptions("-Xmx64m").args(Long.toString(LEAK_MILLIS / 1000 + 1), "hold"))
                .toArray(ChildJvm.Builder[]::new);
        List<ChildJvm> children = ChildJvm.startAll(builders);
        try {
            for (ChildJvm child : children) {
                awaitHolding(child);
            }
            Map<String, Path> made = new HashMap<>();
            for (int i = 0; i < jdks.size(); i++) {
                int jdk = jdks.get(i);
                String jcmd = FixtureRecordings.tool(jdk, "jcmd").toString();
                String pid = Long.toString(children.get(i).pid());
                Path plain = dir.resolve("static-list-leak-" + jdk + ".hprof");
                Path gzipped = dir.resolve("static-list-leak-" + jdk + ".hprof.gz");
                HISTOGRAMS.put(jdk, FixtureRecordings.run(List.of(jcmd, pid, "GC.class_histogram")));
                FixtureRecordings.run(List.of(jcmd, pid, "GC.heap_dump", plain.toString()));
                FixtureRecordings.run(List.of(jcmd, pid, "GC.heap_dump", "-gz=1", gzipped.toString()));
                plain.toFile().deleteOnExit();
                gzipped.toFile().deleteOnExit();
                made.put(jdk + ".hprof", plain);
                made.put(jdk + ".hprof.gz", gzipped);
            }
            files = made;
            return files;
        } finally {
            ChildJvm.closeAll(children.toArray(ChildJvm[]::new));
        }
    }
}
