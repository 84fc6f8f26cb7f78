package io.leaklens.support;

import io.leaklens.model.SessionState;
import io.leaklens.session.LiveSession;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.fail;

/** Waiting for a live session to reach a state, in tests. */
public final class SessionStates {

    private SessionStates() {
    }

    /** The first state that meets the condition, within 15 s; fails naming what was awaited otherwise. */
    public static SessionState await(LiveSession session, String what, Predicate<SessionState> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            SessionState state = session.state();
            if (condition.test(state)) {
                return state;
            }
            Thread.sleep(20);
        }
        return fail("no state with %s within 15 s; last: %s", what, session.state());
    }
}
