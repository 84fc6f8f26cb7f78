package io.leaklens.reliability;

import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.model.SessionState;
import io.leaklens.model.Snapshot;
import io.leaklens.session.LiveSession;
import io.leaklens.session.SessionException;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The target killed (SIGKILL) or stopped (SIGSTOP: it hangs) at a random moment within the first seconds of
 * watching it: while LeakLens attaches, starts the JMX agent, connects, opens the JFR stream, takes the first
 * histograms, or streams. Each time LeakLens answers within seconds, in one sentence (connecting fails, or the
 * session ends saying the JVM exited or was stopped), keeps the heap readings it had, lets go at once, and leaves
 * no thread of its own behind.
 * <p>
 * {@value #DEFAULT_KILLS} faults in {@code mvn verify}; {@code -Dleaklens.randomKills=20} (the reliability script)
 * for more, {@code -Dleaklens.seed=N} to repeat a run.
 */
class RandomKillsTest {

    private static final int DEFAULT_KILLS = 4;
    /** Connecting takes about half a second here: half the kills land in it, half in the first seconds after. */
    private static final int CONNECTING_MILLIS = 600;
    private static final int LATEST_KILL_MILLIS = 3_000;
    private static final Duration ANSWER_AFTER_KILL = Duration.ofSeconds(5);

    @Test
    void killedAtRandomMomentsWhileConnectingAndStreaming() throws Exception {
        int kills = Integer.getInteger("leaklens.randomKills", DEFAULT_KILLS);
        long seed = Long.getLong("leaklens.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("random kills: seed " + seed);
        List<Long> killed = new ArrayList<>();
        for (int done = 0; done < kills; done += 2) {
            // Two at a time: JVM start-up is the slow part, and the kills run one after another.
            List<ChildJvm> targets = ChildJvm.startAll(target(), target());
            try {
                for (int i = 0; i < targets.size() && done + i < kills; i++) {
                    killOnce(targets.get(i), random.nextBoolean() ? random.nextInt(CONNECTING_MILLIS)
                            : random.nextInt(CONNECTING_MILLIS, LATEST_KILL_MILLIS), random.nextBoolean());
                    killed.add(targets.get(i).pid());
                }
            } finally {
                ChildJvm.closeAll(targets.toArray(ChildJvm[]::new));
            }
        }
        assertNoThreadsLeftFor(killed);
    }

    private static ChildJvm.Builder target() {
        return ChildJvm.of(StaticListLeak.class).jvmOptions("-Xmx128m");
    }

    private static void killOnce(ChildJvm target, int delayMillis, boolean stop) throws Exception {
        long pid = target.pid();
        CompletableFuture<LiveSession> connecting = CompletableFuture.supplyAsync(() -> {
            try {
                return LiveSession.connect(pid);
            } catch (SessionException e) {
                throw new CompletionException(e);
            }
        });
        Thread.sleep(delayMillis);
        if (stop) {
            target.signal("STOP");
        } else {
            target.process().destroyForcibly(); // SIGKILL, without waiting: LeakLens must notice by itself
        }
        long killedAt = System.nanoTime();
        String fault = stop ? "stopped" : "killed";
        try {
            answered(target, connecting, killedAt, delayMillis, fault);
        } finally {
            if (stop) {
                target.signal("CONT");
                target.process().destroyForcibly();
            }
        }
    }

    private static void answered(ChildJvm target, CompletableFuture<LiveSession> connecting, long killedAt,
                                 int delayMillis, String fault) throws Exception {
        long pid = target.pid();

        LiveSession session;
        try {
            session = connecting.get(ANSWER_AFTER_KILL.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(SessionException.class);
            assertOneSentence(e.getCause().getMessage(), pid);
            assertThat(since(killedAt)).isLessThan(ANSWER_AFTER_KILL);
            System.out.printf("%s after %,d ms, while connecting: %s%n", fault, delayMillis,
                    e.getCause().getMessage());
            return;
        }
        try {
            SessionState gone = awaitDisconnect(session);
            assertThat(since(killedAt)).as("noticed").isLessThan(ANSWER_AFTER_KILL);
            assertThat(gone.disconnectReason()).isEqualTo(fault.equals("killed") ? "JVM " + pid + " exited"
                    : "JVM " + pid + " was stopped (SIGSTOP, or held by a debugger) and stopped answering");
            Snapshot kept = session.collectedSnapshot("kept");
            assertThat(kept.heap()).isEqualTo(gone.heap().latest().orElse(null));
            long closing = System.nanoTime();
            session.close();
            assertThat(since(closing)).as("closing").isLessThan(Duration.ofSeconds(1));
            System.out.printf("%s after %,d ms, while watching: %s; %d heap samples, %d allocation samples "
                    + "kept%n", fault, delayMillis, gone.disconnectReason(), gone.heap().samples().size(),
                    gone.allocations().samples());
        } finally {
            session.close();
        }
    }

    private static void assertOneSentence(String message, long pid) {
        assertThat(message).contains(Long.toString(pid)).doesNotContain("\n").doesNotContain("Exception")
                .doesNotContain("unexpected");
    }

    private static SessionState awaitDisconnect(LiveSession session) throws InterruptedException {
        long deadline = System.nanoTime() + ANSWER_AFTER_KILL.toNanos() * 2;
        while (System.nanoTime() < deadline) {
            SessionState state = session.state();
            if (!state.connected()) {
                return state;
            }
            Thread.sleep(20);
        }
        return fail("still connected %s after the kill", ANSWER_AFTER_KILL.multipliedBy(2));
    }

    /** Every thread LeakLens starts for a target carries its pid: none may outlive the target for long. */
    private static void assertNoThreadsLeftFor(List<Long> pids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> left = List.of();
        while (System.nanoTime() < deadline) {
            left = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(name -> name.startsWith("leaklens-"))
                    .filter(name -> pids.stream().anyMatch(pid -> name.endsWith("-" + pid))).toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        fail("threads left for killed targets: %s", left);
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
