package io.leaklens.attach;

import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapSample;
import io.leaklens.model.TargetInfo;
import io.leaklens.model.Transport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An open connection to a local target, with what we read through it: memory samples, class histograms, heap dumps.
 * Either over JMX ({@link JmxConnection}) or without an agent ({@link JcmdConnection}). Every listener it adds is
 * removed by the handle it returns or, at the latest, by {@link #close()}.
 */
public sealed interface TargetConnection extends AutoCloseable permits JmxConnection, JcmdConnection {

    TargetInfo info();

    Transport transport();

    /**
     * Whether the target's process has ended, or ends within a moment: asked when the connection fails, which
     * happens while a killed JVM is still being removed. A zombie (ended, not yet reaped) counts as ended.
     */
    default boolean targetEnded() {
        return ProcessCommand.endsWithin(info().pid(), JvmConnector.EXIT_GRACE);
    }

    /** Whether the target's process runs now (a zombie does not), without waiting. */
    default boolean targetRunning() {
        return ProcessCommand.isRunning(info().pid());
    }

    /** Whether the target's process is stopped (SIGSTOP, or held by a debugger): it answers nothing meanwhile. */
    default boolean targetStopped() {
        return ProcessCommand.isStopped(info().pid());
    }

    /** Reads the target's memory now. Callers treat any exception here as a lost connection. */
    HeapSample sample();

    /**
     * The target's {@code GC.class_histogram} as text: live instances and bytes per class. The target runs a full
     * collection first and is paused while it collects and counts.
     */
    String classHistogram() throws IOException;

    /**
     * {@code GC.class_histogram -all} as text: every object, garbage included, counted by a walk of the heap without
     * collecting first. The target is paused for the walk only: about a third of a live histogram's pause on the
     * same heap, so it measures, cheaply, how long counting this heap takes.
     */
    String heapWalkHistogram() throws IOException;

    /**
     * The time the target has spent stopped at safepoints since it started, as its own counters tell; read before
     * and after a request, the pause the request cost it. Empty where the counters cannot be read.
     */
    default Optional<Duration> timeAtSafepoints() {
        return Optional.empty();
    }

    /**
     * Has the target write a heap dump of its live objects (it collects first) to {@code file}, a path on the
     * target's machine ending in {@code .hprof} that does not exist yet; the target's user owns the file.
     */
    void dumpHeap(Path file) throws IOException;

    /** Calls {@code listener} after each collection, where the connection can tell. Close the handle to stop. */
    AutoCloseable onGc(Consumer<GcEvent> listener) throws IOException;

    /** Calls {@code listener} once if the connection closes or fails. Close the handle to stop. */
    AutoCloseable onConnectionLost(Runnable listener);

    /** Lets go of the target, and of every listener added through this connection. */
    @Override
    void close();
}
