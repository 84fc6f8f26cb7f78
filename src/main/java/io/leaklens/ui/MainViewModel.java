package io.leaklens.ui;

import io.leaklens.session.DemoLauncher;
import io.leaklens.session.LiveSession;
import io.leaklens.session.LocalJvms;
import io.leaklens.ui.jvms.JvmPickerViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;

/**
 * The app's top level: the picker and the open sessions. Connecting to a JVM already open selects its session
 * instead of opening a second one.
 */
public final class MainViewModel {

    private final UiExecutor executor;
    private final JvmPickerViewModel picker;
    private final ObservableList<SessionViewModel> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<SessionViewModel> current = new SimpleObjectProperty<>(this, "current");

    public MainViewModel(UiExecutor executor) {
        this(executor, LiveSession::connect);
    }

    MainViewModel(UiExecutor executor, JvmPickerViewModel.Connector connector) {
        this.executor = executor;
        LocalJvms jvms = new LocalJvms();
        this.picker = new JvmPickerViewModel(jvms::list, connector,
                () -> DemoLauncher.start(Duration.ZERO, false), this::opened, executor);
        this.picker.onRecordingOpened(this::openedRecording);
        this.picker.onSnapshotOpened(this::openedSnapshot);
    }

    /** Shows a recording read from a file in a tab of its own. */
    public void openedRecording(io.leaklens.model.SessionState recording) {
        SessionViewModel model = SessionViewModel.ofRecording(recording, executor);
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
        for (SessionViewModel session : sessions.toArray(SessionViewModel[]::new)) {
            close(session);
        }
        picker.dispose();
        executor.close();
    }
}
