package io.leaklens.ui;

import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.HeapDumpReport;
import io.leaklens.analysis.HistogramPausePredictor;
import io.leaklens.session.HeapDumpAnalysis;
import io.leaklens.session.OpenedHeapDump;
import io.leaklens.ui.leaks.HeapDumpLookup;
import io.leaklens.model.HeapHistory;
import io.leaklens.ui.heapdump.HeapDumpViewModel;
import io.leaklens.model.SessionState;
import io.leaklens.model.Snapshot;
import io.leaklens.session.LiveSession;
import io.leaklens.session.Subscription;
import io.leaklens.model.OldObjectSet;
import io.leaklens.ui.allocations.AllocationsViewModel;
import io.leaklens.ui.graph.GraphLink;
import io.leaklens.ui.graph.GraphViewModel;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import io.leaklens.ui.heap.HeapViewModel;
import io.leaklens.ui.leaks.LeaksViewModel;
import io.leaklens.ui.oldobjects.OldObjectsViewModel;
import io.leaklens.ui.snapshots.SnapshotEntry;
import io.leaklens.ui.snapshots.SnapshotsViewModel;

import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One watched JVM, or one opened recording, in the app: hands the session's states to the feature view models on
 * the FX thread, at most ten times a second. A live session is owned here and closed on dispose.
 */
public final class SessionViewModel {

    static final Duration UI_UPDATE_INTERVAL = Duration.ofMillis(100);

    private final LiveSession session;
    private final String title;
    private final long pid;
    private final HeapViewModel heap;
    private final AllocationsViewModel allocations;
    private final OldObjectsViewModel oldObjects;
    private final SnapshotsViewModel snapshots;
    private final LeaksViewModel leaks;
    private final GraphViewModel graph;
    /** What a heap dump opened from a file holds; null for a live target, a recording or a snapshot. */
    private HeapDumpViewModel dump;
    private Notices notices = new Notices();
    private final ReadOnlyIntegerWrapper graphRequests = new ReadOnlyIntegerWrapper(this, "graphRequests");
    private final FxThrottle<SessionState> throttle;
    private final Subscription subscription;

    private SessionViewModel(LiveSession session, SessionState initial, String title, UiExecutor executor,
                             Executor fx) {
        this.session = session;
        this.title = title;
        this.pid = initial.target().pid();
        this.heap = new HeapViewModel(initial);
        this.allocations = new AllocationsViewModel(initial, session == null ? null : rate ->
                executor.submit(() -> {
                    session.setAllocationThrottle(rate);
                    return rate;
                }).whenComplete((done, failure) -> {
                    if (failure != null) {
                        notices.report("Could not change the allocation sample rate to " + rate + ": "
                                + Failures.message(failure), failure);
                    }
                }));
        this.leaks = new LeaksViewModel(initial);
        if (session != null) {
            Path dumpFile = Path.of(System.getProperty("java.io.tmpdir"), "leaklens-" + pid + ".hprof");
            leaks.setHeapDumpLookup(new HeapDumpLookup(executor,
                    (className, file) -> HeapDumpAnalysis.findInNewDump(pid, file, className),
                    () -> HistogramPausePredictor.heapNow(session.state().heap()), dumpFile));
        }
        this.oldObjects = session == null
                ? new OldObjectsViewModel(initial, () -> { }, interval -> { })
                : new OldObjectsViewModel(initial, session::refreshOldObjects, session::setOldObjectInterval);
        this.snapshots = session == null ? new SnapshotsViewModel(executor, null)
                : new SnapshotsViewModel(executor, session::takeSnapshot, session::longHistogramPause);
        this.graph = new GraphViewModel(initial, executor);
        GraphLink link = this::showInGraph;
        leaks.setGraphLink(link);
        oldObjects.setGraphLink(link);
        snapshots.setGraphLink(link);
        this.throttle = new FxThrottle<>(fx, UI_UPDATE_INTERVAL, this::update);
        this.subscription = session == null ? () -> { } : session.subscribe(throttle::offer);
        if (session != null) {
            throttle.offer(session.state()); // a state published before we subscribed is not missed
        }
    }

    /** A live target. */
    public SessionViewModel(LiveSession session, UiExecutor executor) {
        this(session, session.state(), session.target().displayName() + " (" + session.target().pid() + ")",
                executor, executor.fx());
    }

    /** A recording read from a file: its final state, shown as it is. */
    public static SessionViewModel ofRecording(SessionState state, UiExecutor executor) {
        return new SessionViewModel(null, state, state.target().displayName(), executor, Runnable::run);
    }

    /**
     * A snapshot opened from a file: what it holds of allocations and old objects in their tabs, and the snapshot
     * itself in the snapshot list, ready to compare with others.
     */
    public static SessionViewModel ofSnapshot(Snapshot snapshot, Path file, UiExecutor executor) {
        Instant at = snapshot.info().takenAt();
        HeapHistory heap = snapshot.heap() == null ? HeapHistory.EMPTY
                : new HeapHistory(List.of(snapshot.heap()), List.of(), List.of());
        SessionState state = new SessionState(snapshot.info().target(), ConnectionStatus.DISCONNECTED, at, at,
                "snapshot " + file.getFileName(), heap, snapshot.allocations(), snapshot.oldObjects(), "", List.of(),
                snapshot.leaks());
        SessionViewModel model = new SessionViewModel(null, state, snapshot.info().name() + " — "
                + snapshot.info().target().displayName(), executor, Runnable::run);
        model.snapshots.add(new SnapshotEntry(snapshot, file, false));
        return model;
    }

    /**
     * A heap dump opened from a file: its own view, and the reference graph of the instances at its biggest
     * accumulation points; the session's other views stay empty.
     */
    public static SessionViewModel ofHeapDump(OpenedHeapDump opened, UiExecutor executor) {
        HeapDumpReport report = opened.report();
        Instant now = Instant.now();
        SessionState state = new SessionState(new io.leaklens.model.TargetInfo(0, report.file(), "unknown", "",
                List.of()), ConnectionStatus.DISCONNECTED, now, now, "heap dump " + report.file(), HeapHistory.EMPTY);
        HeapDumpViewModel dumpModel = new HeapDumpViewModel(opened, executor);
        SessionViewModel model = new SessionViewModel(null, state, dumpModel.title(), executor, Runnable::run);
        model.dump = dumpModel;
        model.graph.showOwn(new OldObjectSet(opened.suspectInstances(), now, Duration.ZERO, Duration.ZERO),
                "Heap dump " + report.file() + ": where instances pile up");
        return model;
    }

    /** The heap dump this tab shows, or null when it shows a JVM, a recording or a snapshot. */
    public HeapDumpViewModel dump() {
        return dump;
    }

    /** Goes to the reference graph with a class selected and its path to the GC root highlighted. */
    private void showInGraph(OldObjectSet source, String label, String className) {
        if (source != null) {
            graph.pin(source, label, className);
        } else if (graph.pinnedProperty().get()) {
            graph.followLive();
        }
        graph.focus(className);
        graphRequests.set(graphRequests.get() + 1);
    }

    private void update(SessionState state) {
        heap.update(state);
        graph.update(state);
        allocations.update(state);
        leaks.update(state);
        oldObjects.update(state);
        snapshots.setConnected(state.connected());
    }

    public OldObjectsViewModel oldObjects() {
        return oldObjects;
    }

    /** Where this session's failures are told: the window's notice bar. */
    public void setNotices(Notices notices) {
        this.notices = notices;
        snapshots.setNotices(notices);
        graph.setNotices(notices);
    }

    public GraphViewModel graph() {
        return graph;
    }

    /** Counts the requests to show the graph: the view selects its tab at each. */
    public ReadOnlyIntegerProperty graphRequestsProperty() {
        return graphRequests.getReadOnlyProperty();
    }

    public LeaksViewModel leaks() {
        return leaks;
    }

    public SnapshotsViewModel snapshots() {
        return snapshots;
    }

    public AllocationsViewModel allocations() {
        return allocations;
    }

    public HeapViewModel heap() {
        return heap;
    }

    /** The target's pid; 0 for a recording. */
    public long pid() {
        return pid;
    }

    public boolean live() {
        return session != null;
    }

    public String title() {
        return title;
    }

    /** Detaches from the target and stops updates; the view models keep the last state. */
    public void dispose() {
        subscription.close();
        throttle.close();
        if (session != null) {
            session.close();
        }
        heap.dispose();
        allocations.dispose();
        leaks.dispose();
        oldObjects.dispose();
        graph.dispose();
    }
}
