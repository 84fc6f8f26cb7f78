package io.leaklens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code leaklens heapdump TARGET -o FILE.hprof} end to end: wrong usage and bad files first, then a real dump. */
class HeapDumpCommandTest {

    private static ChildJvm leak;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startChild() throws InterruptedException {
        leak = ChildJvm.of(StaticListLeak.class).jvmOptions("-Xmx64m").start();
        Thread.sleep(2500); // about 2,500 leaked entries: enough to pile up beside what attaching adds
    }

    @AfterAll
    static void stopChild() {
        ChildJvm.closeAll(leak);
    }

    @Test
    void withoutAFileItIsWrongUsage() {
        CliRun run = CliRun.run("heapdump", Long.toString(leak.pid()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--out=FILE.hprof'")
                .contains("Usage: leaklens heapdump");
    }

    @Test
    void aFileNotEndingInHprofIsWrongUsage() {
        CliRun run = CliRun.run("heapdump", Long.toString(leak.pid()), "-o", dir.resolve("dump.bin").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("must end in .hprof").contains("Usage: leaklens heapdump");
        assertThat(dir.resolve("dump.bin")).doesNotExist();
    }

    @Test
    void anExistingFileIsRefusedBeforeAttaching() throws Exception {
        Path existing = Files.writeString(dir.resolve("existing.hprof"), "mine");

        CliRun run = CliRun.run("heapdump", "999999999", "-o", existing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("leaklens: cannot write to " + existing
                + ": it exists (the JVM writes only new files)");
        assertThat(existing).hasContent("mine");
    }

    @Test
    void theJvmWritesADumpThatAnalyzeReads() throws Exception {
        Path file = dir.resolve("leak.hprof");

        CliRun run = CliRun.run("heapdump", Long.toString(leak.pid()), "-o", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines().getFirst()).isEqualTo("leaklens: warning: " + HeapDumpCommand.PRIVACY_WARNING);
        assertThat(run.out()).startsWith("Saved a heap dump of ").contains("(JVM " + leak.pid() + ") to " + file);
        JsonNode report = CliRun.run("analyze", file.toString(), "--json").json();
        List<String> suspects = new ArrayList<>();
        report.at("/suspects").forEach(suspect -> suspects.add(suspect.get("className").asText()));
        assertThat(suspects).contains(StaticListLeak.class.getName() + "$Entry");
    }
}
