package io.leaklens.jfr;

import io.leaklens.model.AllocationSample;
import io.leaklens.model.HeapSummaryEvent;
import io.leaklens.model.OldObjectSample;
import io.leaklens.support.ChildJvm;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapper on the events of a real recording, and on events that lack every field it looks for. */
class EventMapperTest {

    private static List<RecordedEvent> events;
    private final EventMapper mapper = new EventMapper();

    @BeforeAll
    static void readRecording() throws Exception {
        Path file = FixtureRecordings.of(ChildJvm.CURRENT);
        events = RecordingFile.readAllEvents(file);
    }

    private static List<RecordedEvent> ofType(String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }

    @Test
    void mapsAllocationSamplesWithContractNamesAndInnermostFrameFirst() {
        List<RecordedEvent> samples = ofType(EventMapper.ALLOCATION_SAMPLE);
        assertThat(samples).isNotEmpty();
        for (RecordedEvent event : samples) {
            AllocationSample sample = mapper.allocation(event);
            assertThat(sample.time()).isEqualTo(event.getStartTime());
            assertThat(sample.weight()).isEqualTo(event.getLong("weight"));
            assertThat(sample.className()).doesNotStartWith("[").doesNotContain("/").isNotEqualTo("<unknown>");
            if (event.getStackTrace() == null) {
                assertThat(sample.stack()).isEmpty(); // JFR could not walk the stack: there is none
                continue;
            }
            assertThat(sample.stack()).hasSize(Math.min(64, event.getStackTrace().getFrames().size()));
            if (!sample.stack().isEmpty()) {
                var top = event.getStackTrace().getFrames().getFirst();
                assertThat(sample.stack().getFirst().methodName()).isEqualTo(top.getMethod().getName());
                assertThat(sample.stack().getFirst().line()).isEqualTo(top.getLineNumber());
            }
        }
    }

    @Test
    void mapsHeapSummariesBeforeAndAfterEachCollection() {
        List<HeapSummaryEvent> summaries = ofType(EventMapper.HEAP_SUMMARY).stream().map(mapper::heapSummary)
                .toList();
        assertThat(summaries).isNotEmpty();
        // Before and after of one collection share its gcId; only a collection cut by the recording's start or end
        // may lack one of them.
        java.util.Map<Long, List<HeapSummaryEvent>> byGc = summaries.stream()
                .collect(java.util.stream.Collectors.groupingBy(HeapSummaryEvent::gcId));
        assertThat(byGc.values().stream().filter(pair -> pair.size() == 2
                && pair.stream().filter(HeapSummaryEvent::afterGc).count() == 1).count())
                .isGreaterThanOrEqualTo(byGc.size() - 2L).isPositive();
        assertThat(summaries).allSatisfy(s -> {
            assertThat(s.gcId()).isNotNegative();
            assertThat(s.heapUsed()).isPositive();
            assertThat(s.committed()).isGreaterThanOrEqualTo(s.heapUsed());
        });
    }

    @Test
    void mapsOldObjectSamplesWithTheirPathsEndingAtTheSample() {
        List<RecordedEvent> raw = ofType(EventMapper.OLD_OBJECT_SAMPLE);
        assertThat(raw).isNotEmpty();
        for (RecordedEvent event : raw) {
            OldObjectSample sample = mapper.oldObject(event);
            assertThat(sample.age()).isEqualTo(event.getDuration("objectAge"));
            assertThat(sample.allocationTime()).isEqualTo(event.getInstant("allocationTime"));
            assertThat(sample.heapUsedAtAlloc()).isEqualTo(event.getLong("lastKnownHeapUsage"));
            assertThat(sample.objectSize()).isEqualTo(event.getLong("objectSize"));
            if (!sample.pathFromRoot().isEmpty()) {
                assertThat(sample.pathFromRoot().getLast().className()).isEqualTo(sample.className());
                assertThat(sample.pathFromRoot().subList(0, sample.pathFromRoot().size() - 1))
                        .allSatisfy(hop -> assertThat(hop.field() != null || hop.arrayIndex() >= 0)
                                .as("%s says how it refers to the next hop", hop).isTrue());
            }
        }
    }

    @Test
    void eventsWithoutTheExpectedFieldsMapToUnknownsInsteadOfThrowing() {
        // A jdk.ThreadSleep event has none of the fields of the three events we map.
        RecordedEvent other = ofType("jdk.ThreadSleep").getFirst();

        AllocationSample allocation = mapper.allocation(other);
        assertThat(allocation.className()).isEqualTo("<unknown>");
        assertThat(allocation.weight()).isEqualTo(-1);

        HeapSummaryEvent summary = mapper.heapSummary(other);
        assertThat(summary.gcId()).isEqualTo(-1);
        assertThat(summary.afterGc()).isFalse();
        assertThat(summary.heapUsed()).isEqualTo(-1);
        assertThat(summary.committed()).isEqualTo(-1);

        OldObjectSample old = mapper.oldObject(other);
        assertThat(old.className()).isEqualTo("<unknown>");
        assertThat(old.allocationTime()).isEqualTo(other.getStartTime());
        assertThat(old.age()).isEqualTo(Duration.ZERO);
        assertThat(old.objectSize()).isEqualTo(-1);
        assertThat(old.arrayElements()).isEqualTo(-1);
        assertThat(old.root()).isNull();
        assertThat(old.pathFromRoot()).isEmpty();
    }

    @Test
    void fieldsOfAnotherTypeCountAsAbsent() {
        // jdk.GCHeapSummary's "when" is a string: asked for as a number it is absent, not an exception.
        RecordedEvent summary = ofType(EventMapper.HEAP_SUMMARY).getFirst();
        assertThat(EventMapper.longValue(summary, "when")).isEqualTo(-1);
        assertThat(EventMapper.value(summary, "heapUsed", String.class)).isNull();
        assertThat(EventMapper.value(summary, "no.such.field", Object.class)).isNull();
    }

    @Test
    void theSameStackReadAgainFromNewObjectsIsOneListOfFrames() throws Exception {
        // A second read hands out new stack objects, as every new chunk of a live stream does.
        List<RecordedEvent> again = RecordingFile.readAllEvents(FixtureRecordings.of(ChildJvm.CURRENT)).stream()
                .filter(e -> e.getEventType().getName().equals(EventMapper.ALLOCATION_SAMPLE)).toList();
        List<RecordedEvent> first = ofType(EventMapper.ALLOCATION_SAMPLE);
        assertThat(again).hasSameSizeAs(first).isNotEmpty();

        for (int i = 0; i < first.size(); i++) {
            AllocationSample before = mapper.allocation(first.get(i));
            AllocationSample after = mapper.allocation(again.get(i));
            if (first.get(i).getStackTrace() == null) {
                continue;
            }
            assertThat(again.get(i).getStackTrace()).isNotSameAs(first.get(i).getStackTrace());
            assertThat(after.stack()).isSameAs(before.stack());
            assertThat(after.className()).isSameAs(before.className());
        }
        // Stacks that differ share their frames: one object per distinct frame.
        java.util.Map<io.leaklens.model.StackFrame, io.leaklens.model.StackFrame> seen = new java.util.HashMap<>();
        for (RecordedEvent event : first) {
            for (io.leaklens.model.StackFrame frame : mapper.allocation(event).stack()) {
                assertThat(seen.computeIfAbsent(frame, f -> f)).isSameAs(frame);
            }
        }
    }
}
