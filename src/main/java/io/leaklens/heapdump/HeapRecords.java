package io.leaklens.heapdump;

import java.io.IOException;

/** What {@link HprofScanner} finds in a dump, in file order; each pass over a dump is one of these. */
interface HeapRecords {

    default void name(long id, String name) {
    }

    default void loadClass(long classId, long nameId) {
    }

    default void root(RootKind kind, long objectId) {
    }

    default void classDump(ClassDump dump) throws IOException {
    }

    /** An instance whose {@code byteCount} field bytes follow in {@code in}: read or skip exactly those. */
    void instance(long id, long classId, long byteCount, HprofInput in) throws IOException;

    /** An array whose {@code length} element ids follow in {@code in}: read or skip exactly those. */
    void objectArray(long id, long arrayClassId, long length, HprofInput in) throws IOException;

    void primitiveArray(long id, BasicType type, long length) throws IOException;
}
