package io.leaklens.jfr;

import jdk.management.jfr.FlightRecorderMXBean;

import javax.management.MBeanServerConnection;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Makes a target emit its {@code jdk.OldObjectSample} events, with paths to GC roots, into the running stream.
 * <p>
 * JFR never emits them by itself while streaming: only when a recording that has the event enabled stops (or is
 * dumped). So we run a second, empty-handed recording through the target's FlightRecorderMXBean and stop it at once:
 * its stop emits every live sample, searching paths for at most the cutoff, and the events land in every running
 * recording, our stream's included. Costs measured on this kind of machine: 40–120 ms of JMX calls, during which the
 * target pauses at a safepoint for the path search (10–75 ms on a small heap, up to about the cutoff on a big one).
 * The alternatives cost more or give less: a {@code jfrDump} diagnostic command writes a file on the target's side;
 * {@code takeSnapshot} gives no paths on JDK 17 targets; stopping the stream itself ends the stream.
 * <p>
 * Thread-safe; do not call it often (each call pauses the target): the stream's settings keep the target sampling
 * in between.
 */
public final class OldObjectTrigger {

    private static final System.Logger LOG = System.getLogger(OldObjectTrigger.class.getName());

    private static final String RECORDING_NAME = "LeakLens old-object samples";

    private final MBeanServerConnection connection;
    private final Duration cutoff;

    /** @param cutoff the longest path search the target may do, e.g. {@link JfrSettings#oldObjectCutoff()} */
    public OldObjectTrigger(MBeanServerConnection connection, Duration cutoff) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.cutoff = Objects.requireNonNull(cutoff, "cutoff");
        JfrSettings.checkCutoff(cutoff);
    }

    /**
     * Asks the target to emit its old-object samples now. Returns when the target has emitted them; they reach the
     * stream's sink a second or so later, as a new burst.
     *
     * @throws IOException the target did not answer or refused the recording
     */
    public OldObjectRefresh refresh() throws IOException {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        FlightRecorderMXBean recorder = FlightRecorderBean.proxy(connection);
        long id;
        try {
            id = recorder.newRecording();
        } catch (RuntimeException e) {
            throw failed("could not create a recording", e);
        }
        try {
            recorder.setRecordingOptions(id, Map.of("name", RECORDING_NAME));
            recorder.setRecordingSettings(id, JfrSettings.oldObjectSettings(cutoff));
            recorder.startRecording(id);
            recorder.stopRecording(id); // emits the samples before it returns
        } catch (RuntimeException e) {
            closeQuietly(recorder, id);
            throw failed("could not run the recording", e);
        }
        try {
            recorder.closeRecording(id);
        } catch (IOException | RuntimeException e) {
            // The samples are out, but a stopped recording stays behind on the target until it exits: say so.
            throw failed("could not close its recording " + id, e);
        }
        return new OldObjectRefresh(startedAt, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void closeQuietly(FlightRecorderMXBean recorder, long id) {
        try {
            recorder.closeRecording(id);
        } catch (IOException | RuntimeException e) {
            // Already failing, most likely for the same reason: the first failure is the one to report.
            LOG.log(System.Logger.Level.DEBUG, "could not close the old-object recording after a failure", e);
        }
    }

    /** A proxy wraps a lost connection in an UndeclaredThrowableException: say what happened in one sentence. */
    private static IOException failed(String what, Exception e) {
        Throwable cause = e.getCause() != null && !(e instanceof IllegalStateException
                || e instanceof IllegalArgumentException) ? e.getCause() : e;
        return new IOException("old-object refresh failed: " + what + " on the target (" + cause + ")", e);
    }
}
