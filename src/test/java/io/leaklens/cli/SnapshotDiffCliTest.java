package io.leaklens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.store.SnapshotFile;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code snapshot}, {@code diff} and {@code watch --out} end to end on a Java 17 child that leaks: snapshot, let it
 * leak, snapshot again, and the diff names the leaking class first with the static field that holds it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotDiffCliTest {

    private static final String ENTRY = StaticListLeak.class.getName() + "$Entry";

    @TempDir
    static Path dir;

    private static ChildJvm leak;

    @BeforeAll
    static void startChild() {
        leak = ChildJvm.of(StaticListLeak.class).jdk(ChildJvm.hasJdk(17) ? 17 : ChildJvm.CURRENT)
                .jvmOptions("-Xmx128m").start();
    }

    @AfterAll
    static void stopChild() {
        ChildJvm.closeAll(leak);
    }

    @Test
    @Order(1)
    void twoSnapshotsOfALeakAndTheDiffNamesTheLeakFirst() throws Exception {
        Path before = dir.resolve("before.llsnap");
        Path after = dir.resolve("after.llsnap");

        CliRun first = CliRun.run("snapshot", Long.toString(leak.pid()), "-o", before.toString(), "--sample", "2s");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("Saved snapshot 'before' of ").contains("classes");
        Thread.sleep(4000);
        CliRun second = CliRun.run("snapshot", Long.toString(leak.pid()), "-o", after.toString(), "--sample", "0");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(SnapshotFile.read(after).histogram().classes()).isNotEmpty();

        CliRun diff = CliRun.run("diff", before.toString(), after.toString(), "--json", "--top", "5");

        assertThat(diff.exitCode()).as(diff.err()).isZero();
        JsonNode json = diff.json();
        assertThat(json.at("/before/file").asText()).isEqualTo(before.toString());
        assertThat(json.at("/after/takenAt").asText()).isNotEmpty();
        List<String> classes = new ArrayList<>();
        json.get("classes").forEach(c -> classes.add(c.get("className").asText()));
        assertThat(classes).hasSize(5).contains(ENTRY);
        JsonNode entryRow = json.get("classes").get(classes.indexOf(ENTRY));
        assertThat(entryRow.get("instancesAfter").asLong()).isGreaterThan(entryRow.get("instancesBefore").asLong()
                + 2000);
        JsonNode suspect = json.at("/suspects/0");
        assertThat(suspect.get("className").asText()).isEqualTo(ENTRY);
        assertThat(suspect.get("growthInstancesPerSecond").asDouble()).isBetween(300.0, 1500.0);
        assertThat(suspect.get("explanation").asText()).startsWith(ENTRY + " gained ");
        if (!suspect.get("gcRoot").isNull()) {
            assertThat(suspect.at("/gcRoot/kind").asText()).isEqualTo("static field");
            assertThat(suspect.at("/pathFromRoot/0/className").asText()).isEqualTo(StaticListLeak.class.getName());
            assertThat(suspect.at("/pathFromRoot/0/field").asText()).isEqualTo("ENTRIES");
        }

        CliRun text = CliRun.run("diff", before.toString(), after.toString(), "--hide-jdk");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("Leak suspects:", " 1. " + ENTRY).doesNotContain("byte[]");
    }

    @Test
    @Order(2)
    void watchOutSavesTheFinalSnapshot() throws Exception {
        Path file = dir.resolve("watch.llsnap");

        CliRun run = CliRun.run("watch", Long.toString(leak.pid()), "--duration", "2s", "--out", file.toString(),
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("saved the final snapshot to " + file);
        assertThat(SnapshotFile.read(file).histogram().classes()).extracting(e -> e.className()).contains(ENTRY);
    }

    @Test
    @Order(3)
    void theGraphOfASnapshotAndOfTheLiveJvmShowsTheStaticListHoldingTheEntries() throws Exception {
        Path after = dir.resolve("shop.llsnap");
        SnapshotFile.write(io.leaklens.support.Snapshots.shop("after", 120), after);

        CliRun json = CliRun.run("graph", after.toString(), "--format", "json");

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode graph = json.json();
        assertThat(graph.get("nodes").size()).isPositive();
        JsonNode first = graph.at("/nodes/0");
        assertThat(first.get("id").asText()).isEqualTo("n1");
        assertThat(first.get("kind").asText()).isEqualTo("root");
        assertThat(first.get("className").asText()).isEqualTo("com.acme.OrderLog");
        assertThat(first.get("description").asText()).isEqualTo("static fields of com.acme.OrderLog");
        assertThat(graph.at("/nodes/3/className").asText()).isEqualTo(io.leaklens.support.Snapshots.ENTRY);
        assertThat(graph.at("/nodes/3/count").asLong()).isEqualTo(2);
        assertThat(graph.at("/edges/0").has("from") && graph.at("/edges/0").has("to")
                && graph.at("/edges/0").has("field")).isTrue();

        CliRun dot = CliRun.run("graph", after.toString(), "--format", "dot");
        assertThat(dot.out()).startsWith("digraph references {").contains("rankdir=LR");

        // The live JVM: its entries hang off the static field, through the list's array. Which objects JFR samples
        // is up to chance, so one sample may hold the list's array and no entry yet: sample again, a few times.
        Path out = dir.resolve("live-graph.txt");
        String text = "";
        for (int attempt = 0; attempt < 4 && !text.contains("→ " + ENTRY); attempt++) {
            CliRun live = CliRun.run("graph", Long.toString(leak.pid()), "--sample", "8s", "-o", out.toString());
            assertThat(live.exitCode()).as(live.err()).isZero();
            assertThat(live.err()).contains("wrote " + out);
            text = Files.readString(out);
        }
        assertThat(text).contains("static fields of " + StaticListLeak.class.getName(),
                ".ENTRIES → java.util.ArrayList", ".elementData → java.lang.Object[]", "[] ", "→ " + ENTRY);
    }

    @Test
    void theGraphOfAFileThatIsNotThereFailsInOneLine() {
        CliRun run = CliRun.run("graph", "/nonexistent/a.llsnap");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("leaklens: no such file: /nonexistent/a.llsnap");
        assertThat(CliRun.run("graph", "x.llsnap", "--format", "png").exitCode()).isEqualTo(2);
    }

    @Test
    void diffOfFilesThatDoNotExistFailsInOneLine() {
        CliRun run = CliRun.run("diff", "/nonexistent/a.llsnap", "/nonexistent/b.llsnap");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("leaklens: no such file: /nonexistent/a.llsnap");
    }

    @Test
    void diffOfACorruptFileFailsInOneLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.llsnap"), "LLSNAP\r\n\0\1\0\0not gzip at all");

        CliRun run = CliRun.run("diff", bad.toString(), bad.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("leaklens: " + bad + " is corrupt");
    }

    @Test
    void aTopOfZeroIsWrongUsage() throws Exception {
        CliRun run = CliRun.run("diff", "a.llsnap", "b.llsnap", "--top", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--top must be 1 or more").contains("Usage:");
    }

    @Test
    void snapshotIntoAFolderFailsBeforeAttaching() {
        CliRun run = CliRun.run("snapshot", Long.toString(leak.pid()), "-o", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("leaklens: cannot save to " + dir + ": it is a directory");
    }

    @Test
    void snapshotWithoutAnOutputFileIsWrongUsage() {
        CliRun run = CliRun.run("snapshot", Long.toString(leak.pid()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--out=FILE'");
    }
}
