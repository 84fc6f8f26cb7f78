package io.leaklens.ui.snapshots;

import io.leaklens.model.PredictedPause;
import io.leaklens.model.Snapshot;
import io.leaklens.store.SnapshotFile;
import io.leaklens.support.Snapshots;
import io.leaklens.ui.UiExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

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

    @Test
    void aSnapshotThatMayPauseTheTargetLongAsksFirstAndTakesNothingMeanwhile() {
        PredictedPause longPause = new PredictedPause(Duration.ofMillis(1900), 2150 * 1024L * 1024, false);
        SnapshotsViewModel asking = new SnapshotsViewModel(UiExecutor.direct(),
                name -> toTake.pop().withInfo(name, ""), () -> Optional.of(longPause));

        asking.take();
        asking.take(); // pressed again while the question is shown: still one question, no snapshot

        assertThat(asking.pauseWarningProperty().get()).isEqualTo("The class histogram will pause the target for "
                + "about 1.9 s (the heap holds 2.10 GB): a full GC of all of it. Take the snapshot anyway?");
        assertThat(asking.snapshots()).isEmpty();
        assertThat(toTake).hasSize(2);

        asking.takeAnyway();

        assertThat(asking.pauseWarningProperty().get()).isEmpty();
        assertThat(asking.snapshots()).extracting(SnapshotEntry::name).containsExactly("Snapshot 1");
    }

    @Test
    void cancellingTheQuestionTakesNothingAndAShortPauseIsNotAsked() {
        Deque<Optional<PredictedPause>> predictions = new ArrayDeque<>(List.of(
                Optional.of(new PredictedPause(Duration.ofSeconds(3), 4096 * 1024L * 1024, true)), Optional.empty()));
        SnapshotsViewModel asking = new SnapshotsViewModel(UiExecutor.direct(),
                name -> toTake.pop().withInfo(name, ""), predictions::pop);

        asking.take();
        asking.cancelTake();
        asking.takeAnyway(); // nothing left to confirm

        assertThat(asking.pauseWarningProperty().get()).isEmpty();
        assertThat(asking.snapshots()).isEmpty();

        asking.take(); // the heap shrank: no question

        assertThat(asking.pauseWarningProperty().get()).isEmpty();
        assertThat(asking.snapshots()).hasSize(1);
    }

    @Test
    void aTargetThatDisconnectsWhileAskedIsNotAskedAnyMore() {
        SnapshotsViewModel asking = new SnapshotsViewModel(UiExecutor.direct(),
                name -> toTake.pop().withInfo(name, ""),
                () -> Optional.of(new PredictedPause(Duration.ofSeconds(2), 2048 * 1024L * 1024, false)));

        asking.take();
        asking.setConnected(false);
        asking.takeAnyway();

        assertThat(asking.pauseWarningProperty().get()).isEmpty();
        assertThat(asking.snapshots()).isEmpty();
    }

    @Test
    void aSnapshotCancelledWhileTheTargetWorksIsThrownAwayWhenItComes() throws Exception {
        java.util.concurrent.CountDownLatch histogram = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(1);
        UiExecutor pool = UiExecutor.withPool(Runnable::run);
        SnapshotsViewModel slow = new SnapshotsViewModel(pool, name -> {
            histogram.await();
            sent.countDown();
            return Snapshots.shop(name, 60);
        });
        slow.setConnected(true);

        slow.take();
        assertThat(slow.busyProperty().get()).isTrue();
        slow.cancel();

        assertThat(slow.busyProperty().get()).isFalse();
        assertThat(slow.messageProperty().get()).startsWith("Cancelled");
        histogram.countDown();
        sent.await();
        // The cancelled snapshot arrives after it was cancelled: it must stay thrown away.
        org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(300))
                .atMost(java.time.Duration.ofSeconds(2)).until(() -> slow.snapshots().isEmpty());
        pool.close();
    }
}
