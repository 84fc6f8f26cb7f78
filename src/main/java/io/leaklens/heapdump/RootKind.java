package io.leaklens.heapdump;

/** The kinds of GC root an HPROF heap dump names, with the CLI contract's kind for each. */
enum RootKind {
    UNKNOWN(0xFF, "unknown root", "other"),
    JNI_GLOBAL(0x01, "JNI global", "jni"),
    JNI_LOCAL(0x02, "JNI local", "jni"),
    JAVA_FRAME(0x03, "Java frame", "thread"),
    NATIVE_STACK(0x04, "native stack", "thread"),
    STICKY_CLASS(0x05, "system class", "class loader"),
    THREAD_BLOCK(0x06, "thread block", "thread"),
    MONITOR_USED(0x07, "busy monitor", "other"),
    THREAD_OBJECT(0x08, "thread", "thread"),
    // Android's additions to the format.
    INTERNED_STRING(0x89, "interned string", "other"),
    FINALIZING(0x8A, "finalizing", "other"),
    DEBUGGER(0x8B, "debugger", "other"),
    REFERENCE_CLEANUP(0x8C, "reference cleanup", "other"),
    VM_INTERNAL(0x8D, "VM internal", "other"),
    JNI_MONITOR(0x8E, "JNI monitor", "jni");

    final int tag;
    final String label;
    final String contractKind;

    RootKind(int tag, String label, String contractKind) {
        this.tag = tag;
        this.label = label;
        this.contractKind = contractKind;
    }

    /** The kind of a heap sub-record tag, or null when the tag is no root. */
    static RootKind of(int tag) {
        for (RootKind kind : values()) {
            if (kind.tag == tag) {
                return kind;
            }
        }
        return null;
    }

    /** Bytes after the object id: thread serials, frame numbers. */
    int extraBytes(int idSize) {
        return switch (this) {
            case JNI_GLOBAL -> idSize;
            case JNI_LOCAL, JAVA_FRAME, THREAD_OBJECT, JNI_MONITOR -> 8;
            case NATIVE_STACK, THREAD_BLOCK -> 4;
            default -> 0;
        };
    }
}
