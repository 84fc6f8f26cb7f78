package io.leaklens.session;

import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.SessionState;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

class LiveSessionTest {

    private static ChildJvm leak;
    private static ChildJvm doomed;

    @BeforeAll
    static void startChildren() {
        List<ChildJvm> children = ChildJvm.startAll(ChildJvm.of(StaticListLeak.class).jvmOptions("-Xmx128m"),
                ChildJvm.of(StaticListLeak.class).jvmOptions("-Xmx128m"));
        leak = children.get(0);
        doomed = children.get(1);
    }

    @AfterAll
    static void stopChildren() {
        ChildJvm.closeAll(leak, doomed);
    }

    /** Collects the states a session publishes, so that a test can wait for one. */
    private static final class States {
        private final BlockingQueue<SessionState> queue = new LinkedBlockingQueue<>();

        void add(SessionState state) {
            queue.add(state);
        }

        SessionState await(Duration timeout, String what, Predicate<SessionState> condition)
                throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            SessionState last = null;
            while (System.nanoTime() < deadline) {
                SessionState state = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (state == null) {
                    break;
                }
                last = state;
                if (condition.test(state)) {
                    return state;
                }
            }
            return fail("no state with %s within %s; last: %s", what, timeout, last);
        }
    }

    @Test
    void publishesSamplesAtOnceThenCollectionsAndKeepsThemWhenDetached() throws Exception {
        States states = new States();
        SessionState detached;
        LiveSession session = LiveSession.connect(leak.pid());
        try {
            session.subscribe(states::add);
            assertThat(session.target().pid()).isEqualTo(leak.pid());
            assertThat(session.target().displayName()).isEqualTo(StaticListLeak.class.getName());

            SessionState first = states.await(Duration.ofSeconds(3), "a sample",
                    s -> !s.heap().samples().isEmpty());
            assertThat(first.connected()).isTrue();
            assertThat(first.heap().latest().orElseThrow().heapUsed()).isPositive();

            SessionState withGc = states.await(Duration.ofSeconds(8), "a System.gc() and an allocation rate",
                    s -> s.heap().gcEvents().stream().anyMatch(gc -> gc.cause().equals("System.gc()"))
                            && s.heap().samples().stream().anyMatch(h -> h.allocationRate() > 0));
            assertThat(withGc.heap().liveSet()).hasSameSizeAs(withGc.heap().gcEvents());
            assertThat(withGc.heap().gcEvents()).allSatisfy(gc -> {
                assertThat(gc.heapUsedBefore()).isPositive();
                assertThat(gc.heapUsedAfter()).isPositive();
                assertThat(gc.collector()).isNotBlank();
            });
            // a collection heard after the sample that follows it is counted in the next interval: look at all
            assertThat(withGc.heap().samples()).extracting(s -> s.allocationRate()).filteredOn(r -> !r.isNaN())
                    .isNotEmpty().allSatisfy(r -> assertThat(r).isNotNegative()).anySatisfy(r -> assertThat(r).isPositive());

            session.close();
            detached = session.state();
            assertThat(states.await(Duration.ofSeconds(1), "the disconnect", s -> !s.connected())).isEqualTo(detached);
        } finally {
            session.close();
        }
        assertThat(detached.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(detached.disconnectReason()).isEqualTo("detached");
        assertThat(detached.disconnectedAt()).isNotNull();
        assertThat(detached.heap().samples()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(detached.heap().gcEvents()).isNotEmpty();
        assertThat(leak.process().isAlive()).as("detaching leaves the target running").isTrue();
    }

    @Test
    void aTargetThatDiesGivesADisconnectedStateThatKeepsTheData() throws Exception {
        States states = new States();
        LiveSession session = LiveSession.connect(doomed.pid());
        try {
            session.subscribe(states::add);
            states.await(Duration.ofSeconds(3), "two samples", s -> s.heap().samples().size() >= 2);

            doomed.process().destroyForcibly();
            long killed = System.nanoTime();
            SessionState gone = states.await(Duration.ofSeconds(5), "the disconnect", s -> !s.connected());

            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(5));
            assertThat(gone.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
            assertThat(gone.disconnectReason()).isEqualTo("JVM " + doomed.pid() + " exited");
            assertThat(gone.heap().samples()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(session.state()).isEqualTo(gone);

            session.close();
            assertThat(session.state()).as("closing after the end changes nothing").isEqualTo(gone);
        } finally {
            session.close();
        }
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() throws Exception {
        States heard = new States();
        States all = new States();
        try (LiveSession session = LiveSession.connect(leak.pid())) {
            Subscription subscription = session.subscribe(heard::add);
            session.subscribe(all::add);
            heard.await(Duration.ofSeconds(3), "a sample", s -> !s.heap().samples().isEmpty());
            subscription.close();
            subscription.close();
            heard.queue.clear();

            all.await(Duration.ofSeconds(3), "two more samples", s -> s.heap().samples().size() >= 3);
            assertThat(heard.queue).isEmpty();
        }
    }

    @Test
    void histogramsThatWouldPauseTheTargetTooLongAreSkippedAndTheStateSaysWhy() throws Exception {
        // A limit of 1 ns stands in for a heap of many GB: every histogram of this small target reaches it, and so
        // does every old-object refresh.
        WatchOptions strict = new WatchOptions("150/s", Duration.ofSeconds(1), Duration.ofSeconds(15))
                .withHistogramPauseLimit(Duration.ofNanos(1));
        States states = new States();
        try (LiveSession session = LiveSession.connect(leak.pid(), strict)) {
            session.subscribe(states::add);

            SessionState skipped = states.await(Duration.ofSeconds(5), "histograms off",
                    s -> !s.histogramStatus().isEmpty());

            assertThat(skipped.histogramStatus()).matches("Class histograms are off: each would pause this JVM "
                    + "about \\d+ ms \\(the heap holds [0-9.]+ MB\\); the leak rules read the live set and old "
                    + "objects instead\\.");
            assertThat(skipped.histograms()).isEmpty();
            assertThat(session.longHistogramPause()).isPresent();
            SessionState stopped = states.await(Duration.ofSeconds(10), "old objects off",
                    s -> s.jfrStatus().startsWith("Old objects are no longer refreshed"));
            assertThat(stopped.jfrStatus()).matches("Old objects are no longer refreshed by themselves: the last "
                    + "refresh paused this JVM for up to \\d+ ms; they come only when asked for");
        }
    }

    @Test
    void aFailedConnectSaysWhyInOneSentence() {
        SessionException e = catchThrowableOfType(SessionException.class,
                () -> LiveSession.connect(ProcessHandle.current().pid()).close());

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("LeakLens itself").doesNotContain("\n");
    }
}
