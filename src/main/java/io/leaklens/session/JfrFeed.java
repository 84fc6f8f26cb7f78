package io.leaklens.session;

import io.leaklens.jfr.JfrSettings;
import io.leaklens.jfr.LiveJfrStream;
import io.leaklens.jfr.OldObjectRefresh;
import io.leaklens.jfr.RecordingChannel;
import io.leaklens.model.CollectionEvent;
import io.leaklens.model.HeapSummaryEvent;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A session's JFR side: the live stream of allocation samples and heap summaries, and old-object bursts asked for
 * on request and on a slow schedule (each costs the target a short pause to search the paths to GC roots).
 * A target without JFR leaves the session working on JMX alone, with a status that says why.
 */
final class JfrFeed implements AutoCloseable {

    /** The default cadence of old-object refreshes: slow, since each pauses the target briefly. */
    static final Duration DEFAULT_OLD_OBJECT_INTERVAL = Duration.ofSeconds(30);

    private final JfrCollector collector;
    private final ScheduledExecutorService refresher;
    private final RecordingChannel channel;
    private final Duration cutoff;
    private final Runnable changed;
    /** A scheduled refresh that paused the target this long stops the schedule. */
    private final Duration pauseLimit;
    private volatile LiveJfrStream stream;
    private volatile String status;
    private ScheduledFuture<?> schedule;

    private JfrFeed(RecordingChannel channel, JfrSettings settings, Duration pauseLimit,
                    Consumer<HeapSummaryEvent> heapSummaries, Consumer<CollectionEvent> collections, Runnable changed,
                    long pid) {
        this.changed = changed;
        this.pauseLimit = pauseLimit;
        this.collector = new JfrCollector(heapSummaries, collections, snapshot -> changed.run());
        this.channel = channel;
        this.cutoff = settings.oldObjectCutoff();
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leaklens-old-objects-" + pid);
            t.setDaemon(true);
            return t;
        });
        this.status = streaming(settings.allocationThrottle());
    }

    /**
     * Starts streaming; never fails: a target without JFR gives a feed whose status says so.
     *
     * @param pauseLimit a scheduled old-object refresh that pauses the target this long stops the schedule
     */
    static JfrFeed start(RecordingChannel channel, JfrSettings settings, Duration oldObjectInterval,
                         Duration pauseLimit, Consumer<HeapSummaryEvent> heapSummaries,
                         Consumer<CollectionEvent> collections, Runnable changed, long pid) {
        JfrFeed feed = new JfrFeed(channel, settings, pauseLimit, heapSummaries, collections, changed, pid);
        try {
            feed.stream = LiveJfrStream.start(channel, settings, feed.collector, new LiveJfrStream.Listener() {
                @Override
                public void restarted(String reason) {
                    feed.setStatus("The JFR stream was restarted after " + reason + "; events of the gap are lost");
                }

                @Override
                public void ended(String reason) {
                    feed.setStatus("The JFR stream ended (" + reason + "); the data collected is kept");
                }
            });
            feed.scheduleOldObjects(oldObjectInterval);
        } catch (IOException | RuntimeException e) {
            feed.setStatus("No JFR data from this JVM: " + SessionException.firstLine(e));
        }
        return feed;
    }

    private void setStatus(String text) {
        status = text;
        changed.run();
    }

    /** Refreshes old objects every {@code interval}; zero or negative switches the schedule off. */
    synchronized void scheduleOldObjects(Duration interval) {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
        if (!interval.isZero() && !interval.isNegative() && !refresher.isShutdown()) {
            schedule = refresher.scheduleWithFixedDelay(this::refreshOnSchedule, interval.toMillis(),
                    interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Asks the target for its old-object samples now, in the background; they arrive with the stream. */
    void refreshOldObjects() {
        if (stream != null && !refresher.isShutdown()) {
            refresher.execute(this::refresh);
        }
    }

    /**
     * A refresh of the schedule. One that paused the target for the limit or longer (a heap of tens of GB: the
     * search is cut off at 250 ms, but JFR's work around it grows with the heap) stops the schedule, and the status
     * says so; a refresh the user asks for is still made.
     */
    private void refreshOnSchedule() {
        Duration took = refresh();
        if (took.compareTo(pauseLimit) >= 0) {
            scheduleOldObjects(Duration.ZERO);
            setStatus("Old objects are no longer refreshed by themselves: the last refresh paused this JVM for up to "
                    + took.toMillis() + " ms; they come only when asked for");
        }
    }

    /** How long the request took (the target's pause is part of it), zero if it failed. */
    private Duration refresh() {
        try {
            collector.requested(java.time.Instant.now());
            OldObjectRefresh refresh = channel.emitOldObjects(cutoff);
            collector.requestTook(refresh.clientTime());
            return refresh.clientTime();
        } catch (IOException | RuntimeException e) {
            setStatus("Could not refresh old objects: " + SessionException.firstLine(e));
            return Duration.ZERO;
        }
    }

    /** Changes the allocation sample rate of the running stream; the status says the new rate. */
    void setAllocationThrottle(String throttle) throws IOException {
        LiveJfrStream s = stream;
        if (s == null) {
            throw new IOException("there is no JFR stream to change");
        }
        s.setAllocationThrottle(throttle);
        setStatus(streaming(throttle.strip().replace(" ", "")));
    }

    private String streaming(String throttle) {
        return "Streaming allocation samples (" + throttle + ") " + channel.describe();
    }

    /** Whether the stream runs: its collections and heap summaries then stand in for JMX's GC notifications. */
    boolean streaming() {
        return stream != null;
    }

    /** What direct buffers held at JFR's latest reading, or -1. */
    long directBuffers() {
        return collector.directBuffers();
    }

    JfrCollector.Snapshot snapshot() {
        return collector.latest();
    }

    String status() {
        return status;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        LiveJfrStream s = stream;
        if (s != null) {
            s.close();
        }
    }
}
