package io.leaklens.session;

import io.leaklens.analysis.HeapSummary;
import io.leaklens.analysis.RootPaths;
import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.jfr.FixtureRecordings;
import io.leaklens.model.ClassAllocation;
import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.HeapSample;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.SessionState;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Recordings made with jcmd from StaticListLeak read into the state a session would have ended with; bad files. */
class RecordingAnalysisTest {

    private static final String FIXTURE = StaticListLeak.class.getName();

    @TempDir
    static Path dir;

    private static Path recording(int jdk) throws Exception {
        Path file = FixtureRecordings.of(jdk);
        Assumptions.assumeTrue(file != null, "no JDK " + jdk + " installed");
        return file;
    }

    /**
     * A large recording is read in parts at once: the state must be the one reading it in one piece gives. The file
     * is 14 MB of one recording followed by 26 MB of a later one, each made of copies of a recording of this JVM whose
     * chunk headers are moved on so that each copy continues the one before (a chunk the file held twice would be
     * read once). The second part starts inside the later recording, whose end is the state's end only if the parts
     * are handed on in order. The later recording's chunks start 1 ms later by the wall clock than their ticks say, as
     * after a clock adjustment: the JDK converts every chunk's ticks with its recording's first time base, and a part
     * that starts inside a recording must be converted with it too.
     */
    @Test
    void readingInPartsGivesWhatReadingInOnePieceGives() throws Exception {
        Path earlier = FixtureRecordings.ofThisJvm(dir.resolve("earlier.jfr"), 1_000);
        Path later = FixtureRecordings.ofThisJvm(dir.resolve("later.jfr"), 3_000);
        moveWallClockStarts(later, Duration.ofMillis(1));
        Path large = dir.resolve("large.jfr");
        try (OutputStream out = Files.newOutputStream(large)) {
            chain(out, Files.readAllBytes(earlier), 14L << 20);
            chain(out, Files.readAllBytes(later), 26L << 20);
        }
        assertThat(io.leaklens.jfr.JfrFile.partsOf(large, 4)).isEqualTo(2);
        assertThat(io.leaklens.jfr.JfrFile.contents(large).recordings()).isEqualTo(2);

        SessionState inParts = RecordingAnalysis.read(large, 4);
        SessionState inOnePiece = RecordingAnalysis.read(large, 1);

        assertThat(inParts.oldObjects().samples()).isNotEmpty();
        assertThat(inParts).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class)
                .isEqualTo(inOnePiece);
    }

    /** Moves the wall-clock start in every chunk header of the file (8 bytes at 32; the chunk's size at 8). */
    private static void moveWallClockStarts(Path file, Duration by) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(40);
            for (long chunk = 0; chunk < channel.size(); chunk += header.getLong(8)) {
                channel.read(header.clear(), chunk);
                channel.write(ByteBuffer.allocate(8).putLong(0, header.getLong(32) + by.toNanos()), chunk + 32);
            }
        }
    }

    /**
     * Writes copies of the recording until {@code atLeast} bytes are written, each copy's chunk headers moved on by
     * the recording's span (start nanos at 32, duration at 40, start ticks at 48, ticks per second at 56), so that
     * the copies read as one recording that goes on.
     */
    private static void chain(OutputStream out, byte[] recording, long atLeast) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(recording);
        long firstNanos = bytes.getLong(32);
        long firstTicks = bytes.getLong(48);
        long spanNanos = 0;
        long spanTicks = 0;
        for (int chunk = 0; chunk < recording.length; chunk += (int) bytes.getLong(chunk + 8)) {
            spanNanos = bytes.getLong(chunk + 32) + bytes.getLong(chunk + 40) - firstNanos;
            spanTicks = bytes.getLong(chunk + 48) - firstTicks
                    + (long) (bytes.getLong(chunk + 40) * (bytes.getLong(chunk + 56) / 1e9));
        }
        for (long copy = 0, written = 0; written < atLeast; copy++, written += recording.length) {
            ByteBuffer moved = ByteBuffer.wrap(recording.clone());
            for (int chunk = 0; chunk < recording.length; chunk += (int) moved.getLong(chunk + 8)) {
                moved.putLong(chunk + 32, moved.getLong(chunk + 32) + copy * spanNanos);
                moved.putLong(chunk + 48, moved.getLong(chunk + 48) + copy * spanTicks);
            }
            out.write(moved.array());
        }
    }

    @ParameterizedTest(name = "JDK {0} target")
    @ValueSource(ints = {25, 17})
    void aRecordingGivesTheAllocationsOfTheFixture(int jdk) throws Exception {
        Path file = recording(jdk);

        SessionState state = RecordingAnalysis.read(file);

        assertThat(state.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(state.jfrStatus()).isEqualTo("read from " + file.getFileName());
        assertThat(state.target().displayName()).isEqualTo(file.getFileName().toString());
        assertThat(state.target().jvmVersion()).as("from the recording's jdk.JVMInformation").startsWith(jdk + ".");
        assertThat(state.allocations().samples()).isPositive();
        assertThat(state.allocations().span()).isPositive();
        List<ClassAllocation> top = state.allocations().classes().stream().limit(5).toList();
        assertThat(top.getFirst().className()).as("top classes %s", top).isEqualTo("byte[]");
        assertThat(top.getFirst().bytesPerSecond()).isPositive();
        assertThat(top.getFirst().topSite().toString()).startsWith(FIXTURE + ".main(StaticListLeak.java:");
        assertThat(state.allocations().sites()).anyMatch(s -> s.site().className().equals(FIXTURE)
                && s.site().methodName().equals("main"));
        assertThat(state.allocations().classes()).extracting(ClassAllocation::className)
                .doesNotContain("[B", "[Ljava.lang.Object;");
    }

    @ParameterizedTest(name = "JDK {0} target")
    @ValueSource(ints = {25, 17})
    void theHeapHistoryIsBuiltFromTheHeapSummaries(int jdk) throws Exception {
        SessionState state = RecordingAnalysis.read(recording(jdk));

        // The fixture calls System.gc() every second and the recording runs ~4 s: a few collections at least.
        assertThat(state.heap().samples()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(state.heap().liveSet()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(state.heap().gcEvents()).isNotEmpty();
        assertThat(state.heap().samples()).allSatisfy(s -> {
            assertThat(s.heapUsed()).isPositive();
            assertThat(s.heapCommitted()).isGreaterThanOrEqualTo(s.heapUsed());
        });
        assertThat(state.heap().samples()).extracting(HeapSample::gcCount).isSorted();
        assertThat(state.heap().gcEvents()).allSatisfy(gc -> {
            assertThat(gc.heapUsedBefore()).isPositive();
            assertThat(gc.heapUsedAfter()).isPositive();
            assertThat(gc.duration()).isGreaterThanOrEqualTo(Duration.ZERO);
        });
        // Every collection of the recording is counted, with its time
        HeapSummary summary = HeapSummary.of(state.heap());
        assertThat(summary.gcCount()).isEqualTo(state.heap().liveSet().size());
        assertThat(summary.gcPauseTotal()).isGreaterThanOrEqualTo(summary.longestGc());
        assertThat(summary.gcPauseTotal().toMillis()).isGreaterThanOrEqualTo(
                state.heap().gcEvents().stream().mapToLong(gc -> gc.duration().toMillis()).sum());
        assertThat(state.connectedAt()).isEqualTo(state.heap().first().orElseThrow().time());
        assertThat(state.disconnectedAt()).isEqualTo(state.heap().latest().orElseThrow().time());
        assertThat(Duration.between(state.connectedAt(), state.disconnectedAt())).isPositive();
    }

    @ParameterizedTest(name = "JDK {0} target")
    @ValueSource(ints = {25, 17})
    void theOldObjectsOfTheDumpLeadToTheStaticList(int jdk) throws Exception {
        SessionState state = RecordingAnalysis.read(recording(jdk));

        List<OldObjectSample> samples = state.oldObjects().samples();
        assertThat(samples).isNotEmpty();
        assertThat(state.oldObjects().emittedAt()).isNotNull();
        assertThat(state.oldObjects().targetPause()).isPositive();
        assertThat(state.oldObjects().requestTook()).as("nobody asked: it was in the file").isZero();
        assertThat(samples).as("FixtureRecordings dumps until one is held by the static list")
                .anyMatch(s -> RootPaths.rootKind(s).equals("static field")
                        && RootPaths.describeRoot(s).equals("static field " + FIXTURE + ".ENTRIES"));
        assertThat(samples).noneMatch(s -> s.pathFromRoot().stream()
                .anyMatch(h -> h.className().startsWith("jdk.jfr.internal.")));
    }

    @Test
    void aMissingFileIsOneSentence() {
        Path missing = dir.resolve("missing.jfr");

        assertThat(failure(missing)).isEqualTo("no such file: " + missing);
    }

    @Test
    void aDirectoryIsOneSentence() {
        assertThat(failure(dir)).isEqualTo(dir + " is a directory, not a JFR recording");
    }

    @Test
    void anEmptyFileIsOneSentence() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jfr"));

        assertThat(failure(empty)).isEqualTo(empty + " is empty, not a JFR recording");
    }

    @Test
    void aTruncatedFileIsOneSentence() throws Exception {
        byte[] whole = Files.readAllBytes(recording(ChildJvm.CURRENT));
        Path cut = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(whole, whole.length / 2));

        assertThat(failure(cut)).startsWith(cut + " is truncated");
    }

    @Test
    void aFileThatIsNotJfrIsOneSentence() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jfr"), "not a recording\n");

        assertThat(failure(text)).startsWith(text + " is not a JFR recording");
    }

    /** The message of the SessionException that reading gives: one line, one sentence. */
    private static String failure(Path file) {
        SessionException e = catchThrowableOfType(SessionException.class, () -> RecordingAnalysis.read(file));
        assertThat(e).as("reading %s fails", file).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception");
        assertThat(e.getMessage().split("\\. ")).as("one sentence: %s", e.getMessage()).hasSize(1);
        return e.getMessage();
    }
}
