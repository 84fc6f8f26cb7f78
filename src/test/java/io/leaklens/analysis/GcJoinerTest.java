package io.leaklens.analysis;

import io.leaklens.model.CollectionEvent;
import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapSummaryEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class GcJoinerTest {

    private final GcJoiner joiner = new GcJoiner();

    @Test
    void aCollectionIsCompleteWithItsHeapAfterWhateverTheOrder() {
        assertThat(joiner.add(new HeapSummaryEvent(Records.at(1), 7, false, 90, 200))).isNull();
        assertThat(joiner.add(new CollectionEvent(Records.at(1.01), 7, "G1New", "G1 Evacuation Pause",
                Duration.ofMillis(9)))).isNull();

        GcEvent event = joiner.add(new HeapSummaryEvent(Records.at(1.01), 7, true, 30, 200));

        assertThat(event).isEqualTo(new GcEvent(Records.at(1.01), "G1New", "G1 Evacuation Pause",
                Duration.ofMillis(9), 90, 30));
    }

    @Test
    void withoutItsHeapBeforeTheHeapAfterStandsForBoth() {
        joiner.add(new HeapSummaryEvent(Records.at(2), 8, true, 40, 200));

        GcEvent event = joiner.add(new CollectionEvent(Records.at(2), 8, "G1Full", "System.gc()",
                Duration.ofMillis(30)));

        assertThat(event.heapUsedBefore()).isEqualTo(40);
        assertThat(event.heapUsedAfter()).isEqualTo(40);
    }

    @Test
    void collectionsNeverCompletedAreDroppedNotKept() {
        for (int id = 0; id < 10_000; id++) {
            joiner.add(new HeapSummaryEvent(Records.at(id), id, false, 1, 1));
        }

        assertThat(joiner.pending()).isEqualTo(GcJoiner.MAX_PENDING);
    }
}
