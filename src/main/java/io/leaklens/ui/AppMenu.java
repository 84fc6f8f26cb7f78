package io.leaklens.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

import java.nio.file.Path;

/**
 * The window's menus: every common action with its shortcut, so that both can be found without reading anything
 * but the screen. Session actions work on the session shown and are greyed out when there is none.
 */
final class AppMenu extends MenuBar {

    private final MainViewModel model;
    private final MainView view;
    private final Menu recent = new Menu("Open recent");
    private final ListChangeListener<Path> recentListener = change -> fillRecent();

    AppMenu(MainViewModel model, MainView view, Runnable quit) {
        this.model = model;
        this.view = view;
        setId("app-menu");
        getMenus().addAll(file(quit), session(), viewMenu(), help());
        model.recentFiles().addListener(recentListener);
        fillRecent();
    }

    private Menu file(Runnable quit) {
        MenuItem open = item("Open file…", "Shortcut+O", () -> OpenFileDialog.show(getScene().getWindow())
                .ifPresent(model::open));
        open.setId("menu-open");
        MenuItem demo = item("Launch demo app", null, () -> model.picker().launchDemo());
        demo.disableProperty().bind(model.picker().busyProperty());
        MenuItem close = item("Close tab", "Shortcut+W", () -> {
            if (model.currentProperty().get() != null) {
                model.close(model.currentProperty().get());
            }
        });
        close.disableProperty().bind(model.hasSessionProperty().not());
        MenuItem exit = item("Quit", "Shortcut+Q", quit);
        return new Menu("File", null, open, recent, new SeparatorMenuItem(), demo, close, new SeparatorMenuItem(),
                exit);
    }

    private Menu session() {
        MenuItem take = item("Take snapshot", "Shortcut+Shift+S", model::takeSnapshot);
        take.setId("menu-take-snapshot");
        take.disableProperty().bind(model.liveProperty().not());
        MenuItem compare = item("Compare with previous snapshot", "Shortcut+D", () -> {
            view.showCurrentTab("tab-snapshots");
            model.compareLatest();
        });
        compare.disableProperty().bind(model.hasSessionProperty().not());
        MenuItem refresh = item("Refresh old objects", "Shortcut+R", model::refreshOldObjects);
        refresh.disableProperty().bind(model.liveProperty().not());
        MenuItem graph = item("Reference graph", "Shortcut+G", () -> view.showCurrentTab("tab-graph"));
        graph.disableProperty().bind(model.hasSessionProperty().not());
        MenuItem find = item("Find in graph", "Shortcut+F", view::findInGraph);
        find.disableProperty().bind(model.hasSessionProperty().not());
        MenuItem leaks = item("Leak suspects", "Shortcut+L", () -> view.showCurrentTab("tab-leaks"));
        leaks.disableProperty().bind(model.hasSessionProperty().not());
        MenuItem inDump = item("Find suspect in heap dump…", "Shortcut+Shift+H", view::findInHeapDump);
        inDump.setId("menu-find-in-heap-dump");
        inDump.disableProperty().bind(model.liveProperty().not());
        return new Menu("Session", null, take, compare, refresh, new SeparatorMenuItem(), leaks, graph, find,
                inDump);
    }

    private Menu viewMenu() {
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("menu-dark-theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+T"));
        dark.setSelected(model.themeProperty().get() == Theme.DARK);
        dark.selectedProperty().addListener((obs, old, on) -> model.themeProperty().set(on ? Theme.DARK : Theme.LIGHT));
        return new Menu("View", null, dark);
    }

    private Menu help() {
        MenuItem keys = item("Keyboard shortcuts", "F1", this::showShortcuts);
        MenuItem about = item("About LeakLens", null, () -> info("About LeakLens", "LeakLens " + version(),
                "A memory-leak profiler for the JVM: watch a JVM live, find what leaks and what keeps it alive, "
                        + "compare snapshots to prove the fix."));
        return new Menu("Help", null, keys, about);
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
            recent.getItems().add(item(file.getFileName() + "  —  " + file.getParent(), null, () -> model.open(file)));
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private static MenuItem item(String text, String shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (shortcut != null) {
            item.setAccelerator(KeyCombination.keyCombination(shortcut));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    void dispose() {
        model.recentFiles().removeListener(recentListener);
    }
}
