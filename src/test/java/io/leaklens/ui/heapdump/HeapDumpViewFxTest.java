package io.leaklens.ui.heapdump;

import atlantafx.base.theme.PrimerLight;
import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.heapdump.FixtureDumps;
import io.leaklens.model.DominatorEntry;
import io.leaklens.model.PathStep;
import io.leaklens.model.RetainedClass;
import io.leaklens.session.OpenedHeapDump;
import io.leaklens.support.ChildJvm;
import io.leaklens.ui.LeakLensApp;
import io.leaklens.ui.Screenshots;
import io.leaklens.ui.SessionView;
import io.leaklens.ui.SessionViewModel;
import io.leaklens.ui.UiExecutor;
import io.leaklens.ui.jvms.JvmPickerViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import org.controlsfx.control.BreadCrumbBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A heap dump of StaticListLeak opened as a user opens it (the picker's Open file, which tells a dump by its first
 * bytes), shown in a tab of its own: the static list's entries are the first suspect with their path through the
 * static field, and the classes table filters and hides the JDK's classes.
 */
@ExtendWith(ApplicationExtension.class)
class HeapDumpViewFxTest {

    private static final String ENTRY = StaticListLeak.class.getName() + "$Entry";
    private static OpenedHeapDump opened;
    private SessionView view;
    private SessionViewModel model;

    @BeforeAll
    static void openTheDumpAsTheAppDoes() throws Exception {
        Path dump = FixtureDumps.plain(ChildJvm.CURRENT);
        AtomicReference<OpenedHeapDump> dumps = new AtomicReference<>();
        JvmPickerViewModel picker = new JvmPickerViewModel(List::of, pid -> null, () -> null, session -> { },
                UiExecutor.direct());
        picker.onHeapDumpOpened(dumps::set);
        picker.openRecording(dump);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dumps.get() != null);
        opened = dumps.get();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = SessionViewModel.ofHeapDump(opened, UiExecutor.withPool(Platform::runLater));
        view = new SessionView(model);
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(LeakLensApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Stop
    void stop() {
        view.dispose();
        model.dispose();
    }

    @Test
    void theEntriesAreTheFirstSuspectWithTheirPathThroughTheStaticField(FxRobot robot) {
        assertThat(view.getTabs()).extracting(tab -> tab.getText()).containsExactly("Heap dump", "Reference graph");
        assertThat(robot.lookup("#heap-dump-summary").queryAs(Label.class).getText()).contains("objects of")
                .contains("reachable from GC roots");
        ListView<?> suspects = robot.lookup("#heap-dump-suspects").queryListView();
        assertThat(suspects.getItems()).isNotEmpty();
        String details = robot.lookup("#heap-dump-suspect-details").queryAs(TextArea.class).getText();
        assertThat(details).contains(ENTRY.substring(ENTRY.lastIndexOf('.') + 1))
                .contains(StaticListLeak.class.getName() + ".ENTRIES").contains("java.util.ArrayList.elementData");
        snapshot(robot, "heap-dump-suspects.png");
    }

    /** The view as a user sees it, for a person to look at: target/screenshots/NAME. */
    private void snapshot(FxRobot robot, String name) {
        Screenshots.write(robot, view.getScene(), name.substring(0, name.length() - ".png".length()));
    }

    @Test
    void theClassesFilterAndHideTheJdks(FxRobot robot) {
        robot.clickOn("Classes");
        TableView<?> classes = robot.lookup("#heap-dump-classes").queryTableView();
        assertThat(classes.getItems()).hasSizeGreaterThan(20);
        robot.interact(() -> model.dump().filterProperty().set("StaticListLeak"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(classes.getItems()).isNotEmpty().allSatisfy(row ->
                assertThat(((RetainedClass) row).className()).contains("StaticListLeak"));
        robot.interact(() -> {
            model.dump().filterProperty().set("");
            model.dump().hideJdkProperty().set(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(classes.getItems()).isNotEmpty().noneSatisfy(row ->
                assertThat(((RetainedClass) row).className()).startsWith("java."));
        snapshot(robot, "heap-dump-classes.png");
        robot.clickOn("Biggest objects");
        assertThat(robot.lookup("#heap-dump-dominators").queryTableView().getItems()).isNotEmpty();
    }

    /**
     * The dominator tree, walked as a user walks it: the class that holds the static list keeps the list alive, the
     * list its array, the array the entries; an entry's path from its GC root shows as a breadcrumb, and a hop of it
     * leads to its class in the classes table. Light and dark.
     */
    @Test
    void theDominatorTreeLeadsFromTheClassToTheEntriesAndTheirPath(FxRobot robot) {
        robot.clickOn("Dominator tree");
        TreeTableView<DominatorEntry> tree = robot.lookup("#heap-dump-dominator-tree").queryAs(TreeTableView.class);
        TreeItem<DominatorEntry> leakClass = child(tree.getRoot(), "class " + StaticListLeak.class.getName());
        TreeItem<DominatorEntry> list = child(leakClass, "java.util.ArrayList");
        TreeItem<DominatorEntry> array = child(list, "java.lang.Object[]");
        TreeItem<DominatorEntry> entry = child(array, ENTRY);
        assertThat(array.getChildren()).hasSize(HeapDumpViewModel.TREE_CHILDREN + 1);
        assertThat(array.getChildren().getLast().getValue().className()).startsWith("… ").endsWith(" more objects");
        assertThat(array.getChildren().getLast().isLeaf()).isTrue();

        robot.interact(() -> {
            leakClass.setExpanded(true);
            list.setExpanded(true);
            array.setExpanded(true);
            tree.getSelectionModel().select(entry);
            tree.scrollTo(tree.getRow(leakClass));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#heap-dump-path-summary").queryAs(Label.class).getText())
                .startsWith(ENTRY + " 0x").contains("Held by " + StaticListLeak.class.getName() + ".ENTRIES");
        assertThat(robot.lookup("#heap-dump-path-text").queryAs(TextArea.class).getText())
                .contains("→ java.util.ArrayList.elementData", "→ java.lang.Object[] element");
        BreadCrumbBar<PathStep> bar = robot.lookup("#heap-dump-path").queryAs(BreadCrumbBar.class);
        assertThat(bar.getSelectedCrumb().getValue().className()).isEqualTo(ENTRY);
        Screenshots.lightAndDark(robot, view.getScene(), "heap-dump-tree");

        robot.clickOn("ArrayList.elementData");
        assertThat(model.dump().filterProperty().get()).isEqualTo("java.util.ArrayList");
        assertThat(robot.lookup("#heap-dump-classes").queryTableView().isVisible()).isTrue();
    }

    /** The graph tab draws where the dump's instances pile up: the entries, reached from the static field. */
    @Test
    void theReferenceGraphDrawsTheEntriesFromTheStaticField(FxRobot robot) {
        robot.clickOn("Reference graph");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> model.graph().layoutProperty().get() != null);
        var graph = model.graph().layoutProperty().get().graph();
        assertThat(model.graph().sourceProperty().get()).startsWith("Heap dump ").contains("where instances pile up");
        assertThat(graph.nodes()).anySatisfy(node -> assertThat(node.className()).isEqualTo(ENTRY));
        assertThat(graph.nodes()).anySatisfy(node -> assertThat(node.className())
                .isEqualTo(StaticListLeak.class.getName()));
        assertThat(model.graph().pinnedProperty().get()).isFalse();
        snapshot(robot, "heap-dump-graph.png");
    }

    /** Compared with a later dump of the same program: the entries are among the classes, the files in order. */
    @Test
    void aComparisonWithALaterDumpListsTheClassesByGrowth(FxRobot robot) throws Exception {
        Path later = FixtureDumps.twoDumpsApart().get(1);
        robot.clickOn("Compare");
        robot.interact(() -> model.dump().comparison().compareWith(later));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !model.dump().comparison().classes().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#heap-dump-compare-status").queryAs(Label.class).getText())
                .contains(" → later.hprof: ").contains("classes retain more than before")
                .contains("Most instances gained: " + ENTRY + ", +");
        TableView<?> table = robot.lookup("#heap-dump-compare-classes").queryTableView();
        assertThat(table.getItems()).extracting(row -> ((io.leaklens.model.RetainedClassDelta) row).className())
                .contains(ENTRY);
        snapshot(robot, "heap-dump-compare.png");
    }

    /** A class selected in the table says where its instances are kept alive: the holder and the exact path. */
    @Test
    void aSelectedClassShowsWhatKeepsItsInstancesAlive(FxRobot robot) {
        robot.clickOn("Classes");
        TableView<RetainedClass> classes = robot.lookup("#heap-dump-classes").queryTableView();
        robot.interact(() -> classes.getSelectionModel().select(classes.getItems().stream()
                .filter(c -> c.className().equals(ENTRY)).findFirst().orElseThrow()));
        TextArea details = robot.lookup("#heap-dump-class-details").queryAs(TextArea.class);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> details.getText().contains("Exact path"));
        assertThat(details.getText()).contains(" instances (", "kept alive by one java.lang.Object[] 0x",
                "(static field " + StaticListLeak.class.getName() + ".ENTRIES)", "→ java.util.ArrayList.elementData");
        snapshot(robot, "heap-dump-class.png");
    }

    /** The child of {@code parent} whose object is of that class (the biggest such), opening the level. */
    private static TreeItem<DominatorEntry> child(TreeItem<DominatorEntry> parent, String className) {
        return parent.getChildren().stream().filter(item -> item.getValue().className().equals(className))
                .findFirst().orElseThrow(() -> new AssertionError("no " + className + " under " + parent.getValue()));
    }
}
