package io.leaklens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.heapdump.FixtureDumps;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code graph FILE.hprof} and {@code diff a.hprof b.hprof} end to end, in process, on real dumps of StaticListLeak
 * (shared with the other dump tests): bad files first, then what the two commands show.
 */
class HeapDumpGraphAndDiffCliTest {

    private static final String ENTRY = StaticListLeak.class.getName() + "$Entry";

    @TempDir
    static Path dir;

    private static Path cutDump() throws Exception {
        byte[] whole = Files.readAllBytes(FixtureDumps.plain(ChildJvm.CURRENT));
        Path cut = dir.resolve("cut.hprof");
        return Files.exists(cut) ? cut : Files.write(cut, Arrays.copyOf(whole, whole.length / 2 + 3));
    }

    // --- bad files ---

    @Test
    void aDamagedDumpFailsInOneLineForGraphAndForDiff() throws Exception {
        Path cut = cutDump();
        CliRun graph = CliRun.run("graph", cut.toString(), "--format", "json");
        CliRun diff = CliRun.run("diff", FixtureDumps.plain(ChildJvm.CURRENT).toString(), cut.toString());

        for (CliRun run : List.of(graph, diff)) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errLines()).singleElement().asString().startsWith("leaklens: " + cut + " is truncated");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void aDumpAndASnapshotAreNotComparedEitherWayRound() throws Exception {
        Path dump = FixtureDumps.plain(ChildJvm.CURRENT);
        Path snapshot = Files.writeString(dir.resolve("some.llsnap"), "not read: the dump is found first");

        for (String[] args : List.of(new String[] {"diff", dump.toString(), snapshot.toString()},
                new String[] {"diff", snapshot.toString(), dump.toString()})) {
            CliRun run = CliRun.run(args);
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errLines()).singleElement().asString()
                    .isEqualTo("leaklens: cannot compare a heap dump with a snapshot: " + dump + " is a heap dump, "
                            + snapshot + " is not; give two of a kind");
        }
    }

    @Test
    void aMissingFileBesideADumpIsSaidToBeMissing() throws Exception {
        Path missing = dir.resolve("missing.llsnap");
        CliRun run = CliRun.run("diff", missing.toString(), FixtureDumps.plain(ChildJvm.CURRENT).toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().contains(missing.toString())
                .doesNotContain("heap dump");
    }

    @Test
    void theSnapshotsExportsAreRefusedForDumpsAsWrongUsage() throws Exception {
        String dump = FixtureDumps.plain(ChildJvm.CURRENT).toString();
        CliRun run = CliRun.run("diff", dump, dump, "--csv", dir.resolve("x.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--csv, --html and --exact-names are for snapshots", "Usage: leaklens diff");
        assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();
    }

    // --- graph ---

    @Test
    void theGraphOfADumpRunsFromTheStaticListThroughItsArrayToTheEntries() throws Exception {
        CliRun run = CliRun.run("graph", FixtureDumps.plain(ChildJvm.CURRENT).toString(), "--format", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode graph = run.json();
        Map<String, JsonNode> nodes = new HashMap<>();
        graph.get("nodes").forEach(n -> nodes.put(n.get("id").asText(), n));
        List<String> chain = new ArrayList<>();
        JsonNode entry = null;
        for (JsonNode node : graph.get("nodes")) {
            if (node.get("className").asText().equals(ENTRY)) {
                entry = node;
            }
        }
        assertThat(entry).as("a node for the entries").isNotNull();
        assertThat(entry.get("count").asLong()).as("the instances drawn, at most 200").isEqualTo(200);
        // Walk back from the entries to their root, one edge into each node (a tree of shortest paths).
        for (String at = entry.get("id").asText(); at != null; ) {
            String to = at;
            JsonNode in = null;
            for (JsonNode edge : graph.get("edges")) {
                if (edge.get("to").asText().equals(to)) {
                    in = edge;
                }
            }
            chain.addFirst(nodes.get(to).get("className").asText() + (chain.isEmpty() ? "" : "." + fieldOf(graph, to)));
            at = in == null ? null : in.get("from").asText();
        }
        assertThat(chain).containsExactly(StaticListLeak.class.getName() + ".ENTRIES",
                "java.util.ArrayList.elementData", "java.lang.Object[].[]", ENTRY);
        assertThat(nodes.values().stream().filter(n -> n.get("kind").asText().equals("root")))
                .extracting(n -> n.get("description").asText())
                .contains("static fields of " + StaticListLeak.class.getName());
    }

    /** The field of a node that refers onwards along the chain being walked (its one outgoing edge on it). */
    private static String fieldOf(JsonNode graph, String from) {
        for (JsonNode edge : graph.get("edges")) {
            if (edge.get("from").asText().equals(from)) {
                return edge.get("field").asText();
            }
        }
        return "?";
    }

    @Test
    void theGraphOfADumpAsTextAndDotAndIntoAFile() throws Exception {
        Path dump = FixtureDumps.plain(ChildJvm.CURRENT);
        Path out = dir.resolve("dump.dot");

        CliRun text = CliRun.run("graph", dump.toString());
        CliRun dot = CliRun.run("graph", dump.toString(), "--format", "dot", "--level", "objects", "-o",
                out.toString());

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("static fields of " + StaticListLeak.class.getName(), "elementData", ENTRY);
        assertThat(dot.exitCode()).isZero();
        assertThat(dot.errLines()).singleElement().asString().startsWith("leaklens: wrote " + out);
        assertThat(Files.readString(out)).startsWith("digraph").contains("elementData", ENTRY + " ×200");
    }

    @Test
    void theGraphReachesTheStandardOutputStreamBeforeTheProcessExits() throws Exception {
        // As main() runs it: an autoflush PrintWriter over a stream buffers a print() until it is flushed.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int code = LeakLensCli.run(new String[] {"graph", FixtureDumps.plain(ChildJvm.CURRENT).toString()},
                new java.io.PrintWriter(bytes, true), new java.io.PrintWriter(new java.io.StringWriter(), true));

        assertThat(code).isZero();
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).contains(ENTRY + " ×200");
    }

    @Test
    void atTheObjectLevelTheListAndItsArraySayWhatTheyRetain() throws Exception {
        CliRun run = CliRun.run("graph", FixtureDumps.plain(ChildJvm.CURRENT).toString(), "--format", "json",
                "--level", "objects");

        assertThat(run.exitCode()).isZero();
        List<String> described = new ArrayList<>();
        run.json().get("nodes").forEach(n -> {
            if (Set.of("java.util.ArrayList", "java.lang.Object[]").contains(n.get("className").asText())) {
                described.add(n.get("className").asText() + " " + n.get("description").asText());
            }
        });
        // About 2,500 entries of 104 bytes each: some hundreds of KB.
        assertThat(described).hasSize(2).allMatch(d -> d.matches(".* retains \\d+(\\.\\d)? KB"));
    }

    // --- diff ---

    @Test
    void theEntriesGrowBetweenTwoDumpsAndOnlyTheirHoldersRankAboveThem() throws Exception {
        List<Path> dumps = FixtureDumps.twoDumpsApart();
        CliRun run = CliRun.run("diff", dumps.get(0).toString(), dumps.get(1).toString(), "--json", "--top", "50");

        assertThat(run.exitCode()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("before").get("file").asText()).isEqualTo(dumps.get(0).toString());
        assertThat(json.get("after").has("takenAt")).isTrue();
        List<String> ranked = new ArrayList<>();
        JsonNode entries = null;
        for (JsonNode c : json.get("classes")) {
            for (String field : List.of("className", "instancesBefore", "instancesAfter", "bytesBefore", "bytesAfter",
                    "retainedBefore", "retainedAfter")) {
                assertThat(c.has(field)).as(field).isTrue();
            }
            if (c.get("className").asText().equals(ENTRY)) {
                entries = c;
                break;
            }
            ranked.add(c.get("className").asText());
        }
        assertThat(entries).as("the entries among the first 50").isNotNull();
        long grown = entries.get("instancesAfter").asLong() - entries.get("instancesBefore").asLong();
        assertThat(grown).as("about 1,000 a second for 2.5 s").isGreaterThan(1000);
        assertThat(entries.get("bytesAfter").asLong() - entries.get("bytesBefore").asLong()).isEqualTo(grown * 24);
        assertThat(entries.get("retainedAfter").asLong() - entries.get("retainedBefore").asLong())
                .as("an entry and its 64-byte payload").isEqualTo(grown * (24 + 80));
        // Retained sizes contain what their objects hold: the static list's class, the list and its array hold
        // the entries, so they grow at least as much. Nothing else ranks above the entries.
        assertThat(ranked).isSubsetOf(Set.of("java.lang.Class", "java.util.ArrayList", "java.lang.Object[]"));
        assertThat(json.get("suspects").get(0).get("className").asText()).isEqualTo(ENTRY);
        assertThat(json.get("suspects").get(0).get("gcRoot").get("kind").asText()).isEqualTo("static field");
    }

    @Test
    void theDiffOfTwoDumpsAsText() throws Exception {
        List<Path> dumps = FixtureDumps.twoDumpsApart();
        CliRun run = CliRun.run("diff", dumps.get(0).toString(), dumps.get(1).toString(), "--top", "5");
        CliRun filtered = CliRun.run("diff", dumps.get(0).toString(), dumps.get(1).toString(), "--hide-jdk",
                "--filter", "leak");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("Heap dumps earlier.hprof → later.hprof: classes by retained growth");
        assertThat(lines.get(1)).contains("retained +", "instances before → after", "class");
        assertThat(lines.subList(2, 7)).anySatisfy(line -> assertThat(line).endsWith(ENTRY));
        assertThat(lines.get(7)).isEmpty();
        assertThat(lines.get(8)).isEqualTo("Leak suspects in later.hprof");
        assertThat(lines.get(9)).startsWith("  1. " + ENTRY);
        assertThat(lines.get(10)).startsWith("     held by: " + StaticListLeak.class.getName() + ".ENTRIES → ");
        List<String> rows = filtered.out().lines().skip(2).takeWhile(line -> !line.isEmpty()).toList();
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).contains("  io.leaklens."));
        assertThat(rows.getFirst()).endsWith(ENTRY);
    }
}
