package io.leaklens.session;

import io.leaklens.attach.JcmdConnection;
import io.leaklens.attach.JmxConnection;
import io.leaklens.attach.TargetConnection;
import io.leaklens.jfr.DiagnosticCommands;
import io.leaklens.jfr.JmxRecordingChannel;
import io.leaklens.jfr.RecordingChannel;
import io.leaklens.jfr.RepositoryRecordingChannel;
import io.leaklens.model.CollectionEvent;
import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapSummaryEvent;
import io.leaklens.model.SessionState;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A live session's JFR side: opens the stream on a thread of its own (it takes a few hundred ms, while the heap is
 * shown) over the connection's transport, falls back to JMX's GC notifications when the target has no JFR, and takes the session's requests for old
 * objects and sample rates. Closed once, by whichever comes last of the session's end and the stream's opening.
 */
final class SessionJfr {

    private static final System.Logger LOG = System.getLogger(SessionJfr.class.getName());

    private final TargetConnection connection;
    private final WatchOptions options;
    private final Supplier<SessionState> state;
    private final Clock clock;
    private volatile JfrFeed feed;
    private boolean closed; // guarded by this

    SessionJfr(TargetConnection connection, WatchOptions options, Supplier<SessionState> state, Clock clock) {
        this.connection = connection;
        this.options = options;
        this.state = state;
        this.clock = clock;
    }

    /**
     * Opens the stream in the background. Heap summaries and collections go to their consumers, any change to
     * {@code changed}; without JFR, JMX's GC notifications go to {@code notified}.
     */
    void start(Consumer<HeapSummaryEvent> summaries, Consumer<CollectionEvent> collections, Runnable changed,
               Consumer<GcEvent> notified) {
        long pid = connection.info().pid();
        Thread.ofPlatform().daemon().name("leaklens-jfr-start-" + pid).start(() -> {
            JfrFeed opened = JfrFeed.start(channel(), options.jfrSettings(), options.oldObjectInterval(),
                    options.oldObjectPauseLimit(), summaries, collections, changed, pid);
            synchronized (this) {
                if (closed) {
                    opened.close(); // the session ended while the stream was opening
                    return;
                }
                feed = opened;
            }
            if (!opened.streaming()) {
                listenToGcNotifications(notified);
            }
        });
    }

    /** The target's recordings run over the connection's own transport: JMX, or diagnostic commands. */
    private RecordingChannel channel() {
        return switch (connection) {
            case JmxConnection jmx -> new JmxRecordingChannel(jmx.mbeans());
            case JcmdConnection jcmd -> new RepositoryRecordingChannel(new DiagnosticCommands() {
                @Override
                public String execute(String command) throws IOException {
                    return jcmd.jcmd().execute(command);
                }

                @Override
                public boolean alive() {
                    return jcmd.targetRunning();
                }
            });
        };
    }

    /**
     * Without JFR, collections are told by JMX's GC notifications. Only then: they cost the target more than they
     * seem, since the first notification listener makes its connector keep the last thousand notifications of
     * every MBean in a buffer, and that heap grows like a leak for minutes.
     */
    private void listenToGcNotifications(Consumer<GcEvent> notified) {
        if (!state.get().connected()) {
            return;
        }
        try {
            connection.onGc(notified); // removed when the connection closes
        } catch (IOException | RuntimeException e) {
            // The heap readings go on; only the GC markers are missing.
            LOG.log(System.Logger.Level.DEBUG, "no GC notifications from the target", e);
        }
    }

    JfrCollector.Snapshot snapshot() {
        JfrFeed f = feed;
        return f == null ? JfrCollector.Snapshot.EMPTY : f.snapshot();
    }

    /** What direct buffers held at JFR's latest reading, or -1 when the stream gives none. */
    long directBuffers() {
        JfrFeed f = feed;
        return f == null ? -1 : f.directBuffers();
    }

    String status() {
        JfrFeed f = feed;
        return f == null ? "" : f.status();
    }

    void refreshOldObjects() {
        JfrFeed f = feed;
        if (f != null && state.get().connected()) {
            f.refreshOldObjects();
        }
    }

    /** Asks for old objects and waits, at most {@code wait}, for a burst newer than the question. */
    boolean refreshOldObjectsAndWait(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (feed == null && state.get().connected() && System.nanoTime() < deadline) {
            Thread.sleep(50); // the stream is still opening, right after connecting
        }
        if (feed == null || !state.get().connected()) {
            return false;
        }
        Instant asked = clock.instant().minusSeconds(1);
        refreshOldObjects();
        while (System.nanoTime() < deadline && state.get().connected()) {
            Instant emitted = state.get().oldObjects().emittedAt();
            if (emitted != null && emitted.isAfter(asked)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    void setAllocationThrottle(String throttle) throws SessionException {
        JfrFeed f = feed;
        if (f == null) {
            throw new SessionException("the JFR stream has not started yet", null);
        }
        try {
            f.setAllocationThrottle(throttle);
        } catch (IOException e) {
            throw new SessionException("cannot change the sample rate: " + e.getMessage(), e);
        }
    }

    void setOldObjectInterval(Duration interval) {
        JfrFeed f = feed;
        if (f != null) {
            f.scheduleOldObjects(interval);
        }
    }

    /** Closes the stream, or the one still opening once it has opened. May wait on the target. */
    void close() {
        JfrFeed f;
        synchronized (this) {
            closed = true;
            f = feed;
        }
        if (f != null) {
            f.close();
        }
    }
}
