package io.leaklens.ui;

import io.leaklens.ui.heap.HeapView;
import io.leaklens.ui.jvms.JvmPickerView;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The window's content: the JVM picker on the left, one tab per watched JVM on the right, and an empty state that
 * says what to do while no JVM is watched.
 */
public final class MainView extends SplitPane {

    private final MainViewModel model;
    private final JvmPickerView picker;
    private final Map<SessionViewModel, Tab> tabsBySession = new HashMap<>();
    private final Map<SessionViewModel, SessionView> viewsBySession = new HashMap<>();
    private final ListChangeListener<SessionViewModel> sessionsListener = this::sessionsChanged;
    private final ChangeListener<SessionViewModel> currentListener = (obs, old, session) -> select(session);
    private final ChangeListener<Tab> tabListener = (obs, old, tab) -> tabChosen(tab);

    @FXML private StackPane pickerPane;
    @FXML private VBox emptyState;
    @FXML private Button launchDemo;
    @FXML private TabPane tabs;

    public MainView(MainViewModel model) {
        this.model = model;
        Fxml.load(this);
        picker = new JvmPickerView(model.picker());
        pickerPane.getChildren().add(picker);
        emptyState.visibleProperty().bind(Bindings.isEmpty(tabs.getTabs()));
        tabs.visibleProperty().bind(emptyState.visibleProperty().not());
        launchDemo.disableProperty().bind(model.picker().busyProperty());
        launchDemo.setOnAction(e -> model.picker().launchDemo());
        setDividerPositions(model.settings().pickerDivider(0.24)); // where the user left it last time

        model.sessions().addListener(sessionsListener);
        model.currentProperty().addListener(currentListener);
        tabs.getSelectionModel().selectedItemProperty().addListener(tabListener);
        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
        picker.startRefreshing();
    }

    /** Files dragged onto the window open as File → Open opens them: snapshots, recordings, heap dumps. */
    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dropped(DragEvent event) {
        boolean files = event.getDragboard().hasFiles();
        if (files) {
            open(event.getDragboard().getFiles());
        }
        event.setDropCompleted(files);
        event.consume();
    }

    /** Opens dropped files, each in its own tab. */
    void open(List<File> files) {
        model.openAll(files.stream().map(File::toPath).toList());
    }

    private void tabChosen(Tab tab) {
        if (tab != null) {
            model.currentProperty().set((SessionViewModel) tab.getUserData());
        }
    }

    private void sessionsChanged(ListChangeListener.Change<? extends SessionViewModel> change) {
        while (change.next()) {
            for (SessionViewModel removed : change.getRemoved()) {
                Tab tab = tabsBySession.remove(removed);
                SessionView view = viewsBySession.remove(removed);
                if (view != null) {
                    view.dispose();
                }
                if (tab != null) {
                    tabs.getTabs().remove(tab);
                }
            }
            for (SessionViewModel added : change.getAddedSubList()) {
                SessionView view = new SessionView(added);
                Tab tab = new Tab(added.title(), view);
                tab.setUserData(added);
                tab.setOnClosed(e -> model.close(added));
                tabsBySession.put(added, tab);
                viewsBySession.put(added, view);
                tabs.getTabs().add(tab);
            }
        }
    }

    private void select(SessionViewModel session) {
        Tab tab = tabsBySession.get(session);
        if (tab != null) {
            tabs.getSelectionModel().select(tab);
        }
    }

    /** Shows a tab (by its id) of the session shown. */
    void showCurrentTab(String tabId) {
        SessionView view = viewsBySession.get(model.currentProperty().get());
        if (view != null) {
            view.showTab(tabId);
        }
    }

    /** Goes to the session's reference graph with the cursor in its search field. */
    void findInGraph() {
        SessionView view = viewsBySession.get(model.currentProperty().get());
        if (view != null) {
            view.findInGraph();
        }
    }

    /** Finds the current session's selected leak suspect in a heap dump of its JVM, after asking. */
    void findInHeapDump() {
        SessionView view = viewsBySession.get(model.currentProperty().get());
        if (view != null) {
            view.findInHeapDump();
        }
    }

    public HeapView heapView(SessionViewModel session) {
        SessionView view = viewsBySession.get(session);
        return view == null ? null : view.heap();
    }

    public void dispose() {
        if (getDividerPositions().length > 0) {
            model.settings().setPickerDivider(getDividerPositions()[0]);
        }
        picker.dispose();
        model.sessions().removeListener(sessionsListener);
        model.currentProperty().removeListener(currentListener);
        tabs.getSelectionModel().selectedItemProperty().removeListener(tabListener);
        viewsBySession.values().forEach(SessionView::dispose);
        viewsBySession.clear();
        model.dispose();
    }
}
