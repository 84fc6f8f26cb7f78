package io.leaklens.ui.leaks;

import io.leaklens.model.ByteSize;
import io.leaklens.model.HeapDumpForecast;
import io.leaklens.model.InstancesInDump;
import io.leaklens.model.PredictedPause;
import io.leaklens.ui.UiExecutor;
import io.leaklens.ui.heapdump.InstancesText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * "Find in heap dump" for a live suspect: the samples give a class and where it is allocated, and often a path;
 * a heap dump gives exactly who holds its instances and what goes with them. The user is asked first (the target
 * stops while it writes the dump, and the file holds the program's data), then the dump is taken, indexed and
 * searched in the background; what it says about each class is kept for the suspect's details.
 */
public final class HeapDumpLookup {

    /** Takes a dump of the target into {@code file}, reads it and finds the class: on a background thread. */
    @FunctionalInterface
    public interface Finder {
        InstancesInDump find(String className, Path file) throws Exception;
    }

    private final UiExecutor executor;
    private final Finder finder;
    private final LongSupplier liveBytes;
    private final Path file;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableMap<String, String> found = FXCollections.observableHashMap();

    /**
     * @param liveBytes the target's live set after its latest collection (for the forecast), or -1 when unknown
     * @param file      where the dump goes; each lookup replaces it
     */
    public HeapDumpLookup(UiExecutor executor, Finder finder, LongSupplier liveBytes, Path file) {
        this.executor = executor;
        this.finder = finder;
        this.liveBytes = liveBytes;
        this.file = file;
    }

    /** What the user is asked before the dump is taken: what it costs the target and where the file goes. */
    public String question(String className) {
        long live = liveBytes.getAsLong();
        String cost = live < 0 ? "The JVM stops while it writes the dump (about 2 ms per MB of live heap)."
                : String.format(Locale.ROOT, "The JVM writes about %s and stops for about %s while it does.",
                ByteSize.format(HeapDumpForecast.of(live).fileBytes()),
                PredictedPause.approximately(HeapDumpForecast.of(live).pause()));
        return "Find " + className + " in a heap dump of the JVM? " + cost + " The dump goes to " + file
                + "; it holds the program's data (strings, field values): delete it when you are done.";
    }

    /** Takes the dump and finds the class in it; one lookup at a time. */
    public void find(String className) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        status.set("Writing and indexing a heap dump to find " + className + " …");
        executor.submit(() -> finder.find(className, file)).whenComplete((instances, failure) -> {
            busy.set(false);
            if (failure != null) {
                status.set("No heap dump: " + io.leaklens.ui.Failures.message(failure));
            } else {
                status.set("");
                found.put(className, describe(instances, file));
            }
        });
    }

    /** What the dump said of each class looked up, by class name. */
    public ObservableMap<String, String> found() {
        return found;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the lookup is doing, or why it failed; empty when idle. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    static String describe(InstancesInDump in, Path file) {
        return InstancesText.describe(in, "In the heap dump " + file + ": ");
    }
}
