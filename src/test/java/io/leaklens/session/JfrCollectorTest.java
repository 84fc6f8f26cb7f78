package io.leaklens.session;

import io.leaklens.model.AllocationSample;
import io.leaklens.model.GcRoot;
import io.leaklens.model.HeapSummaryEvent;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.ReferenceHop;
import io.leaklens.model.StackFrame;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The collector on hand-built records, called as the stream thread calls it. */
class JfrCollectorTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final GcRoot MAIN_STACK = new GcRoot("Threads", "Stack Variable", "main");
    private static final StackFrame RECORD = new StackFrame("com.acme.OrderLog", "record", 31);

    private final List<JfrCollector.Snapshot> published = new ArrayList<>();
    private final List<HeapSummaryEvent> summaries = new ArrayList<>();
    private final JfrCollector collector = new JfrCollector(summaries::add, published::add);

    private static AllocationSample allocation(double seconds, String className, long weight, long thread) {
        return new AllocationSample(T0.plusMillis(Math.round(seconds * 1000)), className, weight, List.of(RECORD),
                thread);
    }

    /** An object held by a static list: {@code com.acme.OrderLog.ENTRIES -> elementData -> [] -> className}. */
    private static OldObjectSample held(String className, int index) {
        return new OldObjectSample(T0.plusSeconds(index), Duration.ofSeconds(30), className, 24, -1, 1_000,
                List.of(RECORD), MAIN_STACK, List.of(
                new ReferenceHop("java.lang.Class", "Class Name: com.acme.OrderLog", "ENTRIES", true, -1, -1, 0),
                new ReferenceHop("java.util.ArrayList", null, "elementData", false, -1, -1, 0),
                new ReferenceHop("java.lang.Object[]", null, null, false, index, 4096, 0),
                new ReferenceHop(className, null, null, false, -1, -1, 0)));
    }

    /** A buffer of the target's own JFR machinery (the remote stream's): never the user's leak. */
    private static OldObjectSample jfrBuffer() {
        return new OldObjectSample(T0, Duration.ofSeconds(5), "byte[]", 65_536, 65_520, 1_000, List.of(), MAIN_STACK,
                List.of(new ReferenceHop("jdk.jfr.internal.consumer.ChunkParser", null, "buffer", false, -1, -1, 0),
                        new ReferenceHop("byte[]", null, null, false, -1, 65_520, 0)));
    }

    private static OldObjectSample staticallyHeldByJfr() {
        return new OldObjectSample(T0, Duration.ofSeconds(5), "java.lang.Object[]", 4_096, 1_000, 1_000, List.of(),
                MAIN_STACK, List.of(
                new ReferenceHop("java.lang.Class", "Class Name: jdk.jfr.internal.MetadataRepository", "instance",
                        true, -1, -1, 0),
                new ReferenceHop("java.lang.Object[]", null, null, false, -1, 1_000, 0)));
    }

    private OldObjectSet oldObjects() {
        return collector.latest().oldObjects();
    }

    @Test
    void beforeAnythingTheSnapshotIsEmptyAndAFlushPublishesNothing() {
        assertThat(collector.latest()).isEqualTo(JfrCollector.Snapshot.EMPTY);

        collector.flush();
        collector.flush();

        assertThat(published).isEmpty();
    }

    @Test
    void aFlushPublishesOnlyWhenSomethingChanged() {
        collector.allocation(allocation(0, "byte[]", 1_000, 1)); // a thread's first sample is left out
        collector.allocation(allocation(1, "byte[]", 4_096, 1));
        collector.flush();
        assertThat(published).hasSize(1);
        assertThat(published.getLast().allocations().classes()).extracting(c -> c.className()).containsExactly("byte[]");
        assertThat(published.getLast().allocations().totalBytes()).isEqualTo(4_096);

        collector.flush();
        collector.heapSummary(new HeapSummaryEvent(T0, 1, false, 100, 200));
        collector.flush();
        assertThat(published).as("nothing new, and heap summaries go their own way").hasSize(1);
        assertThat(summaries).hasSize(1);

        collector.allocation(allocation(2, "com.acme.OrderLog$Entry", 104, 1));
        collector.flush();
        assertThat(published).hasSize(2);
        assertThat(collector.latest()).isSameAs(published.getLast());
        assertThat(collector.latest().oldObjects()).isEqualTo(OldObjectSet.NONE);
    }

    @Test
    void aBurstIsPublishedAtTheNextFlushWithItsTimesAndAllItsSamples() {
        collector.requestTook(Duration.ofMillis(80));
        collector.oldObjectBurstStarted(T0.plusSeconds(30), Duration.ofMillis(42));
        collector.oldObject(held("com.acme.OrderLog$Entry", 1));
        collector.oldObject(held("byte[]", 2));
        assertThat(published).as("not before the flush").isEmpty();

        collector.flush();

        assertThat(published).hasSize(1);
        OldObjectSet set = oldObjects();
        assertThat(set.samples()).extracting(OldObjectSample::className)
                .containsExactly("com.acme.OrderLog$Entry", "byte[]");
        assertThat(set.emittedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(set.targetPause()).isEqualTo(Duration.ofMillis(42));
        assertThat(set.requestTook()).isEqualTo(Duration.ofMillis(80));
        assertThat(set.pause()).as("the request spans the whole safepoint, JFR times only its search")
                .isEqualTo(Duration.ofMillis(80));
    }

    @Test
    void eachBurstReplacesThePreviousOne() {
        collector.oldObjectBurstStarted(T0.plusSeconds(30), Duration.ofMillis(40));
        collector.oldObject(held("com.acme.OrderLog$Entry", 1));
        collector.oldObject(held("com.acme.OrderLog$Entry", 2));
        collector.flush();
        collector.oldObjectBurstStarted(T0.plusSeconds(60), Duration.ofMillis(50));
        collector.oldObject(held("byte[]", 3));
        collector.flush();

        assertThat(oldObjects().samples()).extracting(OldObjectSample::className).containsExactly("byte[]");
        assertThat(oldObjects().emittedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(oldObjects().targetPause()).isEqualTo(Duration.ofMillis(50));
        assertThat(published).hasSize(2);
    }

    @Test
    void twoBurstsBetweenTwoFlushesLeaveTheLaterOne() {
        collector.oldObjectBurstStarted(T0.plusSeconds(30), Duration.ofMillis(40));
        collector.oldObject(held("com.acme.OrderLog$Entry", 1));
        collector.oldObjectBurstStarted(T0.plusSeconds(31), Duration.ofMillis(45));
        collector.oldObject(held("byte[]", 2));
        collector.oldObject(held("byte[]", 3));
        collector.flush();

        assertThat(oldObjects().samples()).extracting(OldObjectSample::className).containsExactly("byte[]", "byte[]");
        assertThat(oldObjects().emittedAt()).isEqualTo(T0.plusSeconds(31));
        assertThat(published).hasSize(1);
    }

    @Test
    void aBurstThatSpansAFlushIsKeptWhole() {
        collector.oldObjectBurstStarted(T0.plusSeconds(30), Duration.ofMillis(40));
        collector.oldObject(held("com.acme.OrderLog$Entry", 1));
        collector.oldObject(held("com.acme.OrderLog$Entry", 2));
        collector.flush(); // the stream flushed in the middle of the target's emission
        collector.oldObject(held("byte[]", 3));
        collector.flush();

        assertThat(oldObjects().samples()).extracting(OldObjectSample::className)
                .containsExactly("com.acme.OrderLog$Entry", "com.acme.OrderLog$Entry", "byte[]");
        assertThat(oldObjects().emittedAt()).as("still the announced burst").isEqualTo(T0.plusSeconds(30));
        assertThat(oldObjects().targetPause()).isEqualTo(Duration.ofMillis(40));

        collector.oldObjectBurstStarted(T0.plusSeconds(60), Duration.ofMillis(50));
        collector.oldObject(held("com.acme.OrderLog$Entry", 4));
        collector.flush();
        assertThat(oldObjects().samples()).as("a new announcement starts afresh").hasSize(1);
        assertThat(oldObjects().emittedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void samplesHeldByJfrItselfAreDropped() {
        collector.oldObjectBurstStarted(T0.plusSeconds(30), Duration.ofMillis(40));
        collector.oldObject(jfrBuffer());
        collector.oldObject(held("com.acme.OrderLog$Entry", 1));
        collector.oldObject(staticallyHeldByJfr());
        collector.flush();

        assertThat(oldObjects().samples()).extracting(OldObjectSample::className)
                .containsExactly("com.acme.OrderLog$Entry");
    }

    @Test
    void aBurstOfOnlyJfrsOwnObjectsIsAnEmptyBurstNotNone() {
        collector.oldObjectBurstStarted(T0.plusSeconds(30), Duration.ofMillis(40));
        collector.oldObject(jfrBuffer());
        collector.flush();

        assertThat(published).hasSize(1);
        assertThat(oldObjects().samples()).isEmpty();
        assertThat(oldObjects().emittedAt()).as("the refresh happened").isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void samplesWithoutAnAnnouncementFormABurstOfTheirOwn() {
        collector.oldObject(held("com.acme.OrderLog$Entry", 1));
        collector.flush();

        assertThat(oldObjects().samples()).hasSize(1);
        assertThat(oldObjects().emittedAt()).isNull();
        assertThat(published).hasSize(1);
    }

    @Test
    void aRequestThatBringsNoBurstEndsInAnEmptySet() {
        List<JfrCollector.Snapshot> published = new ArrayList<>();
        JfrCollector collector = new JfrCollector(summary -> { }, published::add);
        Instant asked = Instant.now().minus(JfrCollector.SILENT_REQUEST).minusSeconds(1);

        collector.requested(asked);
        collector.flush();

        assertThat(collector.latest().oldObjects().samples()).isEmpty();
        assertThat(collector.latest().oldObjects().emittedAt()).isEqualTo(asked);
        assertThat(published).hasSize(1);
    }

    @Test
    void aRequestStillWithinItsGraceIsNotAnsweredEmpty() {
        List<JfrCollector.Snapshot> published = new ArrayList<>();
        JfrCollector collector = new JfrCollector(summary -> { }, published::add);

        collector.requested(Instant.now());
        collector.flush();

        assertThat(published).isEmpty();
        assertThat(collector.latest().oldObjects().emittedAt()).isNull();
    }
}
