package io.leaklens.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The menus from their layout: every action with its shortcut, session actions greyed out while no session is
 * shown, the theme switched from the View menu.
 */
@ExtendWith(ApplicationExtension.class)
class AppMenuFxTest {

    private MainViewModel model;
    private MainView view;
    private AppMenu menu;
    private final List<String> shown = new java.util.ArrayList<>();

    @Start
    void start(Stage stage) {
        model = TestScenes.mainViewModel();
        view = new MainView(model);
        menu = new AppMenu(model, view, stage::close, shown::add);
        BorderPane root = new BorderPane(view);
        root.setTop(menu);
        TestScenes.show(stage, root, 1280, 800);
    }

    @Stop
    void stop() {
        menu.dispose();
        view.dispose();
    }

    @Test
    void everyActionHasItsShortcutAndSessionActionsWaitForASession(FxRobot robot) {
        Map<String, MenuItem> items = items(robot.lookup("#app-menu").queryAs(MenuBar.class).getMenus());

        assertThat(items.keySet()).contains("Open file…", "Take snapshot", "Find suspect in heap dump…",
                "Dark theme", "Keyboard shortcuts", "No recent files");
        assertThat(items.get("Open file…").getAccelerator())
                .isEqualTo(javafx.scene.input.KeyCombination.keyCombination("Shortcut+O"));
        assertThat(items.get("Find suspect in heap dump…").getAccelerator())
                .isEqualTo(javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+H"));
        assertThat(items.get("Open file…").isDisable()).isFalse();
        for (String needsSession : List.of("Take snapshot", "Refresh old objects", "Find suspect in heap dump…",
                "Close tab", "Leak suspects", "Reference graph", "Find in graph")) {
            assertThat(items.get(needsSession).isDisable()).as(needsSession).isTrue();
        }
        assertThat(items.get("No recent files").isDisable()).isTrue();

        robot.interact(() -> items.get("Open log folder").fire());
        assertThat(shown).containsExactly(io.leaklens.session.Logs.folder().toUri().toString());

        // A click on a check item flips its selection (the menu's skin does it; fire() alone would not).
        javafx.scene.control.CheckMenuItem dark = (javafx.scene.control.CheckMenuItem) items.get("Dark theme");
        robot.interact(() -> dark.setSelected(true));
        assertThat(model.themeProperty().get()).isEqualTo(Theme.DARK);
        robot.interact(() -> dark.setSelected(false));
        assertThat(model.themeProperty().get()).isEqualTo(Theme.LIGHT);
    }

    /** Every item of the menus and their submenus, by its text. */
    private static Map<String, MenuItem> items(List<Menu> menus) {
        return menus.stream().flatMap(menu -> menu.getItems().stream()
                        .flatMap(item -> item instanceof Menu sub ? sub.getItems().stream() : java.util.stream.Stream.of(item)))
                .filter(item -> item.getText() != null)
                .collect(Collectors.toMap(MenuItem::getText, item -> item, (a, b) -> a));
    }
}
