package io.leaklens.ui.snapshots;

import io.leaklens.model.Snapshot;
import io.leaklens.store.SnapshotFile;
import io.leaklens.support.Snapshots;
import io.leaklens.ui.UiExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotsViewModelTest {

    @TempDir
    Path dir;

    private final Deque<Snapshot> toTake = new ArrayDeque<>(List.of(Snapshots.shop("x", 60),
            Snapshots.shop("y", 120)));
    private final SnapshotsViewModel model = new SnapshotsViewModel(UiExecutor.direct(),
            name -> toTake.pop().withInfo(name, ""));

    @Test
    void takenSnapshotsAreNumberedAndSayWhatTheyCost() {
        model.take();
        model.take();

        assertThat(model.snapshots()).extracting(SnapshotEntry::name).containsExactly("Snapshot 1", "Snapshot 2");
        assertThat(model.snapshots()).allMatch(SnapshotEntry::unsaved);
        assertThat(model.messageProperty().get())
                .isEqualTo("Snapshot 2 taken; the class histogram paused the target for about 35 ms");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aFailedSnapshotSaysWhyInOneSentence() {
        SnapshotsViewModel failing = new SnapshotsViewModel(UiExecutor.direct(), name -> {
            throw new io.leaklens.session.SessionException("JVM 42 exited while the snapshot was taken",
                    new RuntimeException("detail"));
        });

        failing.take();

        assertThat(failing.errorProperty().get()).isTrue();
        assertThat(failing.messageProperty().get())
                .isEqualTo("Could not take the snapshot: JVM 42 exited while the snapshot was taken");
        assertThat(failing.snapshots()).isEmpty();
    }

    @Test
    void aDisconnectedTargetTakesNoMoreSnapshotsButKeepsThem() {
        model.take();
        model.setConnected(false);

        assertThat(model.canTakeProperty().get()).isFalse();
        model.take();
        assertThat(model.snapshots()).hasSize(1);
    }

    @Test
    void comparingPutsTheEarlierFirstWhateverTheOrderPicked() {
        model.take();
        model.take();

        model.compare(model.snapshots().get(1), model.snapshots().get(0));

        ComparisonViewModel comparison = model.comparisonProperty().get();
        assertThat(comparison.titleProperty().get()).startsWith("Snapshot 1 (").contains("→  Snapshot 2 (");
        assertThat(comparison.suspects().getFirst().className()).isEqualTo(Snapshots.ENTRY);
        assertThat(comparison.verdictProperty().get()).startsWith(Snapshots.ENTRY + " gained 60,000 live instances");
    }

    @Test
    void compareWithPreviousNeedsAPrevious() {
        model.take();
        assertThat(model.hasPrevious(model.snapshots().getFirst())).isFalse();
        model.take();

        model.compareWithPrevious(model.snapshots().get(1));

        assertThat(model.comparisonProperty().get()).isNotNull();
    }

    @Test
    void namesAndNotesAreKeptAndSavedAndASavedSnapshotOpensAgain() throws Exception {
        model.take();
        model.rename(model.snapshots().getFirst(), "  before the fix ");
        model.setNotes(model.snapshots().getFirst(), "cache size 10k");
        Path file = dir.resolve("before.llsnap");

        model.save(model.snapshots().getFirst(), file);

        SnapshotEntry saved = model.snapshots().getFirst();
        assertThat(saved.unsaved()).isFalse();
        assertThat(saved.file()).isEqualTo(file);
        assertThat(SnapshotFile.read(file).info().notes()).isEqualTo("cache size 10k");
        model.open(List.of(file));
        assertThat(model.snapshots()).extracting(SnapshotEntry::name).containsExactly("before the fix",
                "before the fix");
    }

    @Test
    void aFailedSaveKeepsTheSnapshotAndSaysSo() {
        model.take();

        model.save(model.snapshots().getFirst(), dir.resolve("missing/a.llsnap"));

        assertThat(model.errorProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).endsWith("does not exist; the snapshot is still here");
        assertThat(model.snapshots().getFirst().unsaved()).isTrue();
    }

    @Test
    void aBadFileIsOneSentenceAndAddsNothing() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.llsnap"), "hello");

        model.open(List.of(bad));

        assertThat(model.messageProperty().get()).isEqualTo(bad + " is not a LeakLens snapshot");
        assertThat(model.snapshots()).isEmpty();
    }
}
