package io.leaklens.reliability;

import io.leaklens.fixtures.Idle;
import io.leaklens.model.SessionState;
import io.leaklens.model.Snapshot;
import io.leaklens.session.LiveSession;
import io.leaklens.session.SessionException;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.leaklens.support.SessionStates.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A target that hangs: its process stopped (SIGSTOP, as a debugger or Ctrl+Z would) while LeakLens watches it and
 * takes a snapshot, then when LeakLens connects to it. JMX would wait a minute for each answer; LeakLens says what
 * happened in one sentence within seconds, keeps what it collected, lets go at once, and connects again once the
 * target is continued.
 */
class HangingTargetTest {

    /** The session gives up on a stopped target after 2 s; the rest is slack for a busy machine. */
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(6);

    private ChildJvm target;

    @AfterEach
    void continueAndStop() throws Exception {
        if (target != null) {
            target.signal("CONT");
            target.close();
        }
    }

    @Test
    void aTargetStoppedMidSnapshotIsToldInOneSentenceAndConnectingWaitsForItToContinue() throws Exception {
        target = ChildJvm.of(Idle.class).start();
        long pid = target.pid();
        String stopped = "JVM " + pid + " was stopped (SIGSTOP, or held by a debugger) and stopped answering";
        LiveSession session = LiveSession.connect(pid);
        try {
            await(session, "two heap readings", s -> s.heap().samples().size() >= 2);
            target.signal("STOP");
            long stoppedAt = System.nanoTime();

            assertThatThrownBy(() -> session.takeSnapshot("while stopped")).isInstanceOf(SessionException.class)
                    .hasMessage(stopped + " while the snapshot was taken");
            assertThat(since(stoppedAt)).isLessThan(NOTICED_WITHIN);
            SessionState gone = session.state();
            assertThat(gone.connected()).isFalse();
            assertThat(gone.disconnectReason()).isEqualTo(stopped);
            assertThat(gone.heap().samples()).hasSizeGreaterThanOrEqualTo(2);
            Snapshot kept = session.collectedSnapshot("kept");
            assertThat(kept.heap()).isEqualTo(gone.heap().latest().orElseThrow());

            long closing = System.nanoTime();
            session.close();
            assertThat(since(closing)).as("closing waits for nothing from the target").isLessThan(Duration.ofSeconds(1));
        } finally {
            session.close();
        }

        long connecting = System.nanoTime();
        assertThatThrownBy(() -> LiveSession.connect(pid)).isInstanceOf(SessionException.class)
                .hasMessage("JVM " + pid + " is stopped (SIGSTOP, or held by a debugger); continue it (kill -CONT "
                        + pid + ") and connect again");
        assertThat(since(connecting)).isLessThan(Duration.ofSeconds(3));

        target.signal("CONT");
        try (LiveSession again = LiveSession.connect(pid)) {
            assertThat(await(again, "two heap readings", s -> s.heap().samples().size() >= 2).connected()).isTrue();
        }
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
