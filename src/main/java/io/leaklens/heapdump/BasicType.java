package io.leaklens.heapdump;

/** HPROF's basic types: the tag a dump writes, the bytes a dump gives a value, the bytes HotSpot gives it. */
enum BasicType {
    OBJECT(2, -1, "java.lang.Object"),
    BOOLEAN(4, 1, "boolean"),
    CHAR(5, 2, "char"),
    FLOAT(6, 4, "float"),
    DOUBLE(7, 8, "double"),
    BYTE(8, 1, "byte"),
    SHORT(9, 2, "short"),
    INT(10, 4, "int"),
    LONG(11, 8, "long");

    final int tag;
    private final int size;
    final String javaName;

    BasicType(int tag, int size, String javaName) {
        this.tag = tag;
        this.size = size;
        this.javaName = javaName;
    }

    /** The type of a tag, or null for a tag that is none. */
    static BasicType of(int tag) {
        for (BasicType type : values()) {
            if (type.tag == tag) {
                return type;
            }
        }
        return null;
    }

    /** The bytes a dump writes for a value: a reference takes an identifier. */
    int dumpSize(int idSize) {
        return this == OBJECT ? idSize : size;
    }

    /**
     * The bytes HotSpot gives a value in the heap: a reference takes 4 with compressed oops (the default for heaps
     * under 32 GB on a 64-bit JVM, whose dumps have 8-byte identifiers) and 4 on a 32-bit JVM.
     */
    int heapSize() {
        return this == OBJECT ? 4 : size;
    }
}
