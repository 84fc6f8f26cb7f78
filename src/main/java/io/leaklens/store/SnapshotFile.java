package io.leaklens.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.leaklens.model.Snapshot;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The {@code .llsnap} format: an 8-byte signature, the format's major and minor version (two unsigned 16-bit
 * numbers, big-endian), then the snapshot as gzip-compressed JSON. Gzip's checksum and length catch truncation
 * and bit flips; the signature catches other files. A reader opens every file of its major version, ignoring the
 * fields a newer minor version added, and refuses a newer major version with a message that says so.
 */
public final class SnapshotFile {

    /** The file name extension, with its dot. */
    public static final String EXTENSION = ".llsnap";
    /** Bumped when a reader of the previous major version could not read the file correctly. */
    public static final int MAJOR_VERSION = 1;
    /** Bumped when fields are added; older readers of the same major version ignore them. */
    public static final int MINOR_VERSION = 2; // 1.1: the leak rules' answer; 1.2: object addresses on paths

    /** "LLSNAP" then CR LF, as PNG does: a transfer that rewrites line ends is caught too. */
    private static final byte[] SIGNATURE = {'L', 'L', 'S', 'N', 'A', 'P', '\r', '\n'};
    private static final int BUFFER = 64 * 1024;

    private static final ObjectMapper MAPPER = SnapshotJson.mapper();
    private static final ObjectWriter WRITER = MAPPER.writerFor(Document.class)
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final ObjectReader READER = MAPPER.readerFor(Document.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The file's content: the snapshot, in an object of its own so that later versions can add beside it. */
    record Document(Snapshot snapshot) {
    }

    private SnapshotFile() {
    }

    /** Saves the snapshot atomically: the file is either the previous one or the complete new one. */
    public static void write(Snapshot snapshot, Path file) throws SnapshotFileException {
        writeWithVersion(snapshot, file, MAJOR_VERSION, MINOR_VERSION);
    }

    /** Opens a snapshot file, or says in one sentence why it cannot. */
    public static Snapshot read(Path file) throws SnapshotFileException {
        if (Files.isDirectory(file)) {
            throw new SnapshotFileException(file + " is a directory, not a snapshot file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // Opening a named pipe that nobody writes to blocks for ever: refuse it rather than hang.
            throw new SnapshotFileException(file + " is not a regular file (a pipe or a device): save the snapshot"
                    + " to a file and open that");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            byte[] head = in.readNBytes(SIGNATURE.length + 4);
            checkHead(file, head);
            // Decompressed whole first: gzip's checks (length, checksum) then speak before the JSON parser does.
            byte[] json = new GZIPInputStream(in, BUFFER).readAllBytes();
            return SnapshotCheck.complete(file, READER.<Document>readValue(json).snapshot());
        } catch (NoSuchFileException e) {
            throw new SnapshotFileException("no such file: " + file, e);
        } catch (EOFException e) {
            throw new SnapshotFileException(file + " is truncated: it ends before the snapshot does", e);
        } catch (ZipException e) {
            throw new SnapshotFileException(file + " is corrupt: its compressed data is damaged", e);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new SnapshotFileException(file + " is corrupt: its content is not a readable snapshot", e);
        } catch (SnapshotFileException e) {
            throw e;
        } catch (IOException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("Unexpected end of") || message.contains("end of ZLIB")) {
                throw new SnapshotFileException(file + " is truncated: it ends before the snapshot does", e);
            }
            throw new SnapshotFileException("cannot read " + file + ": " + AtomicFiles.reason(e), e);
        }
    }

    private static void checkHead(Path file, byte[] head) throws SnapshotFileException {
        if (head.length == 0) {
            throw new SnapshotFileException(file + " is empty, not a snapshot");
        }
        if (!Arrays.equals(head, 0, Math.min(head.length, SIGNATURE.length), SIGNATURE, 0,
                Math.min(head.length, SIGNATURE.length))) {
            throw new SnapshotFileException(file + " is not a LeakLens snapshot" + kindOf(head));
        }
        if (head.length < SIGNATURE.length + 4) {
            throw new SnapshotFileException(file + " is truncated: it ends before the snapshot does");
        }
        int major = ((head[8] & 0xff) << 8) | (head[9] & 0xff);
        int minor = ((head[10] & 0xff) << 8) | (head[11] & 0xff);
        if (major > MAJOR_VERSION) {
            throw new SnapshotFileException(file + " was saved by a newer LeakLens (snapshot format " + major + "."
                    + minor + "); this version reads format " + MAJOR_VERSION + ": update LeakLens to open it");
        }
        if (major < 1) {
            throw new SnapshotFileException(file + " is corrupt: its format version " + major + "." + minor
                    + " does not exist");
        }
    }

    /** What a foreign file looks like, so that the message can say what was opened by mistake. */
    private static String kindOf(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("FLR\0")) {
            return " but a JFR recording: open it with 'leaklens analyze' or Open file…";
        }
        if (text.startsWith("PK")) {
            return " but a zip archive";
        }
        if (head.length > 1 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return " but a gzip file";
        }
        if (text.startsWith("JAVA PROFILE")) {
            return " but a heap dump (HPROF)";
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return " but a JSON file";
        }
        return "";
    }

    /**
     * Gzip at its fastest level: a snapshot's JSON compresses about as well (numbers and repeated names), and
     * saving stays well within the time a user waits for it.
     */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(java.io.OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    /** Writes with the given format version: {@link #write} uses the current one, tests others. */
    static void writeWithVersion(Snapshot snapshot, Path file, int major, int minor) throws SnapshotFileException {
        AtomicFiles.write(file, out -> {
            out.write(SIGNATURE);
            out.write(new byte[] {(byte) (major >> 8), (byte) major, (byte) (minor >> 8), (byte) minor});
            GZIPOutputStream gzip = new FastGzip(new BufferedOutputStream(out, BUFFER));
            WRITER.writeValue(gzip, new Document(snapshot));
            gzip.finish();
            gzip.flush();
        });
    }
}
