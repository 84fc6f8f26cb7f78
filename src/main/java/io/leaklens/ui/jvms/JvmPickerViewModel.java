package io.leaklens.ui.jvms;

import io.leaklens.model.JvmInfo;
import io.leaklens.session.LiveSession;
import io.leaklens.session.SessionException;
import io.leaklens.ui.Failures;
import io.leaklens.ui.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The JVM picker: the list of local JVMs (refreshed on request, in the background), a filter, the selection, and
 * the commands to connect to the selected JVM or to launch and connect to the built-in demo.
 */
public final class JvmPickerViewModel {

    /** Connects to a pid; slow, called off the FX thread. */
    @FunctionalInterface
    public interface Connector {
        LiveSession connect(long pid) throws SessionException;
    }

    /** Starts the demo JVM; called off the FX thread. */
    @FunctionalInterface
    public interface DemoStarter {
        Process start() throws SessionException;
    }

    private static final Duration DEMO_START_TIMEOUT = Duration.ofSeconds(15);

    private final Supplier<List<JvmInfo>> lister;
    private final Connector connector;
    private final DemoStarter demoStarter;
    private final Consumer<LiveSession> onConnected;
    private final UiExecutor executor;

    private final ObservableList<JvmInfo> all = FXCollections.observableArrayList();
    private final FilteredList<JvmInfo> shown = new FilteredList<>(all);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<JvmInfo> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");
    private final ReadOnlyBooleanWrapper listed = new ReadOnlyBooleanWrapper(this, "listed");
    private final BooleanBinding canConnect;
    private final List<Process> demos = new ArrayList<>();
    private boolean refreshing;
    private List<String> recentTargets = List.of();
    private io.leaklens.ui.Notices notices = new io.leaklens.ui.Notices();
    /** Counts the picker's long tasks; a task whose number is no longer current was cancelled. */
    private long task;
    private Consumer<java.nio.file.Path> fileOpened = file -> { };
    private Consumer<io.leaklens.model.SessionState> recordingOpened = state -> { };
    private Consumer<io.leaklens.session.OpenedHeapDump> heapDumpOpened = dump -> { };
    /** Classes and objects a heap dump's tab lists: enough to filter in, few enough to sort at once. */
    static final int HEAP_DUMP_ROWS = 1_000;
    private java.util.function.BiConsumer<io.leaklens.model.Snapshot, java.nio.file.Path> snapshotOpened =
            (snapshot, file) -> { };

    public JvmPickerViewModel(Supplier<List<JvmInfo>> lister, Connector connector, DemoStarter demoStarter,
                              Consumer<LiveSession> onConnected, UiExecutor executor) {
        this.lister = lister;
        this.connector = connector;
        this.demoStarter = demoStarter;
        this.onConnected = onConnected;
        this.executor = executor;
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> matcher(filter.get()), filter));
        canConnect = Bindings.createBooleanBinding(
                () -> selected.get() != null && selected.get().attachable() && !busy.get(), selected, busy);
    }

    private static java.util.function.Predicate<JvmInfo> matcher(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return jvm -> true;
        }
        return jvm -> jvm.displayName().toLowerCase(Locale.ROOT).contains(needle)
                || Long.toString(jvm.pid()).contains(needle)
                || jvm.commandLine().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** The JVMs that match the filter, in name order. */
    public ObservableList<JvmInfo> jvms() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<JvmInfo> selectedProperty() {
        return selected;
    }

    /** True while connecting or launching the demo. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Progress or the last failure, one sentence; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} tells of a failure. */
    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True once the first listing has come back (before that, an empty list means "looking"). */
    public ReadOnlyBooleanProperty listedProperty() {
        return listed.getReadOnlyProperty();
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }

    /** Lists the JVMs again, in the background; a refresh still running makes this one a no-op. */
    public void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        executor.submit(lister::get).whenComplete((jvms, failure) -> {
            refreshing = false;
            if (failure == null) {
                update(jvms);
                listed.set(true);
            }
        });
    }

    /** Updates the list in place so that the selection survives a refresh. */
    private void update(List<JvmInfo> jvms) {
        all.removeIf(old -> !jvms.contains(old));
        for (int i = 0; i < jvms.size(); i++) {
            JvmInfo jvm = jvms.get(i);
            int at = all.indexOf(jvm);
            if (at < 0) {
                all.add(Math.min(i, all.size()), jvm);
            }
        }
        // JVMs watched before come first, the latest on top; the rest keep the lister's order.
        all.sort(java.util.Comparator.comparingInt((JvmInfo jvm) -> recency(jvm))
                .thenComparingInt(jvms::indexOf));
    }

    private int recency(JvmInfo jvm) {
        int at = recentTargets.indexOf(jvm.displayName());
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    /** The display names of JVMs watched in earlier runs, the latest first: they are listed first. */
    public void setRecentTargets(List<String> names) {
        recentTargets = List.copyOf(names);
        update(List.copyOf(all));
    }

    /** Whether a JVM of that name was watched before. */
    public boolean isRecent(JvmInfo jvm) {
        return recentTargets.contains(jvm.displayName());
    }

    /** Connects to the selected JVM. */
    public void connect() {
        JvmInfo jvm = selected.get();
        if (jvm == null || busy.get()) {
            return;
        }
        if (!jvm.attachable()) {
            fail("JVM " + jvm.pid() + " does not accept attach: it was started with -XX:+DisableAttachMechanism");
            return;
        }
        connect(jvm.pid(), jvm.displayName());
    }

    private void connect(long pid, String name) {
        long ticket = begin("Connecting to " + name + " (pid " + pid + ") …");
        executor.submit(() -> connector.connect(pid)).whenComplete((session, failure) -> {
            if (ticket != task) {
                if (session != null) {
                    session.close(); // cancelled while attaching: detach again at once
                }
                return;
            }
            busy.set(false);
            if (failure != null) {
                fail(Failures.sentence(failure), failure);
            } else {
                message.set("");
                onConnected.accept(session);
            }
        });
    }

    /** Where an opened snapshot file goes. */
    public void onSnapshotOpened(java.util.function.BiConsumer<io.leaklens.model.Snapshot, java.nio.file.Path> consumer) {
        this.snapshotOpened = consumer;
    }

    /** Told of each file opened without error (for the recent files). */
    public void onFileOpened(Consumer<java.nio.file.Path> consumer) {
        this.fileOpened = consumer;
    }

    /** Where an opened heap dump goes. */
    public void onHeapDumpOpened(Consumer<io.leaklens.session.OpenedHeapDump> consumer) {
        this.heapDumpOpened = consumer;
    }

    /** Where an opened recording goes. */
    public void onRecordingOpened(Consumer<io.leaklens.model.SessionState> consumer) {
        this.recordingOpened = consumer;
    }

    /**
     * Opens a file in the background: a snapshot ({@code .llsnap}) goes to the snapshot list of a tab of its own,
     * a heap dump (known by its first bytes) is indexed and shown in a tab of its own, a JFR recording is analysed
     * and shown like a finished session.
     */
    public void openRecording(java.nio.file.Path file) {
        if (file.getFileName().toString().endsWith(io.leaklens.store.SnapshotFile.EXTENSION)) {
            open(file, () -> io.leaklens.store.SnapshotFile.read(file), snapshot -> snapshotOpened.accept(snapshot,
                    file));
        } else {
            // Whether it is a heap dump is read from its first bytes: in the background, never on the FX thread.
            open(file, () -> io.leaklens.session.HeapDumpAnalysis.isHeapDump(file)
                    ? io.leaklens.session.HeapDumpAnalysis.open(file, HEAP_DUMP_ROWS)
                    : io.leaklens.session.RecordingAnalysis.read(file), opened -> {
                if (opened instanceof io.leaklens.session.OpenedHeapDump dump) {
                    heapDumpOpened.accept(dump);
                } else {
                    recordingOpened.accept((io.leaklens.model.SessionState) opened);
                }
            });
        }
    }

    private <T> void open(java.nio.file.Path file, java.util.concurrent.Callable<T> read, Consumer<T> opened) {
        if (busy.get()) {
            return;
        }
        long ticket = begin("Reading " + file.getFileName() + " …");
        executor.submit(read).whenComplete((value, failure) -> {
            if (ticket != task) {
                return; // cancelled: the reading is thrown away
            }
            busy.set(false);
            if (failure != null) {
                fail(Failures.sentence(failure), failure);
            } else {
                message.set("");
                fileOpened.accept(file);
                opened.accept(value);
            }
        });
    }

    /** Starts the built-in demo in its own JVM and connects to it as soon as it is up. */
    public void launchDemo() {
        if (busy.get()) {
            return;
        }
        long ticket = begin("Starting the demo shop …");
        executor.submit(() -> {
            Process demo = demoStarter.start();
            synchronized (demos) {
                demos.add(demo);
            }
            awaitListed(demo);
            return demo;
        }).whenComplete((demo, failure) -> {
            if (ticket != task) {
                return; // cancelled: the demo runs on, listed in the picker, until LeakLens closes
            }
            busy.set(false);
            if (failure != null) {
                fail(Failures.sentence(failure), failure);
            } else {
                refresh();
                connect(demo.pid(), "the demo shop");
            }
        });
    }

    /** The attach API sees a new JVM only once it has published its performance data. */
    private void awaitListed(Process demo) throws SessionException, InterruptedException {
        long deadline = System.nanoTime() + DEMO_START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!demo.isAlive()) {
                throw new SessionException("the demo exited at once (exit code " + demo.exitValue() + ")");
            }
            if (lister.get().stream().anyMatch(j -> j.pid() == demo.pid())) {
                return;
            }
            Thread.sleep(150);
        }
        throw new SessionException("the demo did not come up within " + DEMO_START_TIMEOUT.toSeconds() + " s");
    }

    private long begin(String text) {
        busy.set(true);
        error.set(false);
        message.set(text);
        return ++task;
    }

    /**
     * Gives up waiting for the connection or the file being read: the picker is free at once, and what arrives
     * later is thrown away (a session is closed).
     */
    public void cancel() {
        if (busy.get()) {
            task++;
            busy.set(false);
            error.set(false);
            message.set("Cancelled.");
        }
    }

    private void fail(String text) {
        fail(text, null);
    }

    private void fail(String text, Throwable cause) {
        error.set(true);
        message.set(text);
        if (cause != null) {
            notices.report(text, cause);
        }
    }

    /** Where failures are told besides the picker's own line. */
    public void setNotices(io.leaklens.ui.Notices notices) {
        this.notices = notices;
    }

    /** Stops the demos this picker started: they are LeakLens's children and must not outlive it. */
    public void dispose() {
        shown.predicateProperty().unbind();
        synchronized (demos) {
            demos.forEach(Process::destroy);
            demos.clear();
        }
    }
}
