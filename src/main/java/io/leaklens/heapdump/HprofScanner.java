package io.leaklens.heapdump;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads an HPROF file (plain or gzip-compressed, as {@code jcmd GC.heap_dump -gz} writes it) from start to end once
 * and hands each record to a {@link HeapRecords}. Every failure is an IOException of one sentence naming the file,
 * and the offset where it was found: a damaged dump cannot be read past a tag it does not know, because heap
 * sub-records carry no length.
 */
final class HprofScanner {

    private static final String MAGIC = "JAVA PROFILE 1.0.";
    /** Names are class, field and method names: a longer one means the record's length is damaged. */
    private static final int MAX_NAME_BYTES = 1 << 16;
    private static final int HEADER_BYTES = 32;

    private final Path file;
    private final HeapRecords records;
    private HprofInput in;
    private boolean sawHeap;
    private boolean sawSegment;
    private boolean sawEnd;

    private HprofScanner(Path file, HeapRecords records) {
        this.file = file;
        this.records = records;
    }

    /** Reads the dump through and returns its identifier size. */
    static int scan(Path file, HeapRecords records) throws IOException {
        return new HprofScanner(file, records).scan();
    }

    /** Whether the file starts as a heap dump does (either plain or gzip-compressed), without reading further. */
    static boolean looksLikeHeapDump(Path file) {
        if (!Files.isRegularFile(file)) {
            return false; // a named pipe would block until a writer comes
        }
        try (InputStream in = isGzip(file) ? inflated(file) : Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(MAGIC.length());
            return new String(magic, StandardCharsets.ISO_8859_1).startsWith("JAVA PROFILE");
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the file starts as gzip does ({@code jcmd GC.heap_dump -gz} writes gzip). */
    private static boolean isGzip(Path file) throws IOException {
        try (InputStream start = Files.newInputStream(file)) {
            byte[] magic = start.readNBytes(2);
            return magic.length == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
        }
    }

    private static InputStream inflated(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        } catch (IOException e) {
            raw.close(); // a gzip header cut short
            throw e;
        }
    }

    private int scan() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw Files.exists(file) ? new IOException(file + " is not a file") : new NoSuchFileException(file
                    + " does not exist");
        }
        try (HprofInput input = open()) {
            in = input;
            header();
            while (!in.atEnd()) {
                record();
            }
            // A dump cut between two records reads as a whole one: only its last records tell it is complete.
            if (!sawHeap) {
                throw new IOException(file + " is truncated or holds no heap: it has no heap dump record");
            }
            if (sawSegment && !sawEnd) {
                throw new IOException(file + " is truncated: its heap dump segments have no end record");
            }
            return in.idSize();
        } catch (EOFException e) {
            throw new IOException(file + " is truncated: it ends inside the record at byte " + recordStart(), e);
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + " is damaged: its gzip stream is broken near byte " + offset()
                    + " of the dump", e);
        }
    }

    /** Where reading stopped; 0 when it stopped opening the file (a gzip header cut short). */
    private long offset() {
        return in == null ? 0 : in.offset();
    }

    private long recordStart() {
        return in == null ? 0 : in.recordStart();
    }

    /** A plain dump is read through its channel (skips move the position), a gzip one through the stream. */
    private HprofInput open() throws IOException {
        return isGzip(file) ? new HprofInput(Channels.newChannel(inflated(file)))
                : new HprofInput(FileChannel.open(file));
    }

    private void header() throws IOException {
        StringBuilder magic = new StringBuilder();
        for (int b = in.atEnd() ? 0 : in.u1(); b != 0; b = in.u1()) {
            magic.append((char) b);
            if (magic.length() > HEADER_BYTES || !MAGIC.startsWith(magic.substring(0, Math.min(magic.length(),
                    MAGIC.length())))) {
                throw notADump();
            }
        }
        if (!magic.toString().startsWith(MAGIC)) {
            throw notADump();
        }
        long idSize = in.u4();
        if (idSize != 4 && idSize != 8) {
            throw damaged("its identifier size is " + idSize + " (HPROF has 4 or 8)", 0);
        }
        in.idSize((int) idSize);
        in.u8(); // the dump's time
    }

    private IOException notADump() {
        return new IOException(file + " is not a heap dump: it does not start with 'JAVA PROFILE 1.0.x'");
    }

    private IOException damaged(String what, long offset) {
        return new IOException(file + " is damaged: " + what + " at byte " + offset);
    }

    private void record() throws IOException {
        in.markRecord();
        long start = in.offset();
        int tag = in.u1();
        if (tag < 0x01 || tag > 0x0E && tag != 0x1C && tag != 0x2C) {
            throw damaged(String.format("unknown record tag 0x%02X", tag), start);
        }
        in.u4(); // microseconds since the header's time
        long length = in.u4();
        long left = in.remaining();
        if (left >= 0 && length > left) {
            throw new IOException(file + " is truncated or damaged: the record at byte " + start + " claims " + length
                    + " bytes, " + (length - left) + " more than the file has");
        }
        int idSize = in.idSize();
        switch (tag) {
            case 0x01 -> {
                if (length < idSize || length - idSize > MAX_NAME_BYTES) {
                    throw damaged("a name record of " + length + " bytes", start);
                }
                long id = in.id();
                byte[] bytes = new byte[(int) (length - idSize)];
                in.bytes(bytes, bytes.length);
                records.name(id, new String(bytes, StandardCharsets.UTF_8));
            }
            case 0x02 -> {
                if (length != 8 + 2L * idSize) {
                    throw damaged("a class record of " + length + " bytes", start);
                }
                in.u4();
                long classId = in.id();
                in.u4();
                records.loadClass(classId, in.id());
            }
            case 0x0C, 0x1C -> {
                sawHeap = true;
                sawSegment |= tag == 0x1C;
                new HeapSegment(in, records, file).read(in.offset() + length);
            }
            case 0x2C -> {
                sawEnd = true;
                in.skip(length);
            }
            default -> in.skip(length);
        }
    }
}
