package io.leaklens.ui;

import io.leaklens.session.Logs;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The window's menus: every common action with its shortcut, so that both can be found without reading anything
 * but the screen. Session actions work on the session shown and are greyed out when there is none.
 */
final class AppMenu extends MenuBar {

    private final MainViewModel model;
    private final ListChangeListener<Path> recentListener = change -> fillRecent();

    @FXML private MenuItem open;
    @FXML private Menu recent;
    @FXML private MenuItem demo;
    @FXML private MenuItem close;
    @FXML private MenuItem quit;
    @FXML private MenuItem takeSnapshot;
    @FXML private MenuItem compare;
    @FXML private MenuItem refresh;
    @FXML private MenuItem leaks;
    @FXML private MenuItem graph;
    @FXML private MenuItem findInGraph;
    @FXML private MenuItem findInHeapDump;
    @FXML private CheckMenuItem dark;
    @FXML private MenuItem shortcuts;
    @FXML private MenuItem logFolder;
    @FXML private MenuItem about;

    /** {@code show} opens a folder or a page in the desktop's own application (the app's host services). */
    AppMenu(MainViewModel model, MainView view, Runnable exit, Consumer<String> show) {
        this.model = model;
        Fxml.load(this);
        open.setOnAction(e -> OpenFileDialog.show(getScene().getWindow()).ifPresent(model::open));
        demo.setOnAction(e -> model.picker().launchDemo());
        demo.disableProperty().bind(model.picker().busyProperty());
        close.setOnAction(e -> {
            if (model.currentProperty().get() != null) {
                model.close(model.currentProperty().get());
            }
        });
        quit.setOnAction(e -> exit.run());

        takeSnapshot.setOnAction(e -> model.takeSnapshot());
        compare.setOnAction(e -> {
            view.showCurrentTab("tab-snapshots");
            model.compareLatest();
        });
        refresh.setOnAction(e -> model.refreshOldObjects());
        leaks.setOnAction(e -> view.showCurrentTab("tab-leaks"));
        graph.setOnAction(e -> view.showCurrentTab("tab-graph"));
        findInGraph.setOnAction(e -> view.findInGraph());
        findInHeapDump.setOnAction(e -> view.findInHeapDump());
        for (MenuItem live : List.of(takeSnapshot, refresh, findInHeapDump)) {
            live.disableProperty().bind(model.liveProperty().not());
        }
        for (MenuItem session : List.of(close, compare, leaks, graph, findInGraph)) {
            session.disableProperty().bind(model.hasSessionProperty().not());
        }

        dark.setSelected(model.themeProperty().get() == Theme.DARK);
        dark.selectedProperty().addListener((obs, old, on) -> model.themeProperty().set(on ? Theme.DARK : Theme.LIGHT));
        shortcuts.setOnAction(e -> showShortcuts());
        // The log of what LeakLens recovered from and what it told: the file a bug report needs.
        logFolder.setOnAction(e -> show.accept(Logs.folder().toUri().toString()));
        about.setOnAction(e -> info("About LeakLens", "LeakLens " + version(), "A memory-leak profiler for the JVM: "
                + "watch a JVM live, find what leaks and what keeps it alive, compare snapshots to prove the fix."));
        model.recentFiles().addListener(recentListener);
        fillRecent();
    }

    private static String version() {
        String version = AppMenu.class.getPackage().getImplementationVersion();
        return (version == null ? "development build" : version) + " on Java " + Runtime.version();
    }

    private void showShortcuts() {
        info("Keyboard shortcuts", "Keyboard shortcuts", String.join("\n",
                "Ctrl+O\tOpen a snapshot, a recording or a heap dump (or drop it on the window)",
                "Ctrl+Shift+S\tTake a snapshot",
                "Ctrl+D\tCompare with the previous snapshot",
                "Ctrl+R\tRefresh old objects",
                "Ctrl+L\tLeak suspects",
                "Ctrl+Shift+H\tFind the selected suspect in a heap dump of the JVM",
                "Ctrl+G\tReference graph",
                "Ctrl+F\tFind a class in the graph (Enter: next)",
                "In the graph: drag to move, wheel or +/- to zoom, 0 to fit, P path to GC root, Space open/close",
                "Ctrl+W\tClose the tab",
                "Ctrl+Shift+T\tDark or light theme"));
    }

    private void info(String title, String header, String text) {
        // Not modal: the app goes on updating behind it.
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text);
        alert.initModality(javafx.stage.Modality.NONE);
        alert.initOwner(getScene().getWindow());
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.show();
    }

    private void fillRecent() {
        recent.getItems().clear();
        for (Path file : model.recentFiles()) {
            MenuItem item = new MenuItem(file.getFileName() + "  —  " + file.getParent());
            item.setOnAction(e -> model.open(file));
            recent.getItems().add(item);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    void dispose() {
        model.recentFiles().removeListener(recentListener);
    }
}
