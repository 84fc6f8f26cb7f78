package io.leaklens.ui;

import io.leaklens.session.LiveSession;
import io.leaklens.session.Subscription;
import io.leaklens.model.SessionState;
import io.leaklens.ui.allocations.AllocationsViewModel;
import io.leaklens.ui.heap.HeapViewModel;
import io.leaklens.ui.oldobjects.OldObjectsViewModel;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * One connected target in the app: owns its live session and hands the session's states to the feature view
 * models on the FX thread, at most ten times a second.
 */
public final class SessionViewModel {

    static final Duration UI_UPDATE_INTERVAL = Duration.ofMillis(100);

    private final LiveSession session;
    private final HeapViewModel heap;
    private final AllocationsViewModel allocations;
    private final OldObjectsViewModel oldObjects;
    private final FxThrottle<SessionState> throttle;
    private final Subscription subscription;

    public SessionViewModel(LiveSession session, Executor fx) {
        this.session = session;
        this.heap = new HeapViewModel(session.state());
        this.allocations = new AllocationsViewModel(session.state());
        this.oldObjects = new OldObjectsViewModel(session.state(), session::refreshOldObjects,
                session::setOldObjectInterval);
        this.throttle = new FxThrottle<>(fx, UI_UPDATE_INTERVAL, this::update);
        this.subscription = session.subscribe(throttle::offer);
        throttle.offer(session.state()); // a state published before we subscribed is not missed
    }

    private void update(SessionState state) {
        heap.update(state);
        allocations.update(state);
        oldObjects.update(state);
    }

    public OldObjectsViewModel oldObjects() {
        return oldObjects;
    }

    public AllocationsViewModel allocations() {
        return allocations;
    }

    public HeapViewModel heap() {
        return heap;
    }

    public long pid() {
        return session.target().pid();
    }

    public String title() {
        return session.target().displayName() + " (" + session.target().pid() + ")";
    }

    /** Detaches from the target and stops updates; the view models keep the last state. */
    public void dispose() {
        subscription.close();
        throttle.close();
        session.close();
        heap.dispose();
        allocations.dispose();
        oldObjects.dispose();
    }
}
