package io.leaklens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.heapdump.FixtureDumps;
import io.leaklens.heapdump.HprofWriter;
import io.leaklens.jfr.FixtureRecordings;
import io.leaklens.model.MonitoringThread;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code leaklens analyze FILE.jfr} end to end, in process: wrong usage and bad files first, then a recording. */
class AnalyzeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE = StaticListLeak.class.getName();
    private static final Set<String> ROOT_KINDS = Set.of("static field", "thread", "jni", "class loader", "other");

    @TempDir
    static Path dir;



    // --- wrong usage and bad files ---

    @Test
    void analyzeWithoutAFileIsWrongUsage() {
        CliRun run = CliRun.run("analyze");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("FILE.jfr").contains("Usage: leaklens analyze");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void analyzeHasHelp() {
        CliRun run = CliRun.run("analyze", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: leaklens analyze", "FILE.jfr", "--json");
    }

    @Test
    void aMissingFileFailsInOneLine() {
        CliRun run = CliRun.run("analyze", "/nonexistent.jfr");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("leaklens: no such file: /nonexistent.jfr");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aFileThatIsNotARecordingFailsInOneLineWithoutAStackTrace() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jfr"), "not a recording\n");
        Path empty = Files.createFile(dir.resolve("empty.jfr"));

        for (Path bad : List.of(text, empty, dir)) {
            CliRun run = CliRun.run("analyze", bad.toString(), "--json");

            assertThat(run.exitCode()).as(bad.toString()).isEqualTo(1);
            assertThat(run.errLines()).singleElement().asString().startsWith("leaklens: " + bad + " is ")
                    .doesNotContain("Exception");
            assertThat(run.out()).isEmpty();
        }
    }

    // --- a recording of StaticListLeak ---

    @Test
    void asJsonItHasTheContractsShape() throws Exception {
        Path file = FixtureRecordings.of(ChildJvm.CURRENT);

        CliRun run = CliRun.run("analyze", file.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).as("progress only").allSatisfy(l -> assertThat(l).startsWith("leaklens: "));
        JsonNode report = run.json();
        assertThat(report.at("/target").isObject()).isTrue();
        assertThat(report.at("/target").has("pid")).isTrue();
        assertThat(report.at("/target/displayName").asText()).isEqualTo(file.getFileName().toString());
        assertThat(report.at("/target").has("jvmVersion")).isTrue();
        assertThat(report.at("/durationSeconds").isNumber()).isTrue();
        assertThat(report.at("/durationSeconds").asDouble()).as("the recording runs ~4 s").isBetween(1.0, 60.0);
        for (String field : List.of("usedBytesStart", "usedBytesEnd", "gcCount")) {
            assertThat(report.at("/heap/" + field).isIntegralNumber()).as(field).isTrue();
        }
        assertThat(report.at("/heap/usedBytesStart").asLong()).isPositive();
        assertThat(report.at("/heap/usedBytesEnd").asLong()).isPositive();
        assertThat(report.at("/heap/gcCount").asLong()).as("the fixture collects every second").isPositive();
        assertThat(report.at("/heap").has("liveSetSlopeBytesPerSecond")).isTrue();
        assertThat(report.at("/verdict").asText()).isIn("leak", "no-leak", "inconclusive");
        assertThat(report.at("/suspects").isArray()).isTrue();

        JsonNode top = report.at("/topAllocations");
        assertThat(top.isArray()).isTrue();
        assertThat(top.size()).isPositive();
        assertThat(top).allSatisfy(a -> {
            assertThat(a.get("className").isTextual()).isTrue();
            assertThat(a.get("bytesPerSecond").isNumber()).isTrue();
            assertThat(a.get("bytesPerSecond").asDouble()).isPositive();
            assertThat(a.get("site").isTextual()).isTrue();
        });
        assertThat(top.get(0).get("className").asText()).isEqualTo("byte[]");
        assertThat(top.get(0).get("site").asText()).startsWith(FIXTURE + ".main(StaticListLeak.java:");
        assertThat(StreamSupport.stream(top.spliterator(), false).map(a -> a.get("bytesPerSecond").asDouble()).toList())
                .as("heaviest first").isSortedAccordingTo((a, b) -> Double.compare(b, a));

        // The dump has old objects, and the contract's root kinds
        JsonNode oldObjects = report.at("/oldObjects");
        assertThat(oldObjects.isArray()).isTrue();
        assertThat(oldObjects.size()).isPositive();
        assertThat(oldObjects).allSatisfy(o -> assertThat(o.at("/gcRoot/kind").asText()).isIn(ROOT_KINDS));
        assertThat(oldObjects).anySatisfy(o -> {
            assertThat(o.at("/gcRoot/kind").asText()).isEqualTo("static field");
            assertThat(o.at("/pathFromRoot/0/className").asText()).isEqualTo(FIXTURE);
            assertThat(o.at("/pathFromRoot/0/field").asText()).isEqualTo("ENTRIES");
        });
    }

    @Test
    void asTextItSaysWhatItFound() throws Exception {
        Path file = FixtureRecordings.of(ChildJvm.CURRENT);

        CliRun run = CliRun.run("analyze", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(file.getFileName().toString()).contains("byte[]")
                .containsPattern("(?m)^verdict\\s+inconclusive: ");
        assertThat(run.err()).contains("reading " + file);
    }

    // --- a heap dump of StaticListLeak ---

    @Test
    void aHeapDumpIsKnownByItsFirstBytesAndSaysWhatHoldsTheLeak() throws Exception {
        Path dump = FixtureDumps.plain(ChildJvm.CURRENT);

        CliRun run = CliRun.run("analyze", dump.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Heap dump " + dump.getFileName() + ": ")
                .contains("Counted: strong references only")
                .contains("held by: " + FIXTURE + ".ENTRIES → java.util.ArrayList.elementData → java.lang.Object[] "
                        + "element → " + FIXTURE + "$Entry")
                .containsPattern("(?m)^  1\\. " + FIXTURE.replace(".", "\\.") + "\\$Entry \\(score 0\\.\\d\\d\\)$");
    }

    @Test
    void aHeapDumpAsJsonHasItsSuspectsInTheContractsShape() throws Exception {
        Path gzipped = FixtureDumps.gzipped(ChildJvm.CURRENT);
        Path renamed = Files.copy(gzipped, dir.resolve("dump-with-another-name.bin"));

        CliRun run = CliRun.run("analyze", renamed.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = run.json();
        assertThat(report.at("/source").asText()).isEqualTo("heap dump");
        assertThat(report.at("/summary/objects").asLong()).isPositive();
        assertThat(report.at("/summary/reachableBytes").asLong()).isPositive();
        assertThat(report.at("/topClasses").size()).isPositive();
        assertThat(report.at("/topDominators/0/retainedBytes").asLong()).isPositive();
        JsonNode suspect = report.at("/suspects/0");
        assertThat(suspect.at("/className").asText()).isEqualTo(FIXTURE + "$Entry");
        assertThat(suspect.at("/gcRoot/kind").asText()).isEqualTo("static field").isIn(ROOT_KINDS);
        assertThat(suspect.at("/pathFromRoot/0/className").asText()).isEqualTo(FIXTURE);
        assertThat(suspect.at("/pathFromRoot/0/field").asText()).isEqualTo("ENTRIES");
        assertThat(suspect.at("/pathFromRoot/3/field").isNull()).isTrue();
        assertThat(suspect.at("/explanation").asText()).isNotBlank();
    }

    @Test
    void aSuspectHeldByARootItselfHasNoHintToTakeAHeapDump() throws Exception {
        HprofWriter writer = new HprofWriter();
        writer.type(1, "java/lang/Object", 0, new int[0][], new String[0], new int[0]);
        writer.root(0x05, 1, 0);
        writer.root(0x01, 2, 4);
        writer.intArray(2, 100_000);
        Path file = Files.write(dir.resolve("one-big-array.hprof"), writer.toBytes());

        CliRun run = CliRun.run("analyze", file.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode suspect = run.json().at("/suspects/0");
        assertThat(suspect.at("/className").asText()).isEqualTo("int[]");
        assertThat(suspect.at("/gcRoot/kind").asText()).isEqualTo("jni");
        assertThat(suspect.at("/pathFromRoot").size()).isEqualTo(1);
        assertThat(suspect.at("/pathHint").isNull()).as("a heap dump holds every path there is").isTrue();
    }

    @Test
    void aDamagedHeapDumpFailsInOneLine() throws Exception {
        byte[] whole = Files.readAllBytes(FixtureDumps.plain(ChildJvm.CURRENT));
        Path cut = Files.write(dir.resolve("cut.hprof"), java.util.Arrays.copyOf(whole, whole.length / 2 + 3));

        CliRun run = CliRun.run("analyze", cut.toString(), "--json");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("leaklens: " + cut + " is truncated")
                .doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    /**
     * The top allocating class and its bytes agree with the JDK's own {@code jfr print} of the same file, summed by
     * class the way LeakLens sums (each thread's first sample left out: it weighs all the thread allocated before
     * the recording; the monitoring threads' samples left out: jcmd's dumps run on the attach listener), and with
     * {@code jfr view allocation-by-class}.
     */
    @Test
    void theTopAllocationAgreesWithTheJdksJfrTool() throws Exception {
        Path file = FixtureRecordings.of(ChildJvm.CURRENT);
        String jfr = FixtureRecordings.tool(ChildJvm.CURRENT, "jfr").toString();
        JsonNode printed = JSON.readTree(FixtureRecordings.run(List.of(jfr, "print", "--json", "--stack-depth", "1",
                "--events", "jdk.ObjectAllocationSample", file.toString())));
        Map<String, Long> byClass = new HashMap<>();
        Set<Long> threadsSeen = new HashSet<>();
        for (JsonNode event : printed.at("/recording/events")) {
            JsonNode values = event.get("values");
            JsonNode thread = values.at("/eventThread/javaThreadId");
            if (!thread.isMissingNode() && threadsSeen.add(thread.asLong())
                    || MonitoringThread.serves(values.at("/eventThread/javaName").asText())) {
                continue; // a thread's first sample, or jcmd's work in the target: LeakLens leaves both out
            }
            byClass.merge(binaryName(values.at("/objectClass/name").asText()), values.get("weight").asLong(),
                    Long::sum);
        }
        Map.Entry<String, Long> jfrTop = byClass.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        String view = FixtureRecordings.run(List.of(jfr, "view", "allocation-by-class", file.toString()));
        List<String> lines = view.lines().toList();
        int dashes = lines.indexOf(lines.stream().filter(l -> l.startsWith("---")).findFirst().orElseThrow());
        String viewTop = lines.get(dashes + 1).strip().split("\\s+")[0];

        JsonNode ours = CliRun.run("analyze", file.toString(), "--json").json().at("/topAllocations/0");

        assertThat(ours.get("className").asText()).isEqualTo(jfrTop.getKey()).isEqualTo(viewTop);
        assertThat(ours.get("bytes").asDouble()).isCloseTo(jfrTop.getValue(), within(jfrTop.getValue() * 0.01));
    }

    /** {@code [B} → {@code byte[]}, {@code [Ljava/lang/Object;} → {@code java.lang.Object[]}, slashes → dots. */
    private static String binaryName(String name) {
        int dims = 0;
        while (name.charAt(dims) == '[') {
            dims++;
        }
        String element = name.substring(dims);
        if (dims > 0) {
            element = switch (element) {
                case "B" -> "byte";
                case "C" -> "char";
                case "D" -> "double";
                case "F" -> "float";
                case "I" -> "int";
                case "J" -> "long";
                case "S" -> "short";
                case "Z" -> "boolean";
                default -> element.substring(1, element.length() - 1);
            };
        }
        return element.replace('/', '.') + "[]".repeat(dims);
    }
}
