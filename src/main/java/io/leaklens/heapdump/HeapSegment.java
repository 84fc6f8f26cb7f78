package io.leaklens.heapdump;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The sub-records of one HEAP DUMP (SEGMENT) record. They carry no length of their own, so an unknown tag ends the
 * reading: the failure names the tag and where it is.
 */
final class HeapSegment {

    /** Android's heap-info record: which heap the next objects are in. */
    private static final int HEAP_INFO = 0xFE;
    /** Android's unreachable-object marker. */
    private static final int UNREACHABLE = 0x90;
    /** Android's primitive array without its data. */
    private static final int PRIMITIVE_ARRAY_NO_DATA = 0xC3;

    private final HprofInput in;
    private final HeapRecords records;
    private final Path file;
    private final int idSize;

    HeapSegment(HprofInput in, HeapRecords records, Path file) {
        this.in = in;
        this.records = records;
        this.file = file;
        this.idSize = in.idSize();
    }

    void read(long end) throws IOException {
        while (in.offset() < end) {
            in.markRecord();
            long start = in.offset();
            subRecord(in.u1(), start);
            if (in.offset() > end) {
                throw damaged("a heap record crosses the end of its segment", start);
            }
        }
    }

    private void subRecord(int tag, long start) throws IOException {
        RootKind root = RootKind.of(tag);
        if (root != null) {
            long id = in.id();
            in.skip(root.extraBytes(idSize));
            records.root(root, id);
            return;
        }
        switch (tag) {
            case 0x20 -> records.classDump(classDump(start));
            case 0x21 -> {
                long id = in.id();
                in.u4();
                long classId = in.id();
                long bytes = in.u4();
                long before = in.offset();
                records.instance(id, classId, bytes, in);
                check(before + bytes, start);
            }
            case 0x22 -> {
                long id = in.id();
                in.u4();
                long length = in.u4();
                long classId = in.id();
                long before = in.offset();
                records.objectArray(id, classId, length, in);
                check(before + length * idSize, start);
            }
            case 0x23, PRIMITIVE_ARRAY_NO_DATA -> {
                long id = in.id();
                in.u4();
                long length = in.u4();
                BasicType type = BasicType.of(in.u1());
                if (type == null || type == BasicType.OBJECT) {
                    throw damaged("a primitive array has no primitive type", start);
                }
                if (tag == 0x23) {
                    in.skip(length * type.dumpSize(idSize));
                }
                records.primitiveArray(id, type, length);
            }
            case UNREACHABLE -> in.id();
            case HEAP_INFO -> {
                in.u4();
                in.id();
            }
            default -> throw damaged(String.format("unknown heap record tag 0x%02X", tag), start);
        }
    }

    private void check(long expected, long start) throws IOException {
        if (in.offset() != expected) {
            throw new IllegalStateException("the reader of the heap record at byte " + start + " read "
                    + (in.offset() - expected) + " bytes too many");
        }
    }

    private ClassDump classDump(long start) throws IOException {
        long id = in.id();
        in.u4();
        long superId = in.id();
        long loaderId = in.id();
        in.id(); // signers
        long protectionId = in.id();
        in.id();
        in.id(); // two reserved
        in.u4(); // the instance size in the dump's own counting; HotSpotSizes counts as the heap does
        int constants = in.u2();
        for (int i = 0; i < constants; i++) {
            in.u2();
            in.skip(type(start).dumpSize(idSize));
        }
        int statics = in.u2();
        long[] staticNames = new long[statics];
        long[] staticValues = new long[statics];
        int references = 0;
        for (int i = 0; i < statics; i++) {
            long name = in.id();
            BasicType type = type(start);
            if (type == BasicType.OBJECT) {
                staticNames[references] = name;
                staticValues[references++] = in.id();
            } else {
                in.skip(type.dumpSize(idSize));
            }
        }
        int fields = in.u2();
        long[] fieldNames = new long[fields];
        BasicType[] fieldTypes = new BasicType[fields];
        for (int i = 0; i < fields; i++) {
            fieldNames[i] = in.id();
            fieldTypes[i] = type(start);
        }
        return new ClassDump(id, superId, loaderId, protectionId, java.util.Arrays.copyOf(staticNames, references),
                java.util.Arrays.copyOf(staticValues, references), fieldNames, fieldTypes);
    }

    private BasicType type(long recordStart) throws IOException {
        int tag = in.u1();
        BasicType type = BasicType.of(tag);
        if (type == null) {
            throw damaged("a class record has a field of unknown type " + tag, recordStart);
        }
        return type;
    }

    private IOException damaged(String what, long offset) {
        return new IOException(file + " is damaged: " + what + " at byte " + offset);
    }
}
