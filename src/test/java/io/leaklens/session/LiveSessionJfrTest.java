package io.leaklens.session;

import io.leaklens.analysis.RootPaths;
import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ClassAllocation;
import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.ReferenceHop;
import io.leaklens.model.SessionState;
import io.leaklens.model.Transport;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * A live session's JFR side on real StaticListLeak children: who allocates, what survives and why, and what is left
 * when the target dies. One JDK 25 child shared by the tests (killed by the last one), one JDK 17 child.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveSessionJfrTest {

    private static final String FIXTURE = StaticListLeak.class.getName();
    private static final String ENTRY = FIXTURE + "$Entry";

    private static ChildJvm leak25;
    private static ChildJvm leak17;
    private static LiveSession session25;
    private static LiveSession session17;

    @BeforeAll
    static void startChildrenAndSessions() throws SessionException {
        List<ChildJvm> children = ChildJvm.startAll(ChildJvm.of(StaticListLeak.class).jvmOptions("-Xmx128m"),
                ChildJvm.hasJdk(17) ? ChildJvm.of(StaticListLeak.class).jdk(17).jvmOptions("-Xmx128m") : null);
        leak25 = children.get(0);
        leak17 = children.get(1);
        // Connected at once: the target tracks old objects only while a recording runs, so the earlier the better.
        // The JDK 25 target the cheapest way (no agent), the JDK 17 one over JMX: both transports, end to end.
        session25 = LiveSession.connect(leak25.pid());
        session17 = leak17 == null ? null
                : LiveSession.connect(leak17.pid(), WatchOptions.DEFAULTS.withTransport(Transport.JMX));
    }

    @AfterAll
    static void stop() {
        for (LiveSession session : new LiveSession[] {session25, session17}) {
            if (session != null) {
                session.close();
            }
        }
        ChildJvm.closeAll(leak25, leak17);
    }

    /** Polls the session's newest state until the condition holds. */
    private static SessionState await(LiveSession session, Duration timeout, String what,
                                      Predicate<SessionState> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        SessionState state = session.state();
        while (!condition.test(state)) {
            if (System.nanoTime() > deadline) {
                return fail("no state with %s within %s; last: allocations %s, old objects %s, jfr '%s', %s",
                        what, timeout, state.allocations().classes().stream().limit(5)
                                .map(ClassAllocation::className).toList(),
                        state.oldObjects().samples().size(), state.jfrStatus(), state.status());
            }
            Thread.sleep(50);
            state = session.state();
        }
        return state;
    }

    /** The fixture's own allocations are visible: its Entry and byte[] classes, allocated in main(). */
    private static boolean hasFixtureAllocations(SessionState state) {
        return state.allocations().classes().stream().anyMatch(c -> c.className().equals("byte[]")
                && c.topSite() != null && c.topSite().className().equals(FIXTURE));
    }

    private static void assertFixtureAllocations(AllocationProfile profile) {
        assertThat(profile.samples()).isPositive();
        assertThat(profile.totalBytes()).isPositive();
        assertThat(profile.from()).isNotNull();
        List<ClassAllocation> top = profile.classes().stream().limit(5).toList();
        // byte[4096] garbage, 20 per step, outweighs everything else the fixture does
        assertThat(top.getFirst().className()).as("top classes %s", top).isEqualTo("byte[]");
        assertThat(top.getFirst().bytesPerSecond()).isPositive();
        assertThat(top.getFirst().topSite().className()).isEqualTo(FIXTURE);
        assertThat(top.getFirst().topSite().methodName()).isEqualTo("main");
        assertThat(top.getFirst().topSite().toString()).startsWith(FIXTURE + ".main(StaticListLeak.java:");
        assertThat(profile.sites()).anyMatch(s -> s.site().className().equals(FIXTURE)
                && s.site().methodName().equals("main") && s.topClass().equals("byte[]") && !s.stack().isEmpty());
        assertThat(profile.classes()).extracting(ClassAllocation::className)
                .as("binary names, not descriptors").doesNotContain("[B", "[Ljava.lang.Object;");
    }

    @Order(1)
    @Test
    void allocationsNameTheFixturesClassesAndItsMethod() throws Exception {
        SessionState state = await(session25, Duration.ofSeconds(10), "the fixture's allocations",
                LiveSessionJfrTest::hasFixtureAllocations);

        assertThat(state.connected()).isTrue();
        assertFixtureAllocations(state.allocations());
        // Entry itself is ~0.3 % of the bytes: at 150 samples/s it shows up only now and then, so it is not
        // waited for; when it is there, it was allocated by the fixture.
        state.allocations().classes().stream().filter(c -> c.className().equals(ENTRY)).forEach(c ->
                assertThat(c.topSite().className()).startsWith(FIXTURE));
        assertThat(state.allocations().sites().getFirst().site().toString())
                .startsWith(FIXTURE + ".main(StaticListLeak.java:");
    }

    @Order(2)
    @Test
    void theJfrStatusIsASentenceAndTheScheduleCanBeSwitchedOff() throws Exception {
        SessionState state = await(session25, Duration.ofSeconds(10), "a JFR status",
                s -> !s.jfrStatus().isBlank());

        assertThat(state.jfrStatus()).doesNotContain("\n").isEqualTo(
                "Streaming allocation samples (150/s) from the target's disk repository");
        // Direct buffers are not in the performance data: JFR's statistics fill them in, once a second.
        await(session25, Duration.ofSeconds(5), "direct buffers", s -> s.heap().latest()
                .filter(sample -> sample.directBufferUsed() >= 0).isPresent());
        session25.setOldObjectInterval(Duration.ZERO);
        session25.setOldObjectInterval(Duration.ofSeconds(30));
        session25.setOldObjectInterval(Duration.ZERO);
        assertThat(session25.state().connected()).isTrue();

        session25.setAllocationThrottle("300/s");
        await(session25, Duration.ofSeconds(5), "the new rate", s -> s.jfrStatus().contains("(300/s)"));
        assertThatThrownBy(() -> session25.setAllocationThrottle("lots")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Order(2)
    @Test
    void collectionsComeFromJfrWithTheirCollectorAndCause() throws Exception {
        // StaticListLeak calls System.gc() every second: its collections must show, told by JFR, not JMX.
        SessionState state = await(session25, Duration.ofSeconds(10), "collections from JFR",
                s -> s.heap().gcEvents().stream().anyMatch(g -> g.cause().equals("System.gc()")));
        assertThat(state.heap().gcEvents()).allSatisfy(g -> {
            assertThat(g.collector()).doesNotContain("Generation"); // JMX's names
            assertThat(g.heapUsedAfter()).isPositive();
        });
        assertThat(state.heap().gcEvents()).anyMatch(g -> g.collector().startsWith("G1"));
    }

    @Order(3)
    @Test
    void refreshingOldObjectsFindsTheStaticListAndNeverJfrsOwnBuffers() throws Exception {
        // The target emits only samples taken while a recording ran and allocated before its latest GC; with
        // none it emits nothing at all (no burst to see). So: a GC after the stream's first allocation sample.
        await(session25, Duration.ofSeconds(10), "a GC after the stream began", s -> s.allocations().from() != null
                && s.heap().gcEvents().stream().anyMatch(gc -> gc.end().isAfter(s.allocations().from())));
        // One allocated byte in a hundred is leaked: a burst with an Entry in it may need a refresh or two. A target
        // whose sampled objects have all died emits nothing, so a refresh that brings no burst is asked again.
        Optional<OldObjectSample> held = Optional.empty();
        OldObjectSet set = OldObjectSet.NONE;
        int refreshes = 0;
        int silent = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (held.isEmpty() && System.nanoTime() < deadline) {
            Instant previous = session25.state().oldObjects().emittedAt();
            long asked = System.nanoTime();
            session25.refreshOldObjects();
            refreshes++;
            if (!arrives(session25, Duration.ofSeconds(4), s -> s.oldObjects().emittedAt() != null
                    && !s.oldObjects().emittedAt().equals(previous))) {
                silent++;
                continue;
            }
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(6));
            Thread.sleep(300); // the rest of the burst, if it straddles a flush
            set = session25.state().oldObjects();
            held = set.samples().stream().filter(LiveSessionJfrTest::heldByEntries).findFirst();
        }
        assertThat(silent).as("refreshes that brought no burst, of %s", refreshes).isLessThan(refreshes);

        List<OldObjectSample> samples = set.samples();
        assertThat(held).as("an Entry (or its payload) held by ENTRIES after %s refreshes, among %s", refreshes,
                samples.stream().map(s -> s.className() + " <- " + RootPaths.describeRoot(s)).toList()).isPresent();
        OldObjectSample sample = held.get();
        assertThat(RootPaths.rootKind(sample)).isEqualTo("static field");
        assertThat(RootPaths.describeRoot(sample)).isEqualTo("static field " + FIXTURE + ".ENTRIES");
        assertThat(RootPaths.steps(sample).getFirst().className()).isEqualTo(FIXTURE);
        assertThat(RootPaths.steps(sample).get(1).field()).isEqualTo("elementData");
        assertThat(sample.objectSize()).as("JDK 25 targets tell sizes").isPositive();

        assertThat(set.emittedAt()).isNotNull().isBefore(Instant.now().plusSeconds(5));
        assertThat(set.targetPause()).isPositive().isLessThan(Duration.ofSeconds(2));
        assertThat(set.requestTook()).isPositive();
        assertThat(samples).noneMatch(LiveSessionJfrTest::mentionsJfrInternals);
    }

    @Order(3)
    @Test
    void whatTheTargetsMonitoringThreadsAllocateIsCountedApart() throws Exception {
        for (LiveSession session : session17 == null ? List.of(session25) : List.of(session25, session17)) {
            // Over JMX, LeakLens's own reads (the heap once a second, histograms, the JFR stream) run on the
            // target's RMI threads; without JMX, histograms on its attach listener; JFR's periodic events on its own.
            SessionState state = await(session, Duration.ofSeconds(20), "monitoring threads' allocations",
                    s -> s.allocations().monitoringBytes() > 0);

            assertThat(state.allocations().describeMonitoring())
                    .endsWith("/s by the JVM's monitoring threads (JMX, JFR, attach)");
            assertThat(state.allocations().sites()).as("the sites of the application's threads only")
                    .noneMatch(site -> site.stack().stream().anyMatch(frame -> frame.className().startsWith("sun.rmi.")
                            || frame.className().startsWith("javax.management.remote.rmi.")));
        }
    }

    @Order(4)
    @Test
    void aKilledTargetLeavesADisconnectedStateWithItsAllocationProfile() throws Exception {
        await(session25, Duration.ofSeconds(10), "the fixture's allocations", LiveSessionJfrTest::hasFixtureAllocations);

        leak25.kill();
        SessionState gone = await(session25, Duration.ofSeconds(5), "the disconnect", s -> !s.connected());

        assertThat(gone.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(gone.disconnectReason()).isEqualTo("JVM " + leak25.pid() + " exited");
        assertFixtureAllocations(gone.allocations());
        assertThat(gone.jfrStatus()).isNotBlank().doesNotContain("\n");
        session25.refreshOldObjects(); // nothing to ask any more: ignored
        org.awaitility.Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> session25.state() == gone);
    }

    @Order(5)
    @Test
    void aJdk17TargetStreamsAllocationsTooAndKeepsThemWhenKilled() throws Exception {
        Assumptions.assumeTrue(session17 != null, "no JDK 17 installed");
        SessionState state = await(session17, Duration.ofSeconds(10), "the fixture's allocations",
                LiveSessionJfrTest::hasFixtureAllocations);
        assertFixtureAllocations(state.allocations());
        assertThat(state.target().jvmVersion()).startsWith("17.");
        assertThat(state.jfrStatus()).isEqualTo("Streaming allocation samples (150/s) over JMX");

        leak17.kill();
        SessionState gone = await(session17, Duration.ofSeconds(5), "the disconnect", s -> !s.connected());
        assertFixtureAllocations(gone.allocations());
        assertThat(gone.allocations().samples()).isGreaterThanOrEqualTo(state.allocations().samples());
    }

    /** Whether the session's state comes to meet the condition within the timeout. */
    private static boolean arrives(LiveSession session, Duration timeout, Predicate<SessionState> condition) {
        try {
            org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .until(() -> condition.test(session.state()));
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    /** An Entry, or an Entry's payload, held through StaticListLeak.ENTRIES. */
    private static boolean heldByEntries(OldObjectSample sample) {
        List<ReferenceHop> path = sample.pathFromRoot();
        boolean entryOrPayload = sample.className().equals(ENTRY)
                || sample.className().equals("byte[]") && path.size() >= 2
                && path.get(path.size() - 2).className().equals(ENTRY);
        return entryOrPayload && RootPaths.describeRoot(sample).endsWith(FIXTURE + ".ENTRIES");
    }

    private static boolean mentionsJfrInternals(OldObjectSample sample) {
        return sample.className().startsWith("jdk.jfr.internal.") || sample.pathFromRoot().stream().anyMatch(
                hop -> hop.className().startsWith("jdk.jfr.internal.")
                        || hop.description() != null && hop.description().contains("jdk.jfr.internal."));
    }
}
