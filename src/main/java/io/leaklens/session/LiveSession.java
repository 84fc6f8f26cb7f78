package io.leaklens.session;

import io.leaklens.analysis.GcJoiner;
import io.leaklens.analysis.HeapTimeline;
import io.leaklens.attach.AttachException;
import io.leaklens.attach.JvmConnector;
import io.leaklens.attach.TargetConnection;
import io.leaklens.model.ClassHistogram;
import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapSample;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.PredictedPause;
import io.leaklens.model.TimedHistogram;
import io.leaklens.model.SessionState;
import io.leaklens.model.Snapshot;
import io.leaklens.model.SnapshotInfo;
import io.leaklens.model.TargetInfo;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Watches one target: reads its memory once a second and hears about each collection, on one thread of its own,
 * and publishes an immutable {@link SessionState} after each change. When the target goes away, or stops
 * answering, the session publishes a disconnected state that keeps everything collected, and stops. Beside that, a
 * JFR stream over the same JMX connection tells who allocates and, every 30 s or on request, which sampled objects
 * survive and why; class histograms feed the leak rules ({@link HistogramSchedule}).
 * <p>
 * Nothing the session thread does waits on the target: reads run on their own thread ({@link SampleReader}), and
 * letting go of a target runs on one of its own, so a target that hangs cannot hang the session or its user.
 */
public final class LiveSession implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LiveSession.class.getName());

    /** The disconnect reason when the user detached: not a failure, so reports leave it out. */
    public static final String DETACHED = "detached";

    /** How often the target's memory is read. */
    public static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(1);

    /** How long a histogram waits for the heap reading its pause is predicted from. */
    public static final Duration FIRST_SAMPLE_WAIT = Duration.ofSeconds(5);

    /** How long a snapshot waits for fresh old objects: a burst usually comes within a second or two. */
    static final Duration SNAPSHOT_OLD_OBJECT_WAIT = Duration.ofSeconds(6);

    /** How long closing waits for the target to be let go of: a hung one is left to a thread of its own. */
    static final Duration RELEASE_WAIT = Duration.ofSeconds(3);

    private final TargetConnection connection;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final HeapTimeline timeline = new HeapTimeline();
    private final List<Consumer<SessionState>> listeners = new CopyOnWriteArrayList<>();
    private final Instant connectedAt;
    private volatile SessionState state;
    private final WatchOptions options;
    private final SessionJfr jfr;
    private boolean released; // guarded by this
    /** The leak rules and their histograms: touched on the session thread only. */
    private final LeakWatch leaks = new LeakWatch();
    private final HistogramSchedule histograms;
    private final SampleReader reader;
    private final TargetSilence silence;
    /** Lets go of the target once; done when it has. */
    private final CompletableFuture<Void> release = new CompletableFuture<>();
    /** Collections told by JFR, joined from their parts. */
    private final GcJoiner gcJoiner = new GcJoiner();

    private LiveSession(TargetConnection connection, Clock clock, WatchOptions options) {
        this.connection = connection;
        this.options = options;
        this.clock = clock;
        this.connectedAt = clock.instant();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leaklens-session-" + connection.info().pid());
            t.setDaemon(true);
            return t;
        });
        this.state = new SessionState(connection.info(), ConnectionStatus.CONNECTED, connectedAt, null, null,
                timeline.history());
        this.histograms = new HistogramSchedule(connection, options, () -> state, clock);
        this.reader = new SampleReader(connection);
        this.silence = new TargetSilence(connection);
        this.jfr = new SessionJfr(connection, options, () -> state, clock);
    }

    /** Connects to the JVM with this pid and starts watching it; the first sample is taken at once. */
    public static LiveSession connect(long pid) throws SessionException {
        return connect(new JvmConnector(), pid, WatchOptions.DEFAULTS);
    }

    public static LiveSession connect(long pid, WatchOptions options) throws SessionException {
        return connect(new JvmConnector(), pid, options);
    }

    private static LiveSession connect(JvmConnector connector, long pid, WatchOptions options)
            throws SessionException {
        TargetConnection connection;
        try {
            connection = connector.connect(pid, options.transport());
        } catch (AttachException e) {
            throw new SessionException(e.getMessage(), e);
        }
        LiveSession session = new LiveSession(connection, Clock.systemUTC(), options);
        session.start();
        return session;
    }

    private void start() throws SessionException {
        try {
            connection.onConnectionLost(() -> onSessionThread(() -> disconnect(silence.lost())));
        } catch (RuntimeException e) {
            connection.close();
            thread.shutdownNow();
            throw new SessionException("JVM " + connection.info().pid() + " stopped answering while connecting", e);
        }
        thread.scheduleAtFixedRate(this::tick, 0, SAMPLE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        boolean periodic = histograms.start(
                histogram -> onSessionThread(() -> changeWhileConnected(() -> leaks.addPeriodic(histogram))),
                pause -> onSessionThread(() -> changeWhileConnected(() -> leaks.skipped(pause))));
        if (!periodic) {
            leaks.periodicHistograms(false);
        }
        jfr.start(summary -> onSessionThread(() -> onGc(gcJoiner.add(summary))),
                collection -> onSessionThread(() -> onGc(gcJoiner.add(collection))),
                () -> onSessionThread(this::publishWhileConnected),
                event -> onSessionThread(() -> onGc(event)));
    }

    /** Asks the target for its surviving sampled objects and their paths now; they arrive in a later state. */
    public void refreshOldObjects() {
        jfr.refreshOldObjects();
    }

    /**
     * Asks for old objects and waits until they arrive, at most {@code wait}: returns whether a fresh burst came.
     * Without JFR, or once disconnected, it returns false at once.
     */
    public boolean refreshOldObjectsAndWait(Duration wait) throws InterruptedException {
        return jfr.refreshOldObjectsAndWait(wait);
    }

    /**
     * Takes a snapshot now, on the calling thread (it takes seconds; never call it on a UI thread): the class
     * histogram, which makes the target run a full collection and pauses it meanwhile; then fresh old objects with
     * their paths (after that collection only the truly live ones remain); the allocation profile so far and the
     * latest heap reading.
     */
    public Snapshot takeSnapshot(String name) throws SessionException, InterruptedException {
        if (!state.connected()) {
            throw new SessionException("cannot take a snapshot: " + TargetRequest.ended(state));
        }
        Instant takenAt = clock.instant();
        ClassHistogram histogram;
        try {
            histogram = TargetRequest.await(histograms::take, () -> state);
            ClassHistogram taken = histogram;
            onSessionThread(() -> changeWhileConnected(() -> leaks.add(new TimedHistogram(takenAt, taken))));
        } catch (IOException | RuntimeException e) {
            if (connection.targetEnded()) {
                throw new SessionException("JVM " + target().pid() + " exited while the snapshot was taken", e);
            }
            throw new SessionException("cannot take a class histogram of JVM " + target().pid() + ": "
                    + SessionException.firstLine(e), e);
        } catch (SessionException e) {
            throw new SessionException(e.getMessage() + " while the snapshot was taken", e);
        }
        refreshOldObjectsAndWait(SNAPSHOT_OLD_OBJECT_WAIT);
        SessionState now = state;
        return new Snapshot(new SnapshotInfo(name, "", takenAt, target()), now.heap().latest().orElse(null),
                histogram, now.allocations(), now.oldObjects(), now.leaks());
    }

    /**
     * A snapshot of what was collected, without asking the target anything: no class histogram. For a target that
     * has gone away, or when the user must not pause it.
     */
    public Snapshot collectedSnapshot(String name) {
        SessionState now = state;
        Instant at = now.disconnectedAt() != null ? now.disconnectedAt() : clock.instant();
        return new Snapshot(new SnapshotInfo(name, "", at, target()), now.heap().latest().orElse(null),
                io.leaklens.model.ClassHistogram.NONE, now.allocations(), now.oldObjects(), now.leaks());
    }

    /**
     * How long a class histogram taken now would pause the target, predicted from its heap and its earlier
     * histograms; unknown until the first heap reading.
     */
    public PredictedPause predictHistogramPause() {
        return histograms.predict();
    }

    /**
     * The predicted pause of a class histogram taken now, when it reaches this session's limit (1 s by default):
     * the user should hear of it before asking for one.
     */
    public Optional<PredictedPause> longHistogramPause() {
        return histograms.tooLong();
    }

    /**
     * Waits, at most {@code wait}, for the first heap reading (it comes within milliseconds of connecting): a
     * histogram's pause is predicted from it. Returns whether it came and the target is still connected.
     */
    public boolean awaitFirstSample(Duration wait) {
        return histograms.awaitFirstSample(wait);
    }

    /** Runs on the session thread: after the end, the final state stays as it was published. */
    private void publishWhileConnected() {
        if (state.connected()) {
            publish(ConnectionStatus.CONNECTED, null, null);
        }
    }

    /** Runs on the session thread: after the end, the final state stays as it was published. */
    private void changeWhileConnected(Runnable change) {
        if (state.connected()) {
            change.run();
            publish(ConnectionStatus.CONNECTED, null, null);
        }
    }

    /**
     * Changes how many allocation samples the target takes, e.g. {@code 300/s}: more samples see rarer sites, at a
     * little more cost to the target.
     *
     * @throws IllegalArgumentException when the rate is not a throttle such as {@code 150/s}
     * @throws SessionException         when the stream cannot take it
     */
    public void setAllocationThrottle(String throttle) throws SessionException {
        jfr.setAllocationThrottle(throttle);
    }

    /** How often old objects are refreshed by themselves; zero switches it off. */
    public void setOldObjectInterval(Duration interval) {
        jfr.setOldObjectInterval(interval);
    }

    private void onSessionThread(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // The session has ended: its last state is final.
            LOG.log(System.Logger.Level.DEBUG, "a task after the session ended", e);
        }
    }

    public TargetInfo target() {
        return connection.info();
    }

    /** The newest state; safe from any thread. */
    public SessionState state() {
        return state;
    }

    /**
     * Calls {@code listener} with each new state, on the session's thread. Close the handle to stop; a UI must
     * hand states over to its own thread.
     */
    public Subscription subscribe(Consumer<SessionState> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Once a second on the session thread: a new read, or, while the last one waits, whether the target hangs. */
    private void tick() {
        if (!state.connected()) {
            return;
        }
        Duration waited = reader.waiting();
        if (waited.isZero()) {
            reader.read(sample -> onSessionThread(() -> sampled(sample)),
                    failure -> onSessionThread(() -> disconnect(silence.lost())));
            return;
        }
        String hung = silence.hung(waited, histograms.taking());
        if (hung != null) {
            disconnect(hung);
        } else if (waited.compareTo(SessionState.SILENT_AFTER) >= 0) {
            publishWhileConnected(); // nothing new, but the silence is news: views say how long it has lasted
        }
    }

    private void sampled(HeapSample sample) {
        if (state.connected()) {
            // Without JMX the connection cannot tell direct buffers; the JFR stream can, once a second.
            long direct = sample.directBufferUsed() < 0 ? jfr.directBuffers() : -1;
            timeline.add(direct < 0 ? sample : sample.withDirectBufferUsed(direct));
            leaks.sampled();
            publish(ConnectionStatus.CONNECTED, null, null);
        }
    }

    private void onGc(GcEvent event) {
        if (event != null && state.connected()) {
            timeline.add(event);
        }
    }


    /** Runs on the session thread; lets go of the target on a thread of its own. */
    private void disconnect(String reason) {
        if (!state.connected()) {
            return;
        }
        leaks.checkNow();
        publish(ConnectionStatus.DISCONNECTED, clock.instant(), reason);
        Thread.ofPlatform().daemon().name("leaklens-release-" + target().pid()).start(this::releaseTarget);
        thread.shutdown();
    }

    private void publish(ConnectionStatus status, Instant disconnectedAt, String reason) {
        JfrCollector.Snapshot jfrData = jfr.snapshot();
        HeapHistory heap = timeline.history();
        leaks.update(heap, jfrData.allocations(), jfrData.oldObjects(), clock.instant());
        state = new SessionState(connection.info(), status, connectedAt, disconnectedAt, reason, heap,
                jfrData.allocations(), jfrData.oldObjects(), jfr.status(), leaks.histograms(),
                leaks.report(), leaks.histogramStatus());
        for (Consumer<SessionState> listener : listeners) {
            listener.accept(state);
        }
    }

    /** Once: stops reading, closes the stream and the connection. Any of these may wait on a hung target. */
    private void releaseTarget() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        histograms.stop();
        reader.stop();
        try {
            jfr.close();
            connection.close(); // and every listener added through it
        } finally {
            release.complete(null);
        }
    }

    /**
     * Stops watching and detaches; the last state (disconnected, with all data) stays available. Waits a few seconds
     * at most for the target to be let go of: a target that hangs is let go of by a thread of its own.
     */
    @Override
    public void close() {
        if (thread.isShutdown()) {
            return; // ended by itself, and letting go already
        }
        try {
            thread.submit(() -> disconnect(DETACHED)).get(RELEASE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            Thread.ofPlatform().daemon().name("leaklens-release-" + target().pid()).start(this::releaseTarget);
        } finally {
            thread.shutdownNow();
        }
        try {
            release.get(RELEASE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // A target that hangs: its thread lets go once JMX gives up on it.
            LOG.log(System.Logger.Level.DEBUG, "the sampler did not end in time", e);
        }
    }
}
