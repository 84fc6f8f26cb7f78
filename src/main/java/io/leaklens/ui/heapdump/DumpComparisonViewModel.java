package io.leaklens.ui.heapdump;

import io.leaklens.model.ByteSize;
import io.leaklens.model.ClassNames;
import io.leaklens.model.HeapDumpComparison;
import io.leaklens.model.RetainedClassDelta;
import io.leaklens.session.OpenedHeapDump;
import io.leaklens.ui.Failures;
import io.leaklens.ui.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;

/**
 * An opened heap dump compared by class with another dump of the same program (before and after a fix, now and an
 * hour ago): which classes gained instances and retained bytes. The other dump is read in the background.
 */
public final class DumpComparisonViewModel {

    private final OpenedHeapDump dump;
    private final UiExecutor executor;
    private final ObservableList<RetainedClassDelta> classes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Compare this dump with another of the same program: which classes grew, and what they retain.");

    public DumpComparisonViewModel(OpenedHeapDump dump, UiExecutor executor) {
        this.dump = dump;
        this.executor = executor;
    }

    /** Reads {@code other} and compares; the older file of the two is "before". */
    public void compareWith(Path other) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        status.set("Reading " + other.getFileName() + " …");
        executor.submit(() -> dump.compareWith(other)).whenComplete((comparison, failure) -> {
            busy.set(false);
            if (failure != null) {
                status.set("Could not compare: " + Failures.message(failure));
            } else {
                classes.setAll(comparison.classes());
                status.set(summary(comparison));
            }
        });
    }

    /**
     * Which dumps, how many classes retain more, and the class that gained most instances (the program's own first):
     * retained growth alone puts the containers (Object[], the list) above what piles up in them.
     */
    static String summary(HeapDumpComparison comparison) {
        long grew = comparison.classes().stream().filter(c -> c.retainedDelta() > 0).count();
        Comparator<RetainedClassDelta> byGain = Comparator.comparing((RetainedClassDelta c) -> !ClassNames.isJdk(
                c.className())).thenComparingLong(RetainedClassDelta::instancesDelta);
        String most = comparison.classes().stream().filter(c -> c.instancesDelta() > 0).max(byGain)
                .map(c -> String.format(Locale.ROOT, " Most instances gained: %s, %+,d (%s more retained).",
                        c.className(), c.instancesDelta(), ByteSize.format(c.retainedDelta()))).orElse("");
        return String.format(Locale.ROOT, "%s → %s: %,d classes retain more than before.%s", comparison.before(),
                comparison.after(), grew, most);
    }

    /** Every class of either dump, by retained growth, largest first. */
    public ObservableList<RetainedClassDelta> classes() {
        return classes;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Which dumps are compared and what grew most; what is being read; or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
