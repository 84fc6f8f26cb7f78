package io.leaklens.session;

import io.leaklens.heapdump.HeapDump;
import io.leaklens.model.HeapDumpReport;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Analyses an HPROF heap dump made elsewhere ({@code jcmd PID GC.heap_dump}, {@code -XX:+HeapDumpOnOutOfMemoryError}):
 * the dominator tree, retained sizes by class and by object, and where instances pile up, with their paths from
 * the GC roots.
 */
public final class HeapDumpAnalysis {

    /** Classes and dominators reported. */
    public static final int TOP = 20;

    private HeapDumpAnalysis() {
    }

    /** Whether a file is a heap dump (by its first bytes: {@code JAVA PROFILE}, or that inside gzip). */
    public static boolean isHeapDump(Path file) {
        return HeapDump.looksLikeHeapDump(file);
    }

    public static HeapDumpReport analyze(Path file) throws SessionException {
        return analyze(file, TOP);
    }

    /** As {@link #analyze(Path)}, with up to {@code top} classes and dominators. */
    public static HeapDumpReport analyze(Path file, int top) throws SessionException {
        try {
            return HeapDump.read(file).report(top);
        } catch (IOException e) {
            throw new SessionException(e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            // The analysis needs about 100 bytes of heap an object at its peak (4 million objects: about 400 MB).
            throw new SessionException("not enough memory to index " + file + " (LeakLens has "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB): give it more with -Xmx", e);
        }
    }
}
