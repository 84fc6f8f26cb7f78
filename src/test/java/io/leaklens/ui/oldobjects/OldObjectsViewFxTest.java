package io.leaklens.ui.oldobjects;

import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.GcRoot;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.ReferenceHop;
import io.leaklens.model.SessionState;
import io.leaklens.model.StackFrame;
import io.leaklens.model.TargetInfo;
import io.leaklens.ui.Screenshots;
import io.leaklens.ui.TestScenes;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The surviving objects as a user reads them, headless: groups of samples ranked by count, the selected group's path
 * from its GC root and its allocation stack, and "Show in graph" going to the graph; before the first burst, a table
 * that says when the samples come.
 */
@ExtendWith(ApplicationExtension.class)
class OldObjectsViewFxTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final GcRoot MAIN_STACK = new GcRoot("Threads", "Stack Variable", "main");
    private static final GcRoot WORKER = new GcRoot("Threads", "Stack Variable", "report-worker-2");
    private static final StackFrame OPEN = new StackFrame("com.acme.web.SessionStore", "open", 54);
    private static final StackFrame LOGIN = new StackFrame("com.acme.web.LoginController", "login", 23);
    private static final StackFrame RENDER = new StackFrame("com.acme.report.ReportWriter", "render", 77);

    private final List<String> shownInGraph = new ArrayList<>();
    private OldObjectsViewModel model;
    private OldObjectsView view;

    /** A web session kept in the static map com.acme.web.SessionStore.OPEN after its user left. */
    private static OldObjectSample session(int bucket, int ageSeconds) {
        return new OldObjectSample(T0, Duration.ofSeconds(ageSeconds), "com.acme.web.Session", 48, -1, 1_000,
                List.of(OPEN, LOGIN), MAIN_STACK, List.of(
                new ReferenceHop("java.lang.Class", "Class Name: com.acme.web.SessionStore", "OPEN", true, -1, -1, 0),
                new ReferenceHop("java.util.concurrent.ConcurrentHashMap", null, "table", false, -1, -1, 0),
                new ReferenceHop("java.util.concurrent.ConcurrentHashMap$Node[]", null, null, false, bucket, 64, 0),
                new ReferenceHop("java.util.concurrent.ConcurrentHashMap$Node", null, "val", false, -1, -1, 0),
                new ReferenceHop("com.acme.web.Session", null, null, false, -1, -1, 0)));
    }

    /** A report's buffer, held by a local variable of a worker thread. */
    private static OldObjectSample buffer(int ageSeconds) {
        return new OldObjectSample(T0, Duration.ofSeconds(ageSeconds), "char[]", 16_400, 8_192, 1_000,
                List.of(new StackFrame("java.lang.StringBuilder", "<init>", 106), RENDER), WORKER, List.of(
                new ReferenceHop("java.lang.StringBuilder", null, "value", false, -1, -1, 0),
                new ReferenceHop("char[]", null, null, false, -1, 8_192, 0)));
    }

    private static SessionState state(OldObjectSet oldObjects) {
        return new SessionState(new TargetInfo(4211, "Shop", "25", "vm", List.of()), ConnectionStatus.CONNECTED, T0,
                null, null, HeapHistory.EMPTY, AllocationProfile.EMPTY, oldObjects, "");
    }

    @Start
    void start(Stage stage) {
        model = new OldObjectsViewModel(state(OldObjectSet.NONE), () -> { }, interval -> { });
        model.setGraphLink((source, label, className) -> shownInGraph.add(className));
        view = new OldObjectsView(model);
        TestScenes.show(stage, view, 1280, 800);
    }

    @Stop
    void stop() {
        view.dispose();
        model.dispose();
    }

    @Test
    void theSelectedGroupShowsItsPathFromTheRootAndItsStack(FxRobot robot) {
        robot.interact(() -> model.update(state(new OldObjectSet(List.of(session(1, 20), session(7, 310), session(12, 30),
                buffer(12)), T0.plusSeconds(60), Duration.ofMillis(42), Duration.ofMillis(5)))));
        TableView<OldObjectGroup> groups = robot.lookup("#old-object-groups").queryTableView();
        assertThat(groups.getItems()).extracting(OldObjectGroup::className, OldObjectGroup::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("com.acme.web.Session", 3),
                        org.assertj.core.groups.Tuple.tuple("char[]", 1));
        assertThat(robot.lookup("#old-objects-status").queryAs(Label.class).getText()).startsWith("4 samples from");

        robot.clickOn("com.acme.web.Session");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.selectedProperty().get()).isEqualTo(groups.getItems().getFirst());
        assertThat(robot.lookup("#old-object-path .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("GC root: static field com.acme.web.SessionStore.OPEN");
        ListView<StackFrame> stack = robot.lookup("#old-object-stack").queryListView();
        assertThat(stack.getItems()).containsExactly(OPEN, LOGIN);
        List<Button> crumbs = robot.lookup("#old-object-crumbs .button").queryAllAs(Button.class).stream().toList();
        assertThat(crumbs).extracting(Button::getText).containsExactly("SessionStore.OPEN", "ConcurrentHashMap.table",
                "ConcurrentHashMap$Node[] element", "ConcurrentHashMap$Node.val", "Session");
        assertThat(chosen(crumbs.getLast())).as("at first the objects themselves").isTrue();
        robot.clickOn("#old-object-show-in-graph");

        robot.clickOn(crumbs.get(1)); // ControlsFX's BreadCrumbBar: a click on a hop chooses it
        assertThat(model.selectedHopProperty().get().className()).isEqualTo("java.util.concurrent.ConcurrentHashMap");
        assertThat(chosen(crumbs.get(1))).isTrue();
        assertThat(chosen(crumbs.getLast())).isFalse();
        assertThat(robot.lookup("#old-object-path .label").queryAllAs(Label.class)).filteredOn(this::chosen)
                .extracting(Label::getText).containsExactly("java.util.concurrent.ConcurrentHashMap  .table");
        Screenshots.lightAndDark(robot, view.getScene(), "old-objects");
        robot.clickOn("#old-object-show-in-graph");
        assertThat(shownInGraph).containsExactly("com.acme.web.Session", "java.util.concurrent.ConcurrentHashMap");
    }

    private boolean chosen(Node node) {
        return node.getPseudoClassStates().stream().anyMatch(state -> state.getPseudoClassName().equals("chosen"));
    }

    @Test
    void beforeTheFirstBurstTheTableSaysWhenSamplesCome(FxRobot robot) {
        TableView<OldObjectGroup> groups = robot.lookup("#old-object-groups").queryTableView();
        assertThat(groups.getItems()).isEmpty();
        assertThat(((Label) groups.getPlaceholder()).getText()).startsWith("No old-object samples yet.");
        assertThat(robot.lookup("#old-object-show-in-graph").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#old-object-path .hint").queryAs(Label.class).getText())
                .isEqualTo("Select a row to see what keeps those objects alive.");
        assertThat(robot.lookup(".path-crumbs").query().isVisible()).as("no path, no crumbs").isFalse();
        Screenshots.lightAndDark(robot, view.getScene(), "old-objects-empty");
    }
}
