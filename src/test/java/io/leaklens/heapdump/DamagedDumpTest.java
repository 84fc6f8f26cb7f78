package io.leaklens.heapdump;

import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Damaged copies of a real dump (truncated, bytes flipped, record lengths wrong, not a dump at all): each is read
 * within 2 s, and either read whole or refused in one sentence naming the file; never another exception.
 */
class DamagedDumpTest {

    /** "JAVA PROFILE 1.0.2\0", the identifier size, the time. */
    private static final int HEADER = 19 + 4 + 8;

    @TempDir
    static Path dir;
    private static byte[] dump;
    private static byte[] gzipped;
    /** Where each top-level record starts. */
    private static List<Integer> records;

    @BeforeAll
    static void read() throws Exception {
        dump = Files.readAllBytes(FixtureDumps.plain(ChildJvm.CURRENT));
        gzipped = Files.readAllBytes(FixtureDumps.gzipped(ChildJvm.CURRENT));
        records = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(dump);
        for (int at = HEADER; at < dump.length; at += 9 + buffer.getInt(at + 5)) {
            records.add(at);
        }
    }

    @Test
    void aDumpCutAnywhereIsTruncated() throws Exception {
        List<Integer> cuts = new ArrayList<>(List.of(1, 10, 18, 19, 20, 25, 30, HEADER + 1, HEADER + 5));
        Random random = new Random(1);
        for (int i = 0; i < 20; i++) {
            cuts.add(HEADER + 1 + random.nextInt(dump.length - HEADER - 1));
        }
        // Between two records, where the dump reads as a whole one, up to the last record.
        cuts.addAll(List.of(HEADER, records.get(1), records.get(records.size() / 2), records.getLast()));
        for (int cut : cuts) {
            String message = refusal(Arrays.copyOf(dump, cut), "cut at " + cut);
            assertThat(message).as("cut at %d", cut).matches(".* is (truncated|not a heap dump|damaged).*");
        }
    }

    @Test
    void flippedBytesAreReadOrRefusedInOneSentence() throws Exception {
        Random random = new Random(2);
        for (int i = 0; i < 30; i++) {
            byte[] damaged = dump.clone();
            int at = HEADER + random.nextInt(dump.length - HEADER);
            damaged[at] ^= (byte) (1 + random.nextInt(255));
            // Most bytes are field values and array contents, which any value fits; ids and lengths do not.
            readOrRefuse(damaged, "flipped at " + at);
        }
    }

    @Test
    void aFlippedHeapTagIsRefusedWithItsOffset() throws Exception {
        int segment = records.stream().filter(r -> dump[r] == 0x1C).findFirst().orElseThrow();
        byte[] damaged = dump.clone();
        damaged[segment + 9] = 0x42;

        assertThat(refusal(damaged, "heap tag")).endsWith("is damaged: unknown heap record tag 0x42 at byte "
                + (segment + 9));
    }

    @Test
    void wrongRecordLengthsAreRefusedInOneSentence() throws Exception {
        Random random = new Random(3);
        List<Integer> chosen = new ArrayList<>(records.subList(0, 3));
        for (int i = 0; i < 3; i++) {
            chosen.add(records.get(random.nextInt(records.size())));
        }
        // Every heap dump segment (the records that hold the objects) and the class records.
        records.stream().filter(r -> dump[r] == 0x1C || dump[r] == 0x0C).forEach(chosen::add);
        records.stream().filter(r -> dump[r] == 0x02).limit(2).forEach(chosen::add);
        for (int record : chosen) {
            int length = ByteBuffer.wrap(dump).getInt(record + 5);
            for (int wrong : new int[] {length + 1, length - 1, 0, -1}) {
                byte[] damaged = dump.clone();
                ByteBuffer.wrap(damaged).putInt(record + 5, wrong);
                String what = "record " + dump[record] + " at " + record + " of length "
                        + Integer.toUnsignedString(wrong);
                assertThat(readOrRefuse(damaged, what)).as(what).isTrue();
            }
        }
    }

    @Test
    void aCutGzipDumpIsTruncated() throws Exception {
        for (int cut : new int[] {1, 5, 20, gzipped.length / 3, gzipped.length - 9}) {
            Path file = dir.resolve("damaged.hprof.gz");
            Files.write(file, Arrays.copyOf(gzipped, cut));
            assertThat(refusal(file)).as("cut at %d", cut).contains("damaged.hprof.gz is ");
        }
    }

    @Test
    void filesThatAreNoDumpAreRefused() throws Exception {
        assertThat(refusal("not a heap dump\n".getBytes(), "text")).endsWith("is not a heap dump: it does not start"
                + " with 'JAVA PROFILE 1.0.x'");
        assertThat(refusal(new byte[0], "empty")).contains("is not a heap dump");
        byte[] idSize = dump.clone();
        ByteBuffer.wrap(idSize).putInt(19, 6);
        assertThat(refusal(idSize, "identifier size 6")).contains("its identifier size is 6 (HPROF has 4 or 8)");
    }

    /** Whether the damaged dump was refused (else it was read). */
    private static boolean readOrRefuse(byte[] bytes, String what) throws IOException {
        Path file = dir.resolve("damaged.hprof");
        Files.write(file, bytes);
        return assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try {
                HeapDump.read(file);
                return false;
            } catch (IOException e) {
                assertOneSentence(e, file, what);
                return true;
            } catch (RuntimeException e) {
                return fail(what + ": " + e, e);
            }
        }, what);
    }

    private static String refusal(byte[] bytes, String what) throws IOException {
        Path file = dir.resolve("damaged.hprof");
        Files.write(file, bytes);
        return refusal(file);
    }

    private static String refusal(Path file) {
        return assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try {
                HeapDump.read(file);
            } catch (IOException e) {
                assertOneSentence(e, file, file.toString());
                return e.getMessage();
            }
            return fail(file + " was read");
        });
    }

    private static void assertOneSentence(IOException e, Path file, String what) {
        assertThat(e.getMessage()).as(what).startsWith(file.toString()).doesNotContain("\n")
                .doesNotContain("Exception");
    }
}
