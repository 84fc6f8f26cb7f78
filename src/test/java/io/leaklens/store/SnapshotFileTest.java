package io.leaklens.store;

import io.leaklens.model.Snapshot;
import io.leaklens.support.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotFileTest {

    @TempDir
    Path dir;

    private final Snapshot snapshot = Snapshots.shop("before the fix", 60).withInfo("before the fix", "notes: ü ✓");

    @Test
    void aSavedSnapshotOpensEqual() throws IOException {
        Path file = dir.resolve("a.llsnap");
        SnapshotFile.write(snapshot, file);

        assertThat(SnapshotFile.read(file)).usingRecursiveComparison().isEqualTo(snapshot);
        assertThat(SnapshotFile.read(file).heap().monitoringCpu()).as("the target's cost, kept").isEqualTo(0.02);
        assertThat(Files.size(file)).as("compressed").isLessThan(4096);
    }

    @Test
    void theFileHoldsNoDerivedFields() throws IOException {
        Path file = dir.resolve("a.llsnap");
        SnapshotFile.write(snapshot, file);

        assertThat(json(file)).startsWith("{\"snapshot\":{\"info\":{\"name\":\"before the fix\"")
                .doesNotContain("\"jdk\"").contains("\"takenAt\":\"2026-11-01T10:01:00Z\"");
    }

    /** The JSON after the file's 12-byte head (signature and version), uncompressed. */
    private static String json(Path file) throws IOException {
        byte[] whole = Files.readAllBytes(file);
        return new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
                whole, 12, whole.length - 12)).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aSnapshotOfAnEarlierVersionOpensWithoutMonitoringBytes() throws IOException {
        Path file = dir.resolve("a.llsnap");
        SnapshotFile.write(snapshot, file);
        String json = json(file);
        assertThat(json).contains(",\"monitoringBytes\":360000");
        java.io.ByteArrayOutputStream earlier = new java.io.ByteArrayOutputStream();
        earlier.write(Files.readAllBytes(file), 0, 12); // the signature and the format's version
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(earlier)) {
            gzip.write(json.replace(",\"monitoringBytes\":360000", "").getBytes(StandardCharsets.UTF_8));
        }
        Files.write(file, earlier.toByteArray());

        Snapshot read = SnapshotFile.read(file);

        assertThat(read.allocations().monitoringBytes()).isZero();
        assertThat(read.allocations().classes()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(snapshot.allocations().classes());
    }

    @Test
    void everyTruncationIsReportedAsSuch() throws IOException {
        Path file = dir.resolve("a.llsnap");
        SnapshotFile.write(snapshot, file);
        byte[] whole = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.llsnap");
        for (int length = 1; length < whole.length; length += Math.max(1, length / 7)) {
            Files.write(cut, java.util.Arrays.copyOf(whole, length));
            int at = length;
            assertThatThrownBy(() -> SnapshotFile.read(cut)).as("cut at %d", at)
                    .isInstanceOf(SnapshotFileException.class)
                    .hasMessageMatching(".*(truncated|not a LeakLens snapshot).*");
        }
    }

    @Test
    void bitFlipsGiveAClearErrorOrTheSnapshot() throws IOException {
        Path file = dir.resolve("a.llsnap");
        SnapshotFile.write(snapshot, file);
        byte[] whole = Files.readAllBytes(file);
        Random random = new Random(7);
        Path flipped = dir.resolve("flipped.llsnap");
        int errors = 0;
        for (int i = 0; i < 300; i++) {
            byte[] copy = whole.clone();
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
            Files.write(flipped, copy);
            try {
                assertThat(SnapshotFile.read(flipped)).isNotNull();
            } catch (SnapshotFileException e) {
                assertThat(e.getMessage()).doesNotContain("\n").contains("flipped.llsnap");
                errors++;
            }
        }
        // Gzip ignores a few header bytes (time, OS); every other flip must be caught.
        assertThat(errors).isGreaterThan(280);
    }

    @Test
    void foreignFilesAreNamedForWhatTheyAre() throws IOException {
        assertThat(message(write("empty.llsnap", new byte[0]))).endsWith("is empty, not a snapshot");
        assertThat(message(write("random.llsnap", randomBytes(5000)))).endsWith("is not a LeakLens snapshot");
        assertThat(message(write("data.llsnap", "{\"snapshot\": 1}".getBytes(StandardCharsets.UTF_8))))
                .endsWith("is not a LeakLens snapshot but a JSON file");
        assertThat(message(write("rec.llsnap", "FLR\0\0\2\0\0xxxxxxxx".getBytes(StandardCharsets.ISO_8859_1))))
                .contains("but a JFR recording");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("snapshot.json"));
            out.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(message(write("zip.llsnap", zip.toByteArray()))).endsWith("but a zip archive");
        assertThat(message(dir)).endsWith("is a directory, not a snapshot file");
        assertThat(message(dir.resolve("missing.llsnap"))).startsWith("no such file: ");
    }

    @Test
    void validJsonOfSomethingElseIsCorrupt() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(new byte[] {'L', 'L', 'S', 'N', 'A', 'P', '\r', '\n', 0, 1, 0, 0});
        try (GZIPOutputStream gzip = new GZIPOutputStream(body)) {
            gzip.write("{\"jvms\":[{\"pid\":1}]}".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(message(write("other.llsnap", body.toByteArray()))).endsWith("is corrupt: it holds no snapshot");
    }

    @Test
    void aSnapshotWithoutTheNamesItsReportsNeedIsCorrupt() throws IOException {
        // Valid gzip around edited JSON: it used to open, and the diff then failed with a NullPointerException.
        String takenAt = "\"takenAt\":\"2026-11-01T10:00:00Z\"";
        assertThat(message(write("no-target.llsnap", snapshotFile("{\"snapshot\":{\"info\":{" + takenAt + "}}}"))))
                .endsWith("is corrupt: the target JVM is missing");
        assertThat(message(write("nameless.llsnap", snapshotFile("{\"snapshot\":{\"info\":{" + takenAt
                + ",\"target\":{\"displayName\":\"x\",\"jvmVersion\":\"25\",\"vmName\":\"v\",\"collectors\":[]}},"
                + "\"histogram\":{\"classes\":[{\"instances\":1}],\"took\":\"PT1S\"}}}"))))
                .endsWith("is corrupt: a histogram row's class is missing");
    }

    @Test
    void aNewerMajorVersionIsRefusedAndANewerMinorOpens() throws IOException {
        Path major = dir.resolve("major.llsnap");
        SnapshotFile.writeWithVersion(snapshot, major, 2, 0);
        assertThat(message(major)).endsWith(
                "was saved by a newer LeakLens (snapshot format 2.0); this version reads format 1: update LeakLens "
                        + "to open it");

        Path minor = dir.resolve("minor.llsnap");
        SnapshotFile.writeWithVersion(snapshot, minor, 1, 7);
        assertThat(SnapshotFile.read(minor).info().name()).isEqualTo("before the fix");
    }

    @Test
    void aFailedSaveLeavesThePreviousFileAndNoLitter() throws IOException {
        Path file = dir.resolve("a.llsnap");
        SnapshotFile.write(snapshot, file);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(new byte[1000]);
            throw new IOException("No space left on device");
        })).isInstanceOf(SnapshotFileException.class)
                .hasMessage("cannot save to " + file + ": the disk is full");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aSaveRemovesWhatKilledSavesOfTheSameFileLeftBehindLongAgo() throws IOException {
        Path file = dir.resolve("a.llsnap");
        Path old = Files.write(dir.resolve(".a.llsnap.123.tmp"), new byte[100]);
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(java.time.Instant.now()
                .minus(AtomicFiles.LEFTOVER_AGE).minusSeconds(60)));
        Path recent = Files.write(dir.resolve(".a.llsnap.456.tmp"), new byte[100]);
        Path otherFiles = Files.write(dir.resolve(".b.llsnap.789.tmp"), new byte[100]);
        Files.setLastModifiedTime(otherFiles, Files.getLastModifiedTime(old));

        SnapshotFile.write(snapshot, file);

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(file, recent, otherFiles);
        }
    }

    @Test
    void savingIntoAMissingFolderOrOverAFolderSaysSo() {
        assertThatThrownBy(() -> SnapshotFile.write(snapshot, dir.resolve("no/such/a.llsnap")))
                .hasMessageEndingWith("does not exist");
        assertThatThrownBy(() -> SnapshotFile.write(snapshot, dir)).hasMessageEndingWith("it is a directory");
    }

    private static byte[] snapshotFile(String json) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(new byte[] {'L', 'L', 'S', 'N', 'A', 'P', '\r', '\n', 0, 1, 0, 1});
        try (GZIPOutputStream gzip = new GZIPOutputStream(body)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return body.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(1).nextBytes(bytes);
        bytes[0] = 'x';
        return bytes;
    }

    private static String message(Path file) {
        try {
            SnapshotFile.read(file);
        } catch (SnapshotFileException e) {
            return e.getMessage();
        }
        throw new AssertionError(file + " opened");
    }
}
