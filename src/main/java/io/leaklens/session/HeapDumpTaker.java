package io.leaklens.session;

import io.leaklens.attach.AttachException;
import io.leaklens.attach.JvmConnector;
import io.leaklens.attach.TargetConnection;
import io.leaklens.model.TargetInfo;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Has a running JVM write a heap dump of its live objects, through the same connection a session uses
 * ({@code GC.heap_dump}, or {@code HotSpotDiagnosticMXBean.dumpHeap} over JMX), without starting a recording. The
 * target collects first and is paused while it writes.
 */
public final class HeapDumpTaker {

    private HeapDumpTaker() {
    }

    /** Writes the dump to {@code file} (absolute, ending in .hprof, not there yet) and says which JVM wrote it. */
    public static TargetInfo take(long pid, Path file) throws SessionException {
        TargetConnection connection;
        try {
            connection = new JvmConnector().connect(pid);
        } catch (AttachException e) {
            throw new SessionException(e.getMessage(), e);
        }
        try (connection) {
            connection.dumpHeap(file);
            return connection.info();
        } catch (IOException e) {
            throw new SessionException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // A target that exits while dumping drops the connection under the call.
            throw new SessionException("JVM " + pid + " stopped answering while writing the heap dump: "
                    + SessionException.firstLine(e), e);
        }
    }
}
