package io.leaklens.jfr;

import io.leaklens.model.RecordingContents;
import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.model.AllocationSample;
import io.leaklens.model.RecordedJvm;
import io.leaklens.session.RecordingAnalysis;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recordings made the ways users make them, by real JVMs of Java 25 and 17 in this run: a continuous recording
 * started with the JVM ({@code -XX:StartFlightRecording}, small chunks and a small {@code maxsize}, so that it has
 * several chunks and has dropped some), one started with {@code jcmd JFR.start} after the JVM ran a while and dumped
 * once and again while running, the two dumps of it joined, and two JVMs' recordings joined. None may be refused;
 * every allocation sample is delivered once, as many as the JDK's {@code jfr summary} counts; class names are right.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RecordingCorpusTest {

    @TempDir
    static Path dir;
    private static final Map<String, Path> FILES = new TreeMap<>();
    private static final Map<Path, Long> SUMMARY_COUNTS = new HashMap<>();

    @BeforeAll
    static void record() throws Exception {
        List<Integer> jdks = ChildJvm.hasJdk(17) ? List.of(ChildJvm.CURRENT, 17) : List.of(ChildJvm.CURRENT);
        List<ChildJvm> children = ChildJvm.startAll(jdks.stream().map(jdk -> ChildJvm.of(StaticListLeak.class)
                .jdk(jdk).jvmOptions("-Xmx64m", "-XX:FlightRecorderOptions=maxchunksize=1m",
                        "-XX:StartFlightRecording=name=startup,settings=profile,maxsize=2m")).toArray(
                ChildJvm.Builder[]::new));
        try {
            Thread.sleep(2_000); // the JVMs run a while before the second recording starts
            for (int i = 0; i < jdks.size(); i++) {
                FixtureRecordings.jcmd(jdks.get(i), children.get(i), "JFR.start", "name=late", "settings=profile");
            }
            Thread.sleep(3_000);
            dumpAll(jdks, children, "late", "late-once");
            Thread.sleep(2_000);
            dumpAll(jdks, children, "late", "late-twice");
            dumpAll(jdks, children, "startup", "startup");
        } finally {
            ChildJvm.closeAll(children.toArray(ChildJvm[]::new));
        }
        for (int jdk : jdks) {
            FILES.put("late-dumps-joined-" + jdk, join("late-dumps-joined-" + jdk,
                    FILES.get("late-once-" + jdk), FILES.get("late-twice-" + jdk)));
        }
        if (jdks.size() == 2) {
            FILES.put("two-jvms-joined", join("two-jvms-joined", FILES.get("startup-17"),
                    FILES.get("startup-" + ChildJvm.CURRENT)));
        }
    }

    @AfterAll
    static void forget() {
        FILES.clear();
        SUMMARY_COUNTS.clear();
    }

    static Stream<String> singleRecordings() {
        return FILES.keySet().stream().filter(name -> !name.contains("joined"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleRecordings")
    void aRecordingOfOneJvmIsReadWholeAndAsTheJdkCountsIt(String name) throws Exception {
        Path file = FILES.get(name);
        CollectingSink sink = read(file);

        assertThat(summaryCount(file)).isPositive();
        assertThat((long) sink.allocationCount()).isEqualTo(summaryCount(file));
        // Readable names, never descriptors or constants of another chunk; hidden classes keep their JDK suffixes
        // ("Foo$$Lambda$20+0x00007fe1a4049a20.1450495309" on JDK 17, "Foo$$Lambda/0x0000000801001400" on 25).
        assertThat(sink.bytesByClass()).containsKey("byte[]").allSatisfy((className, bytes) ->
                assertThat(className).matches("[\\p{L}_$][\\p{L}\\p{N}_$.+/]*(\\[])*"));
        RecordingContents contents = JfrFile.contents(file);
        assertThat(contents.recordings()).isEqualTo(1);
        assertThat(contents.repeatedChunks()).isZero();
        RecordingAnalysis.Analysis analysis = RecordingAnalysis.analyze(file);
        assertThat(analysis.source().jvms()).hasSize(1);
        assertThat(analysis.source().jvms().getFirst().command()).isEqualTo(StaticListLeak.class.getName());
        assertThat(analysis.source().sentence()).isEmpty();
    }

    @Test
    void recordingsHaveSeveralChunksAsUsersGetThem() throws Exception {
        for (int jdk : List.of(ChildJvm.CURRENT, 17)) {
            if (FILES.containsKey("startup-" + jdk)) {
                assertThat(JfrFile.contents(FILES.get("startup-" + jdk)).chunks()).as("startup-" + jdk)
                        .isGreaterThanOrEqualTo(3);
                assertThat(JfrFile.contents(FILES.get("late-twice-" + jdk)).chunks()).as("late-twice-" + jdk)
                        .isGreaterThan(JfrFile.contents(FILES.get("late-once-" + jdk)).chunks());
            }
        }
    }

    /** {@code cat once.jfr twice.jfr}: the second dump holds the first's chunks again; each is read once. */
    @Test
    void twoDumpsOfOneRecordingJoinedReadAsTheLaterDump() throws Exception {
        for (int jdk : List.of(ChildJvm.CURRENT, 17)) {
            Path joined = FILES.get("late-dumps-joined-" + jdk);
            if (joined == null) {
                continue;
            }
            Path later = FILES.get("late-twice-" + jdk);
            assertThat(read(joined).allocations()).as("JDK " + jdk)
                    .containsExactlyInAnyOrderElementsOf(read(later).allocations());
            RecordingContents contents = JfrFile.contents(joined);
            assertThat(contents.repeatedChunks()).isEqualTo(JfrFile.contents(FILES.get("late-once-" + jdk)).chunks());
            RecordingAnalysis.Analysis analysis = RecordingAnalysis.analyze(joined);
            assertThat(analysis.source().jvms()).hasSize(1);
            assertThat(analysis.source().sentence()).contains("read once");
        }
    }

    /**
     * {@code cat a.jfr b.jfr} of two JVMs: the JDK alone reads b with a's times and constants (wrong class names,
     * or an end at the join); read recording by recording, every sample comes with its own class name.
     */
    @Test
    void twoJvmsRecordingsJoinedReadAsEachOnItsOwn() throws Exception {
        Path joined = FILES.get("two-jvms-joined");
        org.junit.jupiter.api.Assumptions.assumeTrue(joined != null, "no JDK 17 installed");
        Path first = FILES.get("startup-17");
        Path second = FILES.get("startup-" + ChildJvm.CURRENT);

        CollectingSink both = read(joined);

        assertThat((long) both.allocationCount()).isEqualTo(summaryCount(first) + summaryCount(second));
        assertThat(samplesByClass(both.allocations())).isEqualTo(samplesByClass(Stream.concat(
                read(first).allocations().stream(), read(second).allocations().stream()).toList()));
        RecordingAnalysis.Analysis analysis = RecordingAnalysis.analyze(joined);
        assertThat(analysis.source().contents().recordings()).isEqualTo(2);
        assertThat(analysis.source().jvms()).extracting(RecordedJvm::version)
                .anyMatch(v -> v.startsWith("17.")).anyMatch(v -> v.startsWith(ChildJvm.CURRENT + "."));
        assertThat(analysis.source().sentence()).startsWith("it holds 2 recordings of 2 JVMs, pid ");
        assertThat(analysis.state().allocations().samples()).isPositive();
    }

    /** Read in parts on several threads, a joined file gives what reading it in one piece gives. */
    @Test
    void aJoinedFileReadInPartsDeliversEverySampleOnce() throws Exception {
        Path joined = FILES.getOrDefault("two-jvms-joined", FILES.get("late-dumps-joined-" + ChildJvm.CURRENT));
        List<CollectingSink> parts = new ArrayList<>();
        int read = JfrFile.readInParts(joined, 4, i -> {
            CollectingSink sink = new CollectingSink();
            synchronized (parts) {
                parts.add(sink);
            }
            return sink;
        });
        List<AllocationSample> all = parts.stream().flatMap(p -> p.allocations().stream()).toList();
        assertThat(read).isEqualTo(parts.size());
        assertThat(all).containsExactlyInAnyOrderElementsOf(read(joined).allocations());
    }

    private static void dumpAll(List<Integer> jdks, List<ChildJvm> children, String recording, String name)
            throws Exception {
        for (int i = 0; i < jdks.size(); i++) {
            Path file = dir.resolve(name + "-" + jdks.get(i) + ".jfr");
            FixtureRecordings.jcmd(jdks.get(i), children.get(i), "JFR.dump", "name=" + recording,
                    "filename=" + file);
            FILES.put(name + "-" + jdks.get(i), file);
        }
    }

    private static Path join(String name, Path... files) throws Exception {
        Path joined = dir.resolve(name + ".jfr");
        try (OutputStream out = Files.newOutputStream(joined)) {
            for (Path file : files) {
                Files.copy(file, out);
            }
        }
        return joined;
    }

    private static CollectingSink read(Path file) throws Exception {
        CollectingSink sink = new CollectingSink();
        JfrFile.read(file, sink);
        return sink;
    }

    private static Map<String, Long> samplesByClass(List<AllocationSample> samples) {
        return samples.stream().collect(Collectors.groupingBy(AllocationSample::className, TreeMap::new,
                Collectors.counting()));
    }

    /** The JDK's own count of allocation samples in a file of one recording: {@code jfr summary}. */
    private static synchronized long summaryCount(Path file) throws Exception {
        Long known = SUMMARY_COUNTS.get(file);
        if (known != null) {
            return known;
        }
        String summary = FixtureRecordings.run(List.of(FixtureRecordings.tool(ChildJvm.CURRENT, "jfr").toString(),
                "summary", file.toString()));
        Matcher row = Pattern.compile("(?m)^\\s*" + Pattern.quote(EventMapper.ALLOCATION_SAMPLE)
                + "\\s+(\\d+)\\s+\\d+\\s*$").matcher(summary);
        long count = row.find() ? Long.parseLong(row.group(1)) : 0;
        SUMMARY_COUNTS.put(file, count);
        return count;
    }
}
