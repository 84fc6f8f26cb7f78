package io.leaklens.ui.snapshots;

import io.leaklens.analysis.SnapshotDiffer;
import io.leaklens.model.PredictedPause;
import io.leaklens.model.Snapshot;
import io.leaklens.store.SnapshotFile;
import io.leaklens.ui.Failures;
import io.leaklens.ui.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import io.leaklens.ui.Notices;
import io.leaklens.ui.graph.GraphLink;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.CompletionException;

/**
 * The snapshots of one session: taken from the live target or opened from files, named, annotated, saved, and
 * compared two at a time. They stay when the target disconnects. Slow work (taking, reading, writing, comparing)
 * runs on the {@link UiExecutor}; results and messages come back on the FX thread.
 */
public final class SnapshotsViewModel {

    /** Takes a snapshot of the live target; blocks for seconds. */
    @FunctionalInterface
    public interface Taker {
        Snapshot take(String name) throws Exception;
    }

    private final UiExecutor executor;
    private final Taker taker;
    private final Supplier<Optional<PredictedPause>> longPause;
    private final ReadOnlyStringWrapper pauseWarning = new ReadOnlyStringWrapper(this, "pauseWarning", "");
    private final ObservableList<SnapshotEntry> snapshots = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canTake = new ReadOnlyBooleanWrapper(this, "canTake");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");
    private final ReadOnlyObjectWrapper<ComparisonViewModel> comparison =
            new ReadOnlyObjectWrapper<>(this, "comparison");
    private int taken;
    /** Counts snapshots asked for; one whose number is no longer current was cancelled. */
    private long task;
    private GraphLink graphLink = GraphLink.NONE;
    private Notices notices = new Notices();

    /** Where a comparison's "Show in graph" goes. */
    public void setGraphLink(GraphLink link) {
        graphLink = link;
    }

    /** @param taker takes a snapshot of the live target, or null when there is none (a recording, a file) */
    public SnapshotsViewModel(UiExecutor executor, Taker taker) {
        this(executor, taker, Optional::empty);
    }

    /**
     * @param longPause the predicted pause of the snapshot's class histogram when it is long enough to ask the user
     *                  first (see {@code LiveSession.longHistogramPause}), else empty
     */
    public SnapshotsViewModel(UiExecutor executor, Taker taker, Supplier<Optional<PredictedPause>> longPause) {
        this.executor = executor;
        this.taker = taker;
        this.longPause = longPause;
        canTake.set(taker != null);
    }

    /** Whether the target can still be snapshotted: false once it disconnected. */
    public void setConnected(boolean connected) {
        canTake.set(taker != null && connected);
        if (!connected) {
            pauseWarning.set("");
        }
    }

    /**
     * Takes a snapshot of the target in the background (it runs a full GC there: the view says so). When that GC is
     * predicted to pause the target for a second or more, it only says so first ({@link #pauseWarningProperty()}):
     * {@link #takeAnyway()} then takes it, {@link #cancelTake()} does not.
     */
    public void take() {
        if (!canTake.get() || busy.get() || !pauseWarning.get().isEmpty()) {
            return;
        }
        Optional<PredictedPause> pause = longPause.get();
        if (pause.isPresent()) {
            pauseWarning.set("The class histogram will pause the target for " + pause.get().describe()
                    + ": a full GC of all of it. Take the snapshot anyway?");
            return;
        }
        takeNow();
    }

    /** The user read the warning and wants the snapshot. */
    public void takeAnyway() {
        if (pauseWarning.get().isEmpty()) {
            return;
        }
        pauseWarning.set("");
        takeNow();
    }

    /** The user read the warning and does not want to pause the target. */
    public void cancelTake() {
        pauseWarning.set("");
    }

    private void takeNow() {
        if (!canTake.get() || busy.get()) {
            return;
        }
        String name = "Snapshot " + (++taken);
        start("Taking " + name + ": the target runs a full GC for the class histogram, then reports its old "
                + "objects …");
        long ticket = ++task;
        executor.submit(() -> taker.take(name)).whenComplete((snapshot, failure) -> {
            if (ticket != task) {
                return; // cancelled: what the target sends now is thrown away
            }
            if (failure != null) {
                fail("Could not take the snapshot: " + Failures.message(failure), failure);
            } else {
                add(new SnapshotEntry(snapshot, null, true));
                done(name + " taken; the class histogram paused the target for about "
                        + snapshot.histogram().took().toMillis() + " ms");
            }
        });
    }

    /** Stops waiting for the snapshot being taken; the view is free at once. */
    public void cancel() {
        if (busy.get()) {
            task++;
            done("Cancelled; a histogram the target had started still runs to its end in the target.");
        }
    }

    /** Adds a snapshot that is already in memory, e.g. one opened with the session. */
    public void add(SnapshotEntry entry) {
        snapshots.add(entry);
    }

    /** Opens snapshot files in the background and adds them to the list. */
    public void open(List<Path> files) {
        if (busy.get() || files.isEmpty()) {
            return;
        }
        start("Opening " + files.size() + (files.size() == 1 ? " snapshot" : " snapshots") + " …");
        executor.submit(() -> files.stream().map(file -> {
            try {
                return new SnapshotEntry(SnapshotFile.read(file), file, false);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }).toList()).whenComplete((entries, failure) -> {
            if (failure != null) {
                fail(Failures.message(failure), failure);
            } else {
                snapshots.addAll(entries);
                done("");
            }
        });
    }

    /** Saves a snapshot to a file in the background; the file is replaced only once the new one is complete. */
    public void save(SnapshotEntry entry, Path file) {
        if (busy.get()) {
            return;
        }
        start("Saving " + entry.name() + " …");
        executor.submit(() -> {
            SnapshotFile.write(entry.snapshot(), file);
            return file;
        }).whenComplete((saved, failure) -> {
            if (failure != null) {
                fail(Failures.message(failure) + "; the snapshot is still here", failure);
            } else {
                replace(entry, new SnapshotEntry(entry.snapshot(), saved, false));
                done("Saved " + entry.name() + " to " + saved);
            }
        });
    }

    public void rename(SnapshotEntry entry, String name) {
        if (name != null && !name.isBlank() && !name.strip().equals(entry.name())) {
            replace(entry, new SnapshotEntry(entry.snapshot().withInfo(name.strip(),
                    entry.snapshot().info().notes()), entry.file(), true));
        }
    }

    public void setNotes(SnapshotEntry entry, String notes) {
        String text = notes == null ? "" : notes;
        if (!text.equals(entry.snapshot().info().notes())) {
            replace(entry, new SnapshotEntry(entry.snapshot().withInfo(entry.name(), text), entry.file(), true));
        }
    }

    public void remove(SnapshotEntry entry) {
        snapshots.remove(entry);
    }

    /** Compares two snapshots, the earlier one first whatever the order they were picked in. */
    public void compare(SnapshotEntry a, SnapshotEntry b) {
        if (a == null || b == null || a == b) {
            return;
        }
        boolean inOrder = !a.snapshot().info().takenAt().isAfter(b.snapshot().info().takenAt());
        SnapshotEntry before = inOrder ? a : b;
        SnapshotEntry after = inOrder ? b : a;
        start("Comparing " + before.name() + " with " + after.name() + " …");
        executor.submit(() -> new SnapshotDiffer().compare(before.snapshot(), after.snapshot()))
                .whenComplete((diff, failure) -> {
                    if (failure != null) {
                        fail("Could not compare: " + Failures.message(failure), failure);
                    } else {
                        ComparisonViewModel compared = new ComparisonViewModel(before.snapshot(), after.snapshot(),
                                diff, executor);
                        compared.setGraphLink(graphLink);
                        comparison.set(compared);
                        done("");
                    }
                });
    }

    /** Compares a snapshot with the one before it in the list. */
    public void compareWithPrevious(SnapshotEntry entry) {
        int at = snapshots.indexOf(entry);
        if (at > 0) {
            compare(snapshots.get(at - 1), entry);
        }
    }

    public boolean hasPrevious(SnapshotEntry entry) {
        return snapshots.indexOf(entry) > 0;
    }

    private void replace(SnapshotEntry old, SnapshotEntry updated) {
        int at = snapshots.indexOf(old);
        if (at >= 0) {
            snapshots.set(at, updated);
        }
    }

    private void start(String text) {
        busy.set(true);
        error.set(false);
        message.set(text);
    }

    private void done(String text) {
        busy.set(false);
        message.set(text);
    }

    private void fail(String text, Throwable cause) {
        busy.set(false);
        error.set(true);
        message.set(text);
        notices.report(text, cause);
    }

    /** Where failures are told besides this view's own line. */
    public void setNotices(Notices notices) {
        this.notices = notices;
    }

    public ObservableList<SnapshotEntry> snapshots() {
        return snapshots;
    }

    /** Why the snapshot waits for a confirmation, or empty when it does not. */
    public ReadOnlyStringProperty pauseWarningProperty() {
        return pauseWarning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canTakeProperty() {
        return canTake.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ComparisonViewModel> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public void closeComparison() {
        comparison.set(null);
    }
}
