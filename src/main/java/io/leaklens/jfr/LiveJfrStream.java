package io.leaklens.jfr;

import jdk.jfr.consumer.EventStream;

import javax.management.MBeanServerConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A live JFR stream from a target, over its JMX connection or from its disk repository ({@link RecordingChannel}),
 * delivering mapped events to a {@link JfrEvents} sink on the stream's own thread.
 * <p>
 * A live stream fails without a word: the JDK logs its failures at debug level and closes the stream, or, when the
 * target dies, does not even close it (its download thread ends, and the stream thread waits for the next chunk
 * forever; seen on JDK 25.0.3; a repository stream waits for the next chunk of a dead target just as well). So a
 * heartbeat asks every second whether the target still answers, and
 * watches that flushes keep coming (JFR flushes about once a second, idle or not), and every end we did not ask for
 * is looked at: if the target still answers, the stream is started again (at most
 * {@value #MAX_RESTARTS_PER_MINUTE} times a minute, after a short back-off) and the listener hears
 * {@code restarted}; if the target is gone, or the restarts are used up, the listener hears {@code ended} once and
 * nothing more happens. Only one stream runs at a time, and a new one starts only after the old one's thread has
 * finished, so the sink is never called from two threads at once.
 */
public final class LiveJfrStream implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LiveJfrStream.class.getName());

    /** What happens to the stream, told on a LeakLens thread (never the stream's own). */
    public interface Listener {
        /**
         * The stream failed and was started again; events of the gap are lost. The previous stream's thread has
         * finished before this is called.
         */
        void restarted(String reason);

        /**
         * The stream ended for good and will deliver nothing more: {@code "closed: ..."} when the target is gone.
         * Called at most once, after the stream's thread has finished (so the sink's state may be read here).
         */
        void ended(String reason);
    }

    static final int MAX_RESTARTS_PER_MINUTE = 3;
    private static final Duration BACK_OFF = Duration.ofMillis(500);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /** Far more than JFR's 1 s flush interval, so that only a stream that really stopped is restarted. */
    private static final Duration STALL = Duration.ofSeconds(15);
    private static final String NOT_ANSWERING = "the target stopped answering";

    private final RecordingChannel channel;
    /** The settings of the current stream, and of any restart: the user may change the throttle while it runs. */
    private volatile JfrSettings settings;
    private final JfrEvents sink;
    private final Listener listener;
    /**
     * The heartbeat, restarts and the end are handled here, one at a time, off the stream thread (which cannot
     * await itself).
     */
    private final ScheduledExecutorService supervisor;
    private final Deque<Long> restartTimes = new ArrayDeque<>();
    private volatile long lastFlushNanos;
    /** The current stream's thread, known from its first flush: close() must not wait for itself there. */
    private volatile Thread streamThread;
    private final Object lock = new Object();
    // guarded by lock
    private EventStream current;
    private boolean closed;
    private boolean ended;

    private LiveJfrStream(RecordingChannel channel, JfrSettings settings, JfrEvents sink, Listener listener) {
        this.channel = channel;
        this.settings = settings;
        this.sink = sink;
        this.listener = listener;
        this.supervisor = Executors.newSingleThreadScheduledExecutor(task -> Thread.ofPlatform().daemon()
                .name("leaklens-jfr-supervisor").unstarted(task));
    }

    /**
     * Starts streaming. Returns once the target's recording runs; events follow on the stream's thread.
     *
     * @throws IOException the target has no Flight Recorder, or the connection failed
     */
    public static LiveJfrStream start(RecordingChannel channel, JfrSettings settings, JfrEvents sink,
                                      Listener listener) throws IOException {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(listener, "listener");
        LiveJfrStream live = new LiveJfrStream(channel, settings, sink, listener);
        try {
            live.open();
            live.supervisor.scheduleWithFixedDelay(live::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            live.supervisor.shutdownNow();
            throw e;
        }
        return live;
    }

    /** A stream over a JMX connection ({@link JmxRecordingChannel}). */
    public static LiveJfrStream start(MBeanServerConnection connection, JfrSettings settings, JfrEvents sink,
                                      Listener listener) throws IOException {
        return start(new JmxRecordingChannel(connection), settings, sink, listener);
    }

    /** How this stream's recording runs in the target, for old-object requests on the same target. */
    public RecordingChannel channel() {
        return channel;
    }

    /**
     * Stops the stream and waits (at most a few seconds) for its thread, unless called on that thread (from the
     * sink). The listener hears nothing of it.
     */
    @Override
    public void close() {
        EventStream stream;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            stream = current;
            current = null;
        }
        supervisor.shutdownNow();
        if (stream != null) {
            channel.beforeClose(stream);
        }
        if (stream != null && Thread.currentThread() == streamThread) {
            stream.close(); // the thread ends when the sink's callback returns
            channel.afterClose(stream);
        } else if (stream != null) {
            closeAndAwait(stream);
        }
    }

    /**
     * Changes how many allocation samples the target takes, on the running stream (JFR applies new settings to a
     * running recording) and for any restart.
     *
     * @throws IllegalArgumentException when the rate is not a JFR throttle such as {@code 300/s}
     */
    public void setAllocationThrottle(String throttle) throws IOException {
        JfrSettings changed = settings.withAllocationThrottle(throttle);
        EventStream stream;
        synchronized (lock) {
            settings = changed;
            stream = current;
        }
        if (stream != null) {
            channel.change(stream, changed);
        }
    }

    /** Opens and starts a stream and makes it the current one; false if we were closed meanwhile. */
    private boolean open() throws IOException {
        AtomicBoolean closedEarly = new AtomicBoolean();
        // Before anything that can fail: the JDK closes a remote stream quietly when setSettings or start fails.
        EventStream stream = channel.open(settings, opened -> {
            opened.onClose(() -> {
                closedEarly.set(true);
                troubled(opened, "the stream closed");
            });
            opened.onError(e -> troubled(opened, "error: " + e));
        });
        try {
            EventRouter.connect(stream, sink);
            stream.onFlush(() -> {
                lastFlushNanos = System.nanoTime();
                streamThread = Thread.currentThread();
            });
            lastFlushNanos = System.nanoTime();
            synchronized (lock) {
                if (closed) {
                    stream.close();
                    return false;
                }
                if (closedEarly.get()) {
                    throw new IOException("the target's Flight Recorder refused the stream's recording");
                }
                // Current before it starts: a failure at once must find it (recover ignores other streams).
                current = stream;
            }
            stream.startAsync();
            return true;
        } catch (IOException | RuntimeException e) {
            stream.close();
            channel.afterClose(stream);
            throw e;
        }
    }

    /** Every second on the supervisor: is the target still there, and does the stream still deliver? */
    private void heartbeat() {
        try {
            checkHealth();
        } catch (RuntimeException e) {
            // A listener failed. Report it as any uncaught exception, but keep the heartbeat (an exception would
            // cancel it for good).
            Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
        }
    }

    private void checkHealth() {
        EventStream stream;
        synchronized (lock) {
            if (closed || ended || current == null) {
                return;
            }
            stream = current;
        }
        if (!channel.answers()) {
            recover(stream, NOT_ANSWERING);
        } else if (System.nanoTime() - lastFlushNanos > STALL.toNanos()) {
            recover(stream, "no data from the target for " + STALL.toSeconds() + " s");
        }
    }

    /** Called from the stream's thread (or whoever closed it): hand over to the supervisor. */
    private void troubled(EventStream stream, String reason) {
        synchronized (lock) {
            if (closed || ended) {
                return;
            }
        }
        try {
            supervisor.execute(() -> recover(stream, reason));
        } catch (RejectedExecutionException e) {
            // Only after close(): nobody is listening any more.
            LOG.log(System.Logger.Level.DEBUG, "no recovery after close", e);
        }
    }

    private void recover(EventStream failed, String reason) {
        synchronized (lock) {
            if (closed || ended || current != failed) {
                return; // closed by us, or an old stream's second word (onError, then onClose)
            }
            current = null;
        }
        closeAndAwait(failed);
        String why = reason;
        while (true) {
            if (!channel.answers()) {
                end("closed: the target JVM is gone or no longer answers"
                        + (why.equals(NOT_ANSWERING) ? "" : " (" + why + ")"));
                return;
            }
            if (!mayRestart()) {
                end("gave up after " + MAX_RESTARTS_PER_MINUTE + " restarts within a minute; last: " + why);
                return;
            }
            try {
                Thread.sleep(BACK_OFF.multipliedBy(restartTimes.size()).toMillis());
                if (open()) {
                    listener.restarted("restarted after " + why);
                }
                return;
            } catch (InterruptedException e) {
                return; // close() interrupted us: nothing more to do
            } catch (IOException | RuntimeException e) {
                why = "a failed restart: " + e.getMessage();
            }
        }
    }

    /** Counts a restart if fewer than the allowed number happened in the last minute. */
    private boolean mayRestart() {
        long now = System.nanoTime();
        while (!restartTimes.isEmpty() && now - restartTimes.peekFirst() > TimeUnit.MINUTES.toNanos(1)) {
            restartTimes.removeFirst();
        }
        if (restartTimes.size() >= MAX_RESTARTS_PER_MINUTE) {
            return false;
        }
        restartTimes.addLast(now);
        return true;
    }

    private void end(String reason) {
        synchronized (lock) {
            if (closed || ended) {
                return;
            }
            ended = true;
        }
        supervisor.shutdown();
        listener.ended(reason);
    }

    private void closeAndAwait(EventStream stream) {
        stream.close();
        try {
            stream.awaitTermination(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.afterClose(stream);
    }
}
