package io.leaklens.cli;

import io.leaklens.fixtures.Idle;
import io.leaklens.store.SnapshotFile;
import io.leaklens.support.ChildJvm;
import io.leaklens.support.Snapshots;
import io.leaklens.support.SourceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Wrong usage and bad data or targets that {@link LeakLensCliTest} and {@link SnapshotDiffCliTest} leave out: wrong
 * usage exits 2 with what was wrong first and then the usage; a bad target or file exits 1 with one line; neither
 * shows a stack trace.
 */
class BadArgumentsCliTest {

    @TempDir
    Path dir;

    // --- wrong usage: exit 2, the message, then the usage ---

    @ParameterizedTest
    @ValueSource(strings = {"-5s", "5d", "1.5m", "", "99999999", "5 m", "m"})
    void aDurationThatIsNotOneIsWrongUsageWhateverItLooksLike(String duration) {
        CliRun run = CliRun.run("watch", "X", "--duration", duration);

        assertUsage(run, "Invalid value for option '--duration': '" + duration + "' is not a duration", "watch");
    }

    @Test
    void aMisspelledOptionIsWrongUsageWithTheRightSpelling() {
        CliRun run = CliRun.run("watch", "X", "--durration", "5");

        assertUsage(run, "Unknown options: '--durration', '5'", "watch");
        assertThat(run.err()).contains("Possible solutions: --duration");
    }

    @Test
    void anUnknownOptionOfACommandWithoutArgumentsIsWrongUsage() {
        assertUsage(CliRun.run("list", "--jsn"), "Unknown option: '--jsn'", "list");
    }

    @Test
    void oneArgumentTooManyOrTooFewIsWrongUsage() {
        assertUsage(CliRun.run("diff", "a.llsnap", "b.llsnap", "c.llsnap"), "Unmatched argument at index 3: 'c.llsnap'",
                "diff");
        assertUsage(CliRun.run("diff", "a.llsnap"), "Missing required parameter: 'AFTER'", "diff");
    }

    @Test
    void numbersThatAreNotNumbersAreWrongUsage() {
        assertUsage(CliRun.run("diff", "a.llsnap", "b.llsnap", "--top", "many"),
                "Invalid value for option '--top': 'many' is not an int", "diff");
        assertUsage(CliRun.run("demo", "--seconds", "x"), "Invalid value for option '--seconds': 'x' is not a long",
                "demo");
        assertUsage(CliRun.run("snapshot", "X", "-o", "x.llsnap", "--sample", "soon"),
                "Invalid value for option '--sample': 'soon' is not a duration", "snapshot");
    }

    // --- bad targets: exit 1, one line ---

    @ParameterizedTest
    @ValueSource(strings = {"12ab", "-5", "pid:42"})
    void aPidThatIsNotANumberIsTakenAsANameAndMatchesNothing(String target) {
        CliRun run = CliRun.run("watch", target, "--duration", "1");

        assertOneLine(run, "leaklens: no JVM of this user matches '" + target + "'");
    }

    @Test
    void aPidOfZeroOrBeyondAnyPidIsNoProcess() {
        assertOneLine(CliRun.run("watch", "0", "--duration", "1"), "leaklens: 0 is not a process id");
        assertOneLine(CliRun.run("snapshot", "99999999999999999999999", "-o", dir.resolve("x.llsnap").toString()),
                "leaklens: no process with pid 99999999999999999999999");
    }

    @Test
    void aNameThatMatchesSeveralJvmsAsksForAPid() throws Exception {
        String mark = "twins-" + UUID.randomUUID().toString().substring(0, 8);
        List<ChildJvm> twins = ChildJvm.startAll(
                ChildJvm.ofMain(SourceFiles.jar(mark + "-one.jar", Idle.class).toString()),
                ChildJvm.ofMain(SourceFiles.jar(mark + "-two.jar", Idle.class).toString()));
        try {
            CliRun run = CliRun.run("watch", mark, "--duration", "1");

            assertOneLine(run, "leaklens: '" + mark + "' matches 2 JVMs: ");
            assertThat(run.err()).contains(Long.toString(twins.get(0).pid()), Long.toString(twins.get(1).pid()))
                    .contains("give a pid");
            assertThat(twins).allSatisfy(twin -> assertThat(twin.process().isAlive()).isTrue());
        } finally {
            ChildJvm.closeAll(twins.toArray(ChildJvm[]::new));
        }
    }

    // --- bad paths: exit 1, one line, before anything is attached to ---

    @Test
    void aDirectoryIsNeitherASnapshotNorARecordingNorAPlaceToSave() {
        assertOneLine(CliRun.run("diff", dir.toString(), dir.toString()),
                "leaklens: " + dir + " is a directory, not a snapshot file");
        assertOneLine(CliRun.run("analyze", dir.toString()), "leaklens: " + dir + " is a directory, not a JFR recording");
        assertOneLine(CliRun.run("watch", "X", "--out", dir.toString()),
                "leaklens: cannot save to " + dir + ": it is a directory");
    }

    @Test
    void aFolderThatDoesNotExistIsNoPlaceToSave() throws Exception {
        Path nowhere = dir.resolve("no/such/folder/out.llsnap");
        assertOneLine(CliRun.run("watch", "X", "--out", nowhere.toString()), "leaklens: cannot save to " + nowhere
                + ": the folder " + nowhere.getParent() + " does not exist");

        Path good = dir.resolve("good.llsnap");
        SnapshotFile.write(Snapshots.shop("good", 10), good);
        Path csv = dir.resolve("no/such/folder/diff.csv");
        assertOneLine(CliRun.run("diff", good.toString(), good.toString(), "--csv", csv.toString()),
                "leaklens: cannot save to " + csv);
    }

    @Test
    void aNamedPipeIsRefusedAtOnceInsteadOfWaitingForAWriter() throws Exception {
        Path pipe = dir.resolve("pipe.llsnap");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertOneLine(CliRun.run("diff", pipe.toString(), pipe.toString()),
                    "leaklens: " + pipe + " is not a regular file (a pipe or a device)");
            assertOneLine(CliRun.run("analyze", pipe.toString()),
                    "leaklens: " + pipe + " is not a regular file (a pipe or a device)");
        });
        assertThat(Files.exists(pipe)).isTrue();
    }

    private static void assertUsage(CliRun run, String message, String command) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines().getFirst()).startsWith(message);
        assertThat(run.err()).contains("Usage: leaklens " + command);
        assertNoStackTrace(run);
        assertThat(run.out()).isEmpty();
    }

    private static void assertOneLine(CliRun run, String start) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith(start);
        assertNoStackTrace(run);
        assertThat(run.out()).isEmpty();
    }

    private static void assertNoStackTrace(CliRun run) {
        assertThat(run.err()).doesNotContain("\tat ", "Exception", "unexpected error");
    }
}
