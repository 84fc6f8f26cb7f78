package io.leaklens.ui;

import io.leaklens.session.DemoLauncher;
import io.leaklens.session.LiveSession;
import io.leaklens.session.LocalJvms;
import io.leaklens.ui.jvms.JvmPickerViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The app's top level: the picker and the open sessions. Connecting to a JVM already open selects its session
 * instead of opening a second one.
 */
public final class MainViewModel {

    private final UiExecutor executor;
    private final JvmPickerViewModel picker;
    private final ObservableList<SessionViewModel> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<SessionViewModel> current = new SimpleObjectProperty<>(this, "current");
    private final UserSettings settings;
    private final Notices notices = new Notices();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final BooleanBinding hasSession = Bindings.isNotNull(current);
    /** Files waiting to be opened: the picker reads one at a time. */
    private final ArrayDeque<Path> toOpen = new ArrayDeque<>();
    private final ChangeListener<Boolean> pickerIdle = (obs, was, busy) -> openNext();
    private final BooleanBinding live = Bindings.createBooleanBinding(
            () -> current.get() != null && current.get().live(), current);

    public MainViewModel(UiExecutor executor) {
        this(executor, LiveSession::connect, UserSettings.forUser());
    }

    MainViewModel(UiExecutor executor, JvmPickerViewModel.Connector connector, UserSettings settings) {
        this.executor = executor;
        this.settings = settings;
        theme.set(settings.theme());
        theme.addListener((obs, old, value) -> settings.setTheme(value));
        recentFiles.setAll(settings.recentFiles());
        LocalJvms jvms = new LocalJvms();
        this.picker = new JvmPickerViewModel(jvms::list, connector,
                () -> DemoLauncher.start(Duration.ZERO, false), this::opened, executor);
        this.picker.onRecordingOpened(this::openedRecording);
        this.picker.onSnapshotOpened(this::openedSnapshot);
        this.picker.onHeapDumpOpened(this::openedHeapDump);
        this.picker.busyProperty().addListener(pickerIdle);
        this.picker.onFileOpened(file -> {
            settings.addRecentFile(file);
            recentFiles.setAll(settings.recentFiles());
        });
        this.picker.setRecentTargets(settings.recentTargets());
        this.picker.setNotices(notices);
        sessions.addListener((javafx.collections.ListChangeListener<SessionViewModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(session -> session.setNotices(notices));
            }
        });
    }

    /** Where failures of background work are told. */
    public Notices notices() {
        return notices;
    }

    /** Opens a snapshot or a recording; a recent file that is gone leaves the list. */
    public void open(Path file) {
        if (!java.nio.file.Files.exists(file) && recentFiles.contains(file)) {
            settings.removeRecentFile(file);
            recentFiles.setAll(settings.recentFiles());
        }
        picker.openRecording(file);
    }

    /** Opens several files (dropped on the window), one after the other, each in its own tab. */
    public void openAll(List<Path> files) {
        toOpen.addAll(files);
        openNext();
    }

    private void openNext() {
        if (!picker.busyProperty().get() && !toOpen.isEmpty()) {
            open(toOpen.poll());
        }
    }

    /** Takes a snapshot of the current live session. */
    public void takeSnapshot() {
        if (live.get()) {
            current.get().snapshots().take();
        }
    }

    /** Compares the current session's latest snapshot with the one before it. */
    public void compareLatest() {
        SessionViewModel session = current.get();
        if (session != null && !session.snapshots().snapshots().isEmpty()) {
            var latest = session.snapshots().snapshots().getLast();
            if (session.snapshots().hasPrevious(latest)) {
                session.snapshots().compareWithPrevious(latest);
            }
        }
    }

    /** Asks the current live session's target for its old objects now. */
    public void refreshOldObjects() {
        if (live.get()) {
            current.get().oldObjects().refresh();
        }
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Files opened lately, the latest first. */
    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    public BooleanBinding hasSessionProperty() {
        return hasSession;
    }

    public BooleanBinding liveProperty() {
        return live;
    }

    /** Remembers the window's size for the next run. */
    public void rememberWindow(double width, double height, boolean maximized) {
        settings.setWindow(width, height, maximized);
    }

    public UserSettings settings() {
        return settings;
    }

    /** Shows a recording read from a file in a tab of its own. */
    public void openedRecording(io.leaklens.model.SessionState recording) {
        SessionViewModel model = SessionViewModel.ofRecording(recording, executor);
        sessions.add(model);
        current.set(model);
    }

    /** Shows a heap dump in a tab of its own. */
    public void openedHeapDump(io.leaklens.session.OpenedHeapDump dump) {
        SessionViewModel model = SessionViewModel.ofHeapDump(dump, executor);
        sessions.add(model);
        current.set(model);
    }

    /** Shows a snapshot file in a tab of its own, its snapshot list ready to compare with others. */
    public void openedSnapshot(io.leaklens.model.Snapshot snapshot, java.nio.file.Path file) {
        SessionViewModel model = SessionViewModel.ofSnapshot(snapshot, file, executor);
        sessions.add(model);
        current.set(model);
    }

    private void opened(LiveSession session) {
        settings.addRecentTarget(session.target().displayName());
        picker.setRecentTargets(settings.recentTargets());
        for (SessionViewModel open : sessions) {
            if (open.live() && open.pid() == session.target().pid() && open.heap().connectedProperty().get()) {
                session.close();
                current.set(open);
                return;
            }
        }
        SessionViewModel model = new SessionViewModel(session, executor);
        sessions.add(model);
        current.set(model);
    }

    public JvmPickerViewModel picker() {
        return picker;
    }

    public ObservableList<SessionViewModel> sessions() {
        return sessions;
    }

    /** The session shown; the view and the model keep it in step with the selected tab. */
    public ObjectProperty<SessionViewModel> currentProperty() {
        return current;
    }

    public void close(SessionViewModel session) {
        sessions.remove(session);
        session.dispose();
    }

    public void dispose() {
        picker.busyProperty().removeListener(pickerIdle);
        toOpen.clear();
        for (SessionViewModel session : sessions.toArray(SessionViewModel[]::new)) {
            close(session);
        }
        picker.dispose();
        executor.close();
    }
}
