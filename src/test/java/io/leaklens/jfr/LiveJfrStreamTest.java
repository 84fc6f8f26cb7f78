package io.leaklens.jfr;

import io.leaklens.attach.JvmConnector;
import io.leaklens.attach.JmxConnection;
import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.model.AllocationSample;
import io.leaklens.model.HeapSummaryEvent;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.ReferenceHop;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Live streams from real StaticListLeak children on JDK 25 and JDK 17. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveJfrStreamTest {

    private static final String FIXTURE = StaticListLeak.class.getName();
    private static final String ENTRY = StaticListLeak.class.getName() + "$Entry";

    private static ChildJvm leak25;
    private static ChildJvm leak17;
    private static ChildJvm doomed;
    private static JmxConnection target25;
    private static JmxConnection target17;
    private static Watch watch25;
    private static Watch watch17;

    @BeforeAll
    static void startChildren() throws Exception {
        List<ChildJvm> children = ChildJvm.startAll(
                ChildJvm.of(StaticListLeak.class).jvmOptions("-Xmx128m"),
                ChildJvm.hasJdk(17) ? ChildJvm.of(StaticListLeak.class).jdk(17).jvmOptions("-Xmx128m") : null,
                ChildJvm.of(StaticListLeak.class).jvmOptions("-Xmx64m"));
        leak25 = children.get(0);
        leak17 = children.get(1);
        doomed = children.get(2);
        target25 = new JvmConnector().connectJmx(leak25.pid());
        target17 = leak17 == null ? null : new JvmConnector().connectJmx(leak17.pid());
        // Started now, tested last (see @Order): the target tracks old objects only while a recording with them
        // runs, and a leak of one allocated byte in a hundred needs seconds to be sampled.
        watch25 = new Watch(target25);
        watch17 = target17 == null ? null : new Watch(target17);
    }

    /** A stream that runs from the start of the class, with what it delivered. */
    private static final class Watch {
        final CollectingSink sink = new CollectingSink();
        final RecordingListener listener = new RecordingListener();
        final LiveJfrStream stream;

        Watch(JmxConnection target) throws IOException {
            stream = LiveJfrStream.start(target.mbeans(), JfrSettings.defaults(), sink, listener);
        }
    }

    @AfterAll
    static void stopChildren() {
        for (Watch watch : new Watch[] {watch25, watch17}) {
            if (watch != null) {
                watch.stream.close();
            }
        }
        for (JmxConnection target : new JmxConnection[] {target25, target17}) {
            if (target != null) {
                target.close();
            }
        }
        ChildJvm.closeAll(leak25, leak17, doomed);
    }

    @Order(10)
    @ParameterizedTest(name = "JDK {0} target")
    @ValueSource(ints = {25, 17})
    void streamsAllocationsAndHeapSummariesAndOldObjectsOnRequest(int jdk) throws Exception {
        Assumptions.assumeTrue(jdk != 17 || target17 != null, "no JDK 17 installed");
        Watch watch = jdk == 17 ? watch17 : watch25;
        CollectingSink sink = watch.sink;
        RecordingListener listener = watch.listener;
        Optional<OldObjectSample> entry;
        List<OldObjectRefresh> refreshes = new java.util.ArrayList<>();
        try (LiveJfrStream stream = watch.stream) {
            assertThat(CollectingSink.await(Duration.ofSeconds(10), () -> sink.heapSummaries().stream()
                    .anyMatch(HeapSummaryEvent::afterGc) && sink.allocationCount() >= 100))
                    .as("allocations and an after-GC summary within 10 s").isTrue();

            // The target keeps old-object samples from the stream's start on; one in ~100 allocated bytes is an
            // Entry or its payload, so a burst with one in it may take a few seconds of leaking.
            OldObjectTrigger trigger = new OldObjectTrigger(((JmxRecordingChannel) stream.channel()).connection(), Duration.ofSeconds(1));
            entry = Optional.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (entry.isEmpty() && System.nanoTime() < deadline) {
                int before = sink.bursts().size();
                refreshes.add(trigger.refresh());
                CollectingSink.await(Duration.ofSeconds(4), () -> sink.bursts().size() > before);
                Thread.sleep(300); // the rest of the burst, if it straddles a flush
                entry = sink.bursts().getLast().samples().stream().filter(LiveJfrStreamTest::heldByAnEntry)
                        .findFirst();
            }
        }
        // Closing is quiet: the listener hears nothing of a close we asked for.
        org.awaitility.Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> listener.restarts.isEmpty() && listener.ends.isEmpty());
        assertThat(sink.calledFromTwoThreads).as("sink called from one thread only").isFalse();
        assertThat(sink.flushes()).isPositive();

        // Allocations: the fixture's garbage (byte[4096], 20 per step) outweighs everything, allocated in main().
        assertThat(sink.topClass()).as("top class by summed weight of %s", sink.bytesByClass()).contains("byte[]");
        List<AllocationSample> fixtureBytes = sink.allocations().stream()
                .filter(a -> a.className().equals("byte[]") && !a.stack().isEmpty()
                        && a.stack().getFirst().className().equals(FIXTURE))
                .toList();
        assertThat(fixtureBytes).isNotEmpty();
        assertThat(fixtureBytes.getFirst().stack().getFirst().methodName()).isEqualTo("main");
        assertThat(fixtureBytes.getFirst().stack().getFirst().line()).isPositive();
        assertThat(fixtureBytes).allSatisfy(a -> assertThat(a.weight()).isPositive());
        assertThat(sink.allocations()).allSatisfy(a -> assertThat(a.stack()).hasSizeLessThanOrEqualTo(64));
        assertThat(sink.bytesByClass()).doesNotContainKeys("[B", "[Ljava.lang.Object;");

        // Heap summaries: before and after each GC, the same gcId.
        List<HeapSummaryEvent> summaries = sink.heapSummaries();
        HeapSummaryEvent after = summaries.stream().filter(HeapSummaryEvent::afterGc).findFirst().orElseThrow();
        assertThat(summaries).anyMatch(s -> !s.afterGc() && s.gcId() == after.gcId());
        assertThat(after.heapUsed()).isPositive();
        assertThat(after.committed()).isGreaterThanOrEqualTo(after.heapUsed());

        // Old objects: an Entry (or its payload) is held by the static list: ENTRIES (static, in java.lang.Class)
        // → ArrayList → elementData (Object[]) → [i] → Entry (→ payload → byte[]).
        assertThat(entry).as("an Entry among the samples of %s refreshes %s", refreshes.size(), refreshes)
                .isPresent();
        OldObjectSample sample = entry.get();
        List<ReferenceHop> path = sample.pathFromRoot();
        if (sample.className().equals("byte[]")) {
            assertThat(path.getLast().className()).isEqualTo("byte[]");
            assertThat(path.getLast().arraySize()).isEqualTo(64).isEqualTo(sample.arrayElements());
            path = path.subList(0, path.size() - 1);
            assertThat(path.getLast().field()).isEqualTo("payload");
            assertThat(path.getLast().fieldStatic()).isFalse();
        } else {
            assertThat(path.getLast().field()).isNull();
            assertThat(sample.arrayElements()).isEqualTo(-1);
        }
        assertThat(path.getLast().className()).isEqualTo(ENTRY);
        ReferenceHop holder = path.get(path.size() - 4);
        assertThat(holder.className()).isEqualTo("java.lang.Class");
        assertThat(holder.field()).isEqualTo("ENTRIES");
        assertThat(holder.fieldStatic()).isTrue();
        assertThat(holder.description()).contains(FIXTURE);
        ReferenceHop list = path.get(path.size() - 3);
        assertThat(list.className()).isEqualTo("java.util.ArrayList");
        assertThat(list.field()).isEqualTo("elementData");
        assertThat(list.fieldStatic()).isFalse();
        ReferenceHop array = path.get(path.size() - 2);
        assertThat(array.className()).isEqualTo("java.lang.Object[]");
        assertThat(array.arrayIndex()).isBetween(0, array.arraySize() - 1);
        assertThat(sample.root()).isNotNull();
        assertThat(sample.root().system()).isNotBlank();
        // Allocated in main() (an Entry) or in Entry.<init> called from main() (a payload).
        assertThat(sample.stack().getFirst().className()).startsWith(FIXTURE);
        assertThat(sample.stack()).anyMatch(f -> f.className().equals(FIXTURE) && f.methodName().equals("main"));
        assertThat(sample.age()).isPositive();
        assertThat(sample.allocationTime()).isBefore(sink.bursts().getLast().emittedAt());
        if (jdk >= 25) {
            assertThat(sample.objectSize()).isPositive(); // JDK 25 targets write objectSize
        } else {
            assertThat(sample.objectSize()).isEqualTo(-1);
        }
        assertThat(sink.bursts()).allSatisfy(b -> assertThat(b.targetPause())
                .isPositive().isLessThan(Duration.ofSeconds(2)));
        assertThat(refreshes).allSatisfy(r -> assertThat(r.clientTime()).isPositive());
        assertThat(sink.unannounced).as("old objects before any burst began").isEmpty();
    }

    /** An Entry, or an Entry's payload, reached from ENTRIES. */
    static boolean heldByAnEntry(OldObjectSample sample) {
        List<ReferenceHop> path = sample.pathFromRoot();
        return path.size() >= 4 && "ENTRIES".equals(path.getFirst().field())
                && (path.getLast().className().equals(ENTRY)
                || path.get(path.size() - 2).className().equals(ENTRY));
    }

    @Order(2)
    @Test
    void killingTheTargetEndsTheStreamOnce() throws Exception {
        CollectingSink sink = new CollectingSink();
        RecordingListener listener = new RecordingListener();
        JmxConnection target = new JvmConnector().connectJmx(doomed.pid());
        LiveJfrStream stream = LiveJfrStream.start(target.mbeans(), JfrSettings.defaults(), sink, listener);
        try (target) {
            assertThat(CollectingSink.await(Duration.ofSeconds(10), () -> sink.flushes() > 0)).isTrue();
            doomed.kill();
            assertThat(listener.awaitEnd(Duration.ofSeconds(10))).as("ended within 10 s").isTrue();
            Thread.sleep(500);
            assertThat(listener.ends).singleElement().asString().startsWith("closed");
            assertThat(listener.restarts).isEmpty();

            OldObjectTrigger trigger = new OldObjectTrigger(((JmxRecordingChannel) stream.channel()).connection(), Duration.ofSeconds(1));
            assertThatThrownBy(trigger::refresh).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("old-object refresh failed");
            long start = System.nanoTime();
            stream.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        } finally {
            stream.close();
        }
    }

    @Order(3)
    @Test
    void restartsAfterAnErrorWhileTheTargetLives() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        CollectingSink sink = new CollectingSink() {
            @Override
            public synchronized void allocation(AllocationSample sample) {
                if (failures.getAndIncrement() == 0) {
                    throw new IllegalStateException("sink broke once");
                }
                super.allocation(sample);
            }
        };
        RecordingListener listener = new RecordingListener();
        try (LiveJfrStream stream = LiveJfrStream.start(target25.mbeans(), JfrSettings.defaults(), sink, listener)) {
            assertThat(CollectingSink.await(Duration.ofSeconds(10), () -> !listener.restarts.isEmpty()))
                    .as("restarted within 10 s").isTrue();
            int before = sink.allocationCount();
            assertThat(CollectingSink.await(Duration.ofSeconds(10), () -> sink.allocationCount() > before + 10))
                    .as("events flow after the restart").isTrue();
            assertThat(((JmxRecordingChannel) stream.channel()).connection()).isSameAs(target25.mbeans());
        }
        assertThat(listener.restarts).singleElement().asString()
                .startsWith("restarted after error: ").contains("sink broke once");
        assertThat(listener.ends).isEmpty();
    }

    @Order(4)
    @Test
    void givesUpAfterThreeRestartsAMinute() throws Exception {
        JfrEvents broken = new CollectingSink() {
            @Override
            public synchronized void allocation(AllocationSample sample) {
                throw new IllegalStateException("sink always breaks");
            }
        };
        RecordingListener listener = new RecordingListener();
        LiveJfrStream stream = LiveJfrStream.start(target25.mbeans(), JfrSettings.defaults(), broken, listener);
        try {
            assertThat(listener.awaitEnd(Duration.ofSeconds(20))).as("gave up within 20 s: %s", listener).isTrue();
        } finally {
            stream.close();
        }
        assertThat(listener.restarts).hasSize(LiveJfrStream.MAX_RESTARTS_PER_MINUTE);
        assertThat(listener.ends).singleElement().asString().startsWith("gave up after 3 restarts")
                .contains("sink always breaks");
    }

    @Order(1)
    @Test
    void refusesAConnectionWithoutAnswer() throws Exception {
        JmxConnection target = new JvmConnector().connectJmx(leak25.pid());
        target.close();
        assertThatThrownBy(() -> LiveJfrStream.start(target.mbeans(), JfrSettings.defaults(), new CollectingSink(),
                new RecordingListener())).isInstanceOf(IOException.class);
    }
}
