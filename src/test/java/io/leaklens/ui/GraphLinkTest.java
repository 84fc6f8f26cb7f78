package io.leaklens.ui;

import io.leaklens.model.ClassDelta;
import io.leaklens.model.Snapshot;
import io.leaklens.support.Snapshots;
import io.leaklens.ui.oldobjects.OldObjectGroup;
import io.leaklens.ui.snapshots.SnapshotEntry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** "Show in graph" from the other views lands on the graph with the class selected and its path highlighted. */
class GraphLinkTest {

    private final Snapshot after = Snapshots.shop("after", 120);
    private final SessionViewModel session = SessionViewModel.ofSnapshot(after, Path.of("after.llsnap"),
            UiExecutor.direct());

    @Test
    void anOldObjectGroupOpensTheGraphAtItsClass() {
        OldObjectGroup group = session.oldObjects().groups().getFirst();
        session.oldObjects().selectedProperty().set(group);

        session.oldObjects().showSelectedInGraph();

        assertThat(session.graphRequestsProperty().get()).isEqualTo(1);
        assertThat(session.graph().selectedProperty().get().className()).isEqualTo(Snapshots.ENTRY);
        assertThat(session.graph().pathProperty().get().nodes()).hasSize(4);
    }

    @Test
    void aGrownClassOfAComparisonOpensTheLaterSnapshotsGraph() {
        session.snapshots().add(new SnapshotEntry(Snapshots.shop("before", 60), null, true));
        session.snapshots().compare(session.snapshots().snapshots().get(1), session.snapshots().snapshots().get(0));
        var comparison = session.snapshots().comparisonProperty().get();
        ClassDelta entry = comparison.classes().stream().filter(c -> c.className().equals(Snapshots.ENTRY))
                .findFirst().orElseThrow();
        comparison.selectedProperty().set(entry);

        comparison.showSelectedInGraph();

        assertThat(session.graphRequestsProperty().get()).isEqualTo(1);
        assertThat(session.graph().pinnedProperty().get()).isTrue();
        assertThat(session.graph().sourceProperty().get()).isEqualTo("Snapshot 'after'");
        assertThat(session.graph().selectedProperty().get().className()).isEqualTo(Snapshots.ENTRY);
        assertThat(session.graph().pathProperty().get().isEmpty()).isFalse();
    }
}
