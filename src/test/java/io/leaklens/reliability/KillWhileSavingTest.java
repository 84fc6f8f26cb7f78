package io.leaklens.reliability;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leaklens.model.Snapshot;
import io.leaklens.store.SnapshotFile;
import io.leaklens.support.ChildJvm;
import io.leaklens.support.ClassPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LeakLens killed (SIGKILL) while it saves a snapshot: a child JVM saves over one file in a loop and is killed at a
 * random moment, {@value #DEFAULT_KILLS} times over the same file (more with {@code -Dleaklens.kills=N}). Each time
 * the file must open, and hold either the last save that finished or the one the kill interrupted, never half of
 * one.
 */
class KillWhileSavingTest {

    private static final int DEFAULT_KILLS = 20;
    /** Histogram rows: a save of this size takes tens of milliseconds, so that most kills land inside one. */
    private static final int CLASSES = 20_000;

    @TempDir
    Path dir;

    @Test
    void aKillWhileSavingLeavesThePreviousFileOrTheNewOneNeverHalfOfOne() throws Exception {
        int kills = Integer.getInteger("leaklens.kills", DEFAULT_KILLS);
        Path file = dir.resolve("saved.llsnap");
        Random random = new Random();
        int killedInsideASave = 0;
        for (int round = 1; round <= kills; round++) {
            ChildJvm saver = ChildJvm.ofMain(SnapshotSaver.class.getName()).classPath(ClassPaths.of(SnapshotFile.class,
                            SnapshotSaver.class, ObjectMapper.class, JsonFactory.class, JsonAutoDetect.class))
                    .jvmOptions("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m")
                    .args(file.toString(), Integer.toString(CLASSES)).start();
            Thread.sleep(random.nextInt(300));
            saver.kill();

            List<String> lines = saver.output().lines().toList();
            long started = last(lines, "saving ");
            long finished = last(lines, "saved ");
            Snapshot snapshot = SnapshotFile.read(file);
            assertThat(snapshot.info().name()).as("round %d, after %s", round, lines.getLast())
                    .isIn(SnapshotSaver.name(finished), SnapshotSaver.name(started));
            assertThat(snapshot.histogram().classes()).hasSizeGreaterThan(CLASSES);
            if (started > finished) {
                killedInsideASave++;
            }
        }
        System.out.printf("kill while saving: %d kills, %d inside a save, every file whole; %d temporary files left"
                + " behind%n", kills, killedInsideASave, temporaryFiles(file));
        assertThat(killedInsideASave).as("kills that landed inside a save").isPositive();
    }

    /** The number after the last line that starts with {@code prefix}. */
    private static long last(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).reduce((a, b) -> b)
                .map(line -> Long.parseLong(line.substring(prefix.length()))).orElse(0L);
    }

    /** What a killed save leaves: its hidden temporary file beside the target, never the target half written. */
    private static long temporaryFiles(Path file) throws Exception {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith("." + file.getFileName())).count();
        }
    }
}
