package io.leaklens.session;

import io.leaklens.analysis.ReferenceGraphBuilder;
import io.leaklens.heapdump.HeapDump;
import io.leaklens.model.GraphLevel;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.ReferenceGraph;
import io.leaklens.model.HeapDumpReport;
import io.leaklens.model.InstancesInDump;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Analyses an HPROF heap dump made elsewhere ({@code jcmd PID GC.heap_dump}, {@code -XX:+HeapDumpOnOutOfMemoryError}):
 * the dominator tree, retained sizes by class and by object, and where instances pile up, with their paths from
 * the GC roots.
 */
public final class HeapDumpAnalysis {

    /** Classes and dominators reported. */
    public static final int TOP = 20;
    /** Accumulation points drawn in the graph of a dump, and instances drawn at each. */
    public static final int GRAPH_POINTS = 5;
    public static final int GRAPH_INSTANCES = 200;

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
        return withMemory(file, () -> read(file).report(top));
    }

    /** Reads a dump and keeps it open, with its report of up to {@code top} classes and dominators. */
    public static OpenedHeapDump open(Path file, int top) throws SessionException {
        return withMemory(file, () -> {
            HeapDump dump = read(file);
            return new OpenedHeapDump(file, dump, dump.report(top), dump.suspectInstances(GRAPH_POINTS,
                    GRAPH_INSTANCES, true));
        });
    }

    /**
     * Has JVM {@code pid} write a heap dump to {@code file} (replacing an earlier one there), reads it and finds where
     * the instances of {@code className} are kept alive. The dump is not kept in memory afterwards.
     */
    public static InstancesInDump findInNewDump(long pid, Path file, String className) throws SessionException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new SessionException("cannot replace " + file + ": " + e.getMessage(), e);
        }
        HeapDumpTaker.take(pid, file);
        return withMemory(file, () -> read(file).instancesOf(className));
    }

    /**
     * The reference graph of the dump's leak suspects: the shortest strong paths from the GC roots to at most
     * {@value #GRAPH_INSTANCES} instances at each of the {@value #GRAPH_POINTS} biggest accumulation points,
     * merged as the live graph merges sampled old objects (by object, or by class reached along the same fields).
     */
    public static ReferenceGraph graph(Path file, GraphLevel level) throws SessionException {
        List<OldObjectSample> instances = withMemory(file, () -> read(file).suspectInstances(GRAPH_POINTS,
                GRAPH_INSTANCES, level == GraphLevel.OBJECTS));
        return ReferenceGraphBuilder.build(instances, level);
    }

    static HeapDump read(Path file) throws SessionException {
        try {
            return HeapDump.read(file);
        } catch (IOException e) {
            throw new SessionException(e.getMessage(), e);
        }
    }

    /**
     * Runs a step of reading or analysing a dump: the index is read first, the dominator tree and retained sizes
     * when a step first needs them, so running out of memory can come at any step; it is said in one sentence.
     */
    static <T> T withMemory(Path file, DumpStep<T> step) throws SessionException {
        try {
            return step.run();
        } catch (OutOfMemoryError e) {
            // The analysis needs about 65 bytes of heap an object at its peak (15.5 million objects: 1 GB); the
            // rest of the index is off the heap.
            throw new SessionException("not enough memory to analyse " + file + " (LeakLens has "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB): give it more with -Xmx", e);
        }
    }

    /** A step of reading or analysing a dump. */
    interface DumpStep<T> {
        T run() throws SessionException;
    }
}
