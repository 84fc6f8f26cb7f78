package io.leaklens.heapdump;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes small HPROF files by hand (4-byte identifiers, as a 32-bit JVM writes them) for tests. */
public final class HprofWriter {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final ByteArrayOutputStream heapBytes = new ByteArrayOutputStream();
    private final DataOutputStream heap = new DataOutputStream(heapBytes);
    private int nextNameId = 1000;

    public HprofWriter() throws IOException {
        out.write("JAVA PROFILE 1.0.1".getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.writeInt(4);
        out.writeLong(0);
    }

    public int name(String name) throws IOException {
        int id = nextNameId++;
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        record(0x01, 4 + utf8.length);
        out.writeInt(id);
        out.write(utf8);
        return id;
    }

    /**
     * A class: its LOAD CLASS record and its CLASS DUMP. {@code statics} and {@code fields} are name/id pairs:
     * statics give a reference value, fields a type tag (2 for references, 10 for int).
     */
    public void type(int id, String name, int superId, int[][] statics, String[] fieldNames, int[] fieldTypes)
            throws IOException {
        int nameId = name(name);
        record(0x02, 16);
        out.writeInt(1);
        out.writeInt(id);
        out.writeInt(0);
        out.writeInt(nameId);
        heap.write(0x20);
        heap.writeInt(id);
        heap.writeInt(0);
        heap.writeInt(superId);
        for (int i = 0; i < 5; i++) {
            heap.writeInt(0); // loader, signers, protection domain, two reserved
        }
        heap.writeInt(0);
        heap.writeShort(0);
        heap.writeShort(statics.length);
        for (int[] field : statics) {
            heap.writeInt(field[0]);
            heap.write(2);
            heap.writeInt(field[1]);
        }
        heap.writeShort(fieldNames.length);
        for (int i = 0; i < fieldNames.length; i++) {
            heap.writeInt(name(fieldNames[i]));
            heap.write(fieldTypes[i]);
        }
    }

    public void root(int tag, int id, int extraBytes) throws IOException {
        heap.write(tag);
        heap.writeInt(id);
        heap.write(new byte[extraBytes]);
    }

    /** An instance whose field values are the given ints (references and ints alike take 4 bytes here). */
    public void instance(int id, int classId, int... values) throws IOException {
        heap.write(0x21);
        heap.writeInt(id);
        heap.writeInt(0);
        heap.writeInt(classId);
        heap.writeInt(values.length * 4);
        for (int value : values) {
            heap.writeInt(value);
        }
    }

    public void objectArray(int id, int classId, int... elements) throws IOException {
        heap.write(0x22);
        heap.writeInt(id);
        heap.writeInt(0);
        heap.writeInt(elements.length);
        heap.writeInt(classId);
        for (int element : elements) {
            heap.writeInt(element);
        }
    }

    public void intArray(int id, int length) throws IOException {
        heap.write(0x23);
        heap.writeInt(id);
        heap.writeInt(0);
        heap.writeInt(length);
        heap.write(10);
        heap.write(new byte[length * 4]);
    }

    /** Raw bytes in the heap record, e.g. a tag no reader knows. */
    public void heapBytes(int... values) throws IOException {
        for (int value : values) {
            heap.write(value);
        }
    }

    /** The offset in the file that the next heap byte will have: the header, the records so far, a heap header. */
    public int nextHeapOffset() {
        return out.size() + 9 + heap.size();
    }

    /** The file: the records written, then the heap in one HEAP DUMP record (as format 1.0.1 has it). */
    public byte[] toBytes() throws IOException {
        record(0x0C, heap.size());
        heapBytes.writeTo(out);
        return bytes.toByteArray();
    }

    private void record(int tag, int length) throws IOException {
        out.write(tag);
        out.writeInt(0);
        out.writeInt(length);
    }
}
