package io.leaklens.session;

import io.leaklens.fixtures.BigHeap;
import io.leaklens.model.SessionState;
import io.leaklens.model.Snapshot;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.leaklens.support.SessionStates.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target killed (SIGKILL) while LeakLens is asking it for something that takes a while: a snapshot (its class
 * histogram runs a full GC over 120 MB), old objects with their paths, a periodic histogram. LeakLens answers
 * within seconds, says in one sentence that the JVM exited, and keeps what it collected before.
 */
class TargetKilledMidRequestTest {

    /** Live data enough that a histogram takes a few hundred ms: a kill soon after asking lands inside it. */
    private static final String HELD_MB = "120";
    private static final Duration ANSWER_AFTER_KILL = Duration.ofSeconds(5);
    private static final WatchOptions NOTHING_SCHEDULED = new WatchOptions("150/s", Duration.ZERO, Duration.ZERO);

    private static ChildJvm forSnapshot;
    private static ChildJvm forOldObjects;
    private static ChildJvm forHistograms;

    @BeforeAll
    static void startTargets() {
        List<ChildJvm> targets = ChildJvm.startAll(bigHeap(), bigHeap(), bigHeap());
        forSnapshot = targets.get(0);
        forOldObjects = targets.get(1);
        forHistograms = targets.get(2);
    }

    @AfterAll
    static void stopTargets() {
        ChildJvm.closeAll(forSnapshot, forOldObjects, forHistograms);
    }

    private static ChildJvm.Builder bigHeap() {
        return ChildJvm.of(BigHeap.class).jvmOptions("-Xmx400m").args(HELD_MB);
    }

    @Test
    void killedDuringASnapshotItFailsInOneSentenceOrHasTheHistogramAndKeepsTheRest() throws Exception {
        try (LiveSession session = LiveSession.connect(forSnapshot.pid(), NOTHING_SCHEDULED)) {
            await(session, "two heap readings", s -> s.heap().samples().size() >= 2);
            CompletableFuture<Snapshot> snapshot = CompletableFuture.supplyAsync(() -> {
                try {
                    return session.takeSnapshot("killed");
                } catch (SessionException | InterruptedException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            Thread.sleep(100);
            long killed = kill(forSnapshot);

            try {
                Snapshot taken = snapshot.get(ANSWER_AFTER_KILL.toSeconds(), TimeUnit.SECONDS);
                assertThat(taken.histogram().classes()).as("the histogram finished before the kill").isNotEmpty();
                System.out.println("killed during a snapshot: after its histogram, the snapshot returned");
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(SessionException.class)
                        .hasMessage("JVM " + forSnapshot.pid() + " exited while the snapshot was taken");
                System.out.println("killed during a snapshot: " + e.getCause().getMessage());
            }
            assertAnsweredSoon(killed);
            SessionState gone = assertExitedKeepingTheHeap(session, forSnapshot);
            Snapshot kept = session.collectedSnapshot("kept");
            assertThat(kept.heap()).isEqualTo(gone.heap().latest().orElseThrow());
            assertThat(kept.info().takenAt()).isEqualTo(gone.disconnectedAt());
        }
    }

    @Test
    void killedDuringAnOldObjectRefreshItStopsWaitingAndKeepsTheAllocations() throws Exception {
        try (LiveSession session = LiveSession.connect(forOldObjects.pid(), NOTHING_SCHEDULED)) {
            await(session, "allocation samples", s -> s.allocations().samples() > 0);
            CompletableFuture<Boolean> refreshed = CompletableFuture.supplyAsync(() -> {
                try {
                    return session.refreshOldObjectsAndWait(Duration.ofSeconds(20));
                } catch (InterruptedException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            Thread.sleep(50); // the path search at a safepoint takes longer than that on 120 MB
            long killed = kill(forOldObjects);

            assertThat(refreshed.get(ANSWER_AFTER_KILL.toSeconds(), TimeUnit.SECONDS)).as("a fresh burst").isFalse();
            assertAnsweredSoon(killed);
            SessionState gone = assertExitedKeepingTheHeap(session, forOldObjects);
            assertThat(gone.allocations().samples()).isPositive();
            assertThat(gone.allocations().classes()).isNotEmpty();
        }
    }

    @Test
    void killedDuringPeriodicHistogramsItKeepsTheHistogramsTaken() throws Exception {
        WatchOptions histogramsEverySecond = new WatchOptions("150/s", Duration.ZERO, Duration.ofSeconds(1));
        try (LiveSession session = LiveSession.connect(forHistograms.pid(), histogramsEverySecond)) {
            SessionState before = await(session, "two histograms", s -> s.histograms().size() >= 2);
            long killed = kill(forHistograms);

            SessionState gone = assertExitedKeepingTheHeap(session, forHistograms);
            assertAnsweredSoon(killed);
            assertThat(gone.histograms()).hasSizeGreaterThanOrEqualTo(before.histograms().size());
            assertThat(gone.histograms().getFirst().histogram().classes()).isNotEmpty();
            assertThat(gone.leaks()).isNotNull();
        }
    }

    private static long kill(ChildJvm target) {
        target.process().destroyForcibly(); // SIGKILL, without waiting: LeakLens must notice by itself
        return System.nanoTime();
    }

    private static void assertAnsweredSoon(long killedAt) {
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(ANSWER_AFTER_KILL);
    }

    /** The disconnected state: the one sentence, and the heap readings from before the kill. */
    private static SessionState assertExitedKeepingTheHeap(LiveSession session, ChildJvm target) throws Exception {
        SessionState gone = await(session, "the disconnect", s -> !s.connected());
        assertThat(gone.disconnectReason()).isEqualTo("JVM " + target.pid() + " exited");
        assertThat(gone.heap().samples()).hasSizeGreaterThanOrEqualTo(2);
        return gone;
    }
}
