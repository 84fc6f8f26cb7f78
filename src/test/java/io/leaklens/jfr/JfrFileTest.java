package io.leaklens.jfr;

import io.leaklens.model.RecordingContents;
import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.ReferenceHop;
import io.leaklens.support.ChildJvm;
import jdk.jfr.consumer.EventStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Recording files made with jcmd from StaticListLeak, checked against the JDK's own jfr tool, and bad files. */
class JfrFileTest {

    @TempDir
    static Path dir;

    private static CollectingSink read(Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        JfrFile.read(file, sink);
        return sink;
    }

    @Test
    void topAllocatingClassIsTheOneJfrViewNames() throws Exception {
        Path file = FixtureRecordings.of(ChildJvm.CURRENT);
        String view = FixtureRecordings.run(List.of(FixtureRecordings.tool(ChildJvm.CURRENT, "jfr").toString(),
                "view", "allocation-by-class", file.toString()));
        // The first row after the dashes: "byte[]      97.51%"
        List<String> lines = view.lines().toList();
        int dashes = lines.indexOf(lines.stream().filter(l -> l.startsWith("---")).findFirst().orElseThrow());
        String jfrTop = lines.get(dashes + 1).strip().split("\\s+")[0];

        CollectingSink sink = read(file);
        assertThat(jfrTop).isEqualTo("byte[]");
        assertThat(sink.topClass()).contains(jfrTop);
        assertThat(sink.flushes()).isPositive();
        assertThat(sink.allocations()).anyMatch(a -> !a.stack().isEmpty()
                && a.stack().getFirst().className().equals(StaticListLeak.class.getName())
                && a.stack().getFirst().methodName().equals("main"));
    }

    @ParameterizedTest(name = "JDK {0} target")
    @ValueSource(ints = {25, 17})
    void deliversAsManyEventsAsJfrSummaryCounts(int jdk) throws Exception {
        Path file = FixtureRecordings.of(jdk);
        Assumptions.assumeTrue(file != null, "no JDK " + jdk + " installed");
        Map<String, Long> counts = summaryCounts(file);
        CollectingSink sink = read(file);

        assertThat(counts.get(EventMapper.ALLOCATION_SAMPLE)).isPositive();
        assertThat((long) sink.allocationCount()).isEqualTo(counts.get(EventMapper.ALLOCATION_SAMPLE));
        assertThat((long) sink.heapSummaries().size()).isEqualTo(counts.get(EventMapper.HEAP_SUMMARY));
        List<CollectingSink.Burst> bursts = sink.bursts();
        // Each dump emits one burst into the recording itself, so a recording dumped again (FixtureRecordings does
        // until the static list is sampled) holds the earlier dumps' bursts too, oldest first.
        assertThat(bursts).as("one burst per dump").isNotEmpty();
        assertThat(bursts).extracting(CollectingSink.Burst::emittedAt).isSorted().doesNotHaveDuplicates();
        assertThat(bursts.stream().mapToLong(b -> b.samples().size()).sum())
                .isEqualTo(counts.get(EventMapper.OLD_OBJECT_SAMPLE));
        assertThat(sink.unannounced).isEmpty();
        assertThat(sink.topClass()).contains("byte[]");
        List<OldObjectSample> samples = bursts.stream().flatMap(b -> b.samples().stream()).toList();
        if (jdk >= 25) {
            assertThat(samples).allSatisfy(s -> assertThat(s.objectSize()).isPositive());
        } else {
            assertThat(samples).allSatisfy(s -> assertThat(s.objectSize()).isEqualTo(-1));
        }
    }

    @ParameterizedTest(name = "JDK {0} target")
    @ValueSource(ints = {25, 17})
    void oldObjectsOfADumpLeadToTheStaticList(int jdk) throws Exception {
        Path file = FixtureRecordings.of(jdk);
        Assumptions.assumeTrue(file != null, "no JDK " + jdk + " installed");
        List<OldObjectSample> samples = read(file).bursts().getLast().samples(); // the latest dump's

        // The list's backing array (sampled when it grows) or an Entry in it: either way via ENTRIES.elementData.
        OldObjectSample leak = samples.stream().filter(s -> s.pathFromRoot().size() >= 3
                        && "ENTRIES".equals(s.pathFromRoot().getFirst().field()))
                .findFirst().orElseThrow(() -> new AssertionError("no sample held by ENTRIES among " + samples));
        List<ReferenceHop> path = leak.pathFromRoot();
        assertThat(path.getFirst().className()).isEqualTo("java.lang.Class");
        assertThat(path.getFirst().fieldStatic()).isTrue();
        assertThat(path.getFirst().description()).contains(StaticListLeak.class.getName());
        assertThat(path.get(1).className()).isEqualTo("java.util.ArrayList");
        assertThat(path.get(1).field()).isEqualTo("elementData");
        assertThat(path.get(2).className()).isEqualTo("java.lang.Object[]");
        assertThat(path.get(2).arraySize()).isPositive();
        assertThat(path.getLast().field()).isNull();
        assertThat(leak.root()).isNotNull();
        // Arrays carry their length, on the array hop and on the sample.
        samples.stream().filter(s -> s.className().endsWith("[]") && !s.pathFromRoot().isEmpty())
                .forEach(s -> assertThat(s.pathFromRoot().getLast().arraySize()).isEqualTo(s.arrayElements()));
        assertThat(samples).allSatisfy(s -> assertThat(s.className()).doesNotStartWith("["));
    }

    /**
     * A file is read unordered (faster): the events whose order matters must still come as an ordered stream gives
     * them, and every allocation sample must come, whatever its order.
     */
    @ParameterizedTest(name = "JDK {0} target")
    @ValueSource(ints = {25, 17})
    void readingUnorderedDeliversWhatAnOrderedStreamDelivers(int jdk) throws Exception {
        Path file = FixtureRecordings.of(jdk);
        Assumptions.assumeTrue(file != null, "no JDK " + jdk + " installed");
        CollectingSink ordered = new CollectingSink();
        try (EventStream stream = EventStream.openFile(file)) {
            EventRouter.connect(stream, ordered);
            stream.start();
        }
        CollectingSink unordered = read(file);

        assertThat(unordered.heapSummaries()).containsExactlyElementsOf(ordered.heapSummaries());
        assertThat(unordered.bursts()).hasSameSizeAs(ordered.bursts());
        for (int i = 0; i < ordered.bursts().size(); i++) {
            assertThat(unordered.bursts().get(i).emittedAt()).isEqualTo(ordered.bursts().get(i).emittedAt());
            assertThat(unordered.bursts().get(i).targetPause()).isEqualTo(ordered.bursts().get(i).targetPause());
            assertThat(unordered.bursts().get(i).samples()).containsExactlyElementsOf(
                    ordered.bursts().get(i).samples());
        }
        assertThat(unordered.allocations()).containsExactlyInAnyOrderElementsOf(ordered.allocations());
    }

    /** {@code cat a.jfr a.jfr}: the same chunks twice are the same events, read once. */
    @Test
    void aChunkThatAFileHoldsTwiceIsReadOnce() throws Exception {
        Path file = FixtureRecordings.of(ChildJvm.CURRENT);
        Path twice = dir.resolve("twice.jfr");
        byte[] bytes = Files.readAllBytes(file);
        try (OutputStream out = Files.newOutputStream(twice)) {
            out.write(bytes);
            out.write(bytes);
        }
        CollectingSink once = read(file);
        assertThat(read(twice).allocations()).containsExactlyInAnyOrderElementsOf(once.allocations());
        RecordingContents contents = JfrFile.contents(twice);
        assertThat(contents.recordings()).isEqualTo(1);
        assertThat(contents.repeatedChunks()).isEqualTo(contents.chunks() / 2).isPositive();
    }

    @Test
    void aFailingSinkStopsTheReadingAndItsExceptionReachesTheCaller() throws Exception {
        Path file = FixtureRecordings.of(ChildJvm.CURRENT);
        CollectingSink failing = new CollectingSink() {
            @Override
            public synchronized void heapSummary(io.leaklens.model.HeapSummaryEvent summary) {
                throw new IllegalStateException("sink broke");
            }
        };
        assertThatThrownBy(() -> JfrFile.read(file, failing)).isInstanceOf(IllegalStateException.class)
                .hasMessage("sink broke");
        assertThat(failing.allocationCount()).isLessThan(read(file).allocationCount());
    }

    @Test
    void badFilesFailAtOnceWithOneSentence() throws Exception {
        byte[] good = Files.readAllBytes(FixtureRecordings.of(ChildJvm.CURRENT));
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put(write("empty.jfr", new byte[0]), "is empty, not a JFR recording");
        for (int length : new int[] {3, 10, 67, 68, 1000, good.length / 2, good.length - 1}) {
            expected.put(write("truncated-" + length + ".jfr", Arrays.copyOf(good, length)), "is truncated");
        }
        expected.put(write("random.jfr", random(5000)), "is not a JFR recording");
        expected.put(write("archive.zip", zip()), "is not a JFR recording");
        expected.put(write("text.jfr", "hello, world\n".getBytes()), "is not a JFR recording");
        byte[] trailing = Arrays.copyOf(good, good.length + 100);
        expected.put(write("trailing-junk.jfr", trailing), "is damaged: no JFR chunk starts at byte " + good.length);
        byte[] unfinished = good.clone();
        unfinished[64] = 1; // the header's file state: "still being written"
        expected.put(write("unfinished.jfr", unfinished), "is an unfinished JFR recording");
        byte[] noMetadata = good.clone();
        Arrays.fill(noMetadata, 24, 32, (byte) 0); // the metadata offset
        expected.put(write("no-metadata.jfr", noMetadata), "is damaged");
        byte[] version = good.clone();
        version[5] = 9; // major version 9
        expected.put(write("version.jfr", version), "version 9.");
        expected.put(dir.resolve("missing.jfr").toString(), "no such file");
        Path directory = Files.createDirectories(dir.resolve("a-directory.jfr"));
        expected.put(directory.toString(), "is a directory");

        for (Map.Entry<String, String> bad : expected.entrySet()) {
            Path file = Path.of(bad.getKey());
            assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                    assertThatThrownBy(() -> read(file)).as(file.getFileName().toString())
                            .isInstanceOf(IOException.class)
                            .hasMessageContaining(bad.getValue())
                            .hasMessageContaining(file.toString())
                            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception").hasLineCount(1)));
        }
    }

    /** {@code jfr summary}: " jdk.ObjectAllocationSample    952    12507". */
    private static Map<String, Long> summaryCounts(Path file) throws Exception {
        String summary = FixtureRecordings.run(List.of(FixtureRecordings.tool(ChildJvm.CURRENT, "jfr").toString(),
                "summary", file.toString()));
        Map<String, Long> counts = new java.util.HashMap<>(Map.of(EventMapper.ALLOCATION_SAMPLE, 0L,
                EventMapper.HEAP_SUMMARY, 0L, EventMapper.OLD_OBJECT_SAMPLE, 0L));
        Matcher row = Pattern.compile("(?m)^\\s*(jdk\\.\\w+)\\s+(\\d+)\\s+\\d+\\s*$").matcher(summary);
        while (row.find()) {
            counts.put(row.group(1), Long.parseLong(row.group(2)));
        }
        return counts;
    }

    private static String write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes).toString();
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static byte[] zip() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("recording.jfr"));
            zip.write(Files.readAllBytes(FixtureRecordings.of(ChildJvm.CURRENT)));
            zip.closeEntry();
        } catch (Exception e) {
            throw new IOException(e);
        }
        return bytes.toByteArray();
    }
}
