package io.leaklens.ui.leaks;

import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.LeakReport;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.LeakVerdict;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.PathStep;
import io.leaklens.model.RuleResult;
import io.leaklens.model.RuleStatus;
import io.leaklens.model.SessionState;
import io.leaklens.model.StackFrame;
import io.leaklens.model.TargetInfo;
import io.leaklens.ui.Screenshots;
import io.leaklens.ui.TestScenes;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leak verdict as a user reads it, headless: a red banner naming the suspects, the rules' signs, the suspects
 * ranked with the top one's story below, and "Show in graph" going to the selected class; while the evidence comes
 * in, a progress bar and an empty table that says what makes a suspect.
 */
@ExtendWith(ApplicationExtension.class)
class LeaksViewFxTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final TargetInfo TARGET = new TargetInfo(4211, "com.acme.shop.ShopApplication", "25", "vm", List.of());
    private static final List<RuleResult> RULES = List.of(
            new RuleResult("Live set after GC", RuleStatus.SIGNAL, 0.9, 1, "+38 MB over 4 min",
                    "The heap used after each old collection keeps rising: a least-squares slope of +9.5 MB/min."),
            new RuleResult("Class histograms", RuleStatus.SIGNAL, 0.95, 1, "OrderLog$Entry +60,000",
                    "One class gains live instances in every histogram."),
            new RuleResult("Buffer pools", RuleStatus.NO_SIGN, 0, 1, "steady at 1.2 MB",
                    "Direct and mapped buffers hold no more memory than at the start."));
    private static final LeakSuspect ENTRY = new LeakSuspect("com.acme.OrderLog$Entry", 0.95, 58_600, 1_500,
            new StackFrame("com.acme.OrderLog", "record", 31), "static field",
            "static field com.acme.OrderLog.ENTRIES", List.of(new PathStep("com.acme.OrderLog", "ENTRIES"),
            new PathStep("java.util.ArrayList", "elementData"), new PathStep("java.lang.Object[]", "[]"),
            new PathStep("com.acme.OrderLog$Entry", null)), "OrderLog.ENTRIES, a static ArrayList, keeps every "
            + "order's log entry: +1,500 OrderLog$Entry per second, and nothing removes them.");
    private static final LeakSuspect SESSION = new LeakSuspect("com.acme.web.Session", 0.6, 2_000, 12,
            new StackFrame("com.acme.web.SessionStore", "open", 54), "static field",
            "static field com.acme.web.SessionStore.OPEN", List.of(new PathStep("com.acme.web.SessionStore", "OPEN"),
            new PathStep("java.util.concurrent.ConcurrentHashMap", "table"),
            new PathStep("com.acme.web.Session", null)), "SessionStore.OPEN gains 12 Session per second; none "
            + "is closed.");

    private final List<String> shownInGraph = new ArrayList<>();
    private LeaksViewModel model;
    private LeaksView view;

    private static SessionState state(LeakReport report) {
        return new SessionState(TARGET, ConnectionStatus.CONNECTED, T0, null, null, HeapHistory.EMPTY,
                AllocationProfile.EMPTY, OldObjectSet.NONE, "", List.of(), report);
    }

    @Start
    void start(Stage stage) {
        model = new LeaksViewModel(state(LeakReport.NONE));
        model.setGraphLink((source, label, className) -> shownInGraph.add(className));
        view = new LeaksView(model);
        TestScenes.show(stage, view, 1280, 800);
    }

    @Stop
    void stop() {
        view.dispose();
        model.dispose();
    }

    @Test
    void aLeakNamesItsSuspectsAndTellsTheTopOnesStory(FxRobot robot) {
        robot.interact(() -> model.update(state(new LeakReport(LeakVerdict.LEAK, 1, ENTRY.explanation(), RULES,
                List.of(ENTRY, SESSION), T0.plusSeconds(75)))));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#leak-verdict").queryAs(Label.class).getText()).isEqualTo("Leak: 2 suspects");
        assertThat(robot.lookup(".leak-banner").query().getPseudoClassStates()).extracting(Object::toString)
                .contains("leak");
        assertThat(robot.lookup("#leak-progress").queryAs(ProgressBar.class).isVisible()).isFalse();
        assertThat(robot.lookup("#leak-rules").queryTableView().getItems()).hasSize(3);
        TableView<LeakSuspect> suspects = robot.lookup("#leak-suspects").queryTableView();
        assertThat(suspects.getItems()).containsExactly(ENTRY, SESSION);
        assertThat(suspects.getSelectionModel().getSelectedItem()).isEqualTo(ENTRY);
        TextArea details = robot.lookup("#leak-details").queryAs(TextArea.class);
        assertThat(details.isVisible()).isTrue();
        assertThat(details.getText()).contains("Held by static field com.acme.OrderLog.ENTRIES");
        Screenshots.lightAndDark(robot, view.getScene(), "leaks");

        robot.clickOn(robot.lookup("#leak-suspects .table-row-cell")
                .match((TableRow<?> row) -> row.getItem() == SESSION).queryAs(TableRow.class));
        assertThat(model.selectedProperty().get()).isEqualTo(SESSION);
        assertThat(details.getText()).contains("SessionStore.OPEN");
        robot.clickOn("#leak-show-in-graph");
        assertThat(shownInGraph).containsExactly("com.acme.web.Session");
    }

    @Test
    void whileCollectingItShowsTheProgressAndWhatMakesASuspect(FxRobot robot) {
        robot.interact(() -> model.update(state(new LeakReport(LeakVerdict.NOT_ENOUGH_DATA, 0.5,
                "Not enough data yet: needs 4 class histograms over at least 40 s.", List.of(new RuleResult(
                "Class histograms", RuleStatus.NOT_ENOUGH_DATA, 0, 0.5, "2 of 4 histograms",
                "Needs 4 class histograms over at least 40 s.")), List.of(), null))));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#leak-verdict").queryAs(Label.class).getText())
                .isEqualTo("Not enough data yet (50 % of the evidence)");
        assertThat(robot.lookup("#leak-progress").queryAs(ProgressBar.class).isVisible()).isTrue();
        TableView<LeakSuspect> suspects = robot.lookup("#leak-suspects").queryTableView();
        assertThat(suspects.getItems()).isEmpty();
        assertThat(((Label) suspects.getPlaceholder()).getText()).startsWith("No suspects:");
        TextArea story = robot.lookup("#leak-details").queryAs(TextArea.class);
        assertThat(story.getText()).as("no story to tell yet").isEmpty();
        assertThat(story.getPromptText()).startsWith("Select a suspect");
        Screenshots.lightAndDark(robot, view.getScene(), "leaks-collecting");

        robot.interact(() -> model.update(state(new LeakReport(LeakVerdict.LEAK, 1, ENTRY.explanation(), RULES,
                List.of(ENTRY), T0.plusSeconds(75)))));
        assertThat(robot.lookup("#leak-details").queryAs(TextArea.class).getText()).startsWith(ENTRY.explanation());
    }

    /**
     * A suspect found while another tab is shown (the usual case: the user watches the heap) still gets its story
     * a readable height when the user comes to this tab: the detail must not be laid out to nothing unseen.
     */
    @Test
    void aSuspectFoundWhileAnotherTabIsShownStillShowsItsStory(FxRobot robot) {
        javafx.scene.control.Tab other = new javafx.scene.control.Tab("Heap", new Label("the heap"));
        javafx.scene.control.Tab leaks = new javafx.scene.control.Tab("Leak suspects");
        robot.interact(() -> {
            // A view never laid out yet, as the app makes it in a tab that is not shown.
            javafx.scene.Scene scene = view.getScene();
            view.dispose();
            view = new LeaksView(model);
            javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(other, leaks);
            leaks.setContent(view);
            tabs.getSelectionModel().select(other);
            scene.setRoot(tabs);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> model.update(state(new LeakReport(LeakVerdict.LEAK, 1, ENTRY.explanation(), RULES,
                List.of(ENTRY), T0.plusSeconds(75)))));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> leaks.getTabPane().getSelectionModel().select(leaks));
        WaitForAsyncUtils.waitForFxEvents();

        TextArea details = robot.lookup("#leak-details").queryAs(TextArea.class);
        assertThat(details.getText()).startsWith(ENTRY.explanation());
        assertThat(details.getHeight()).as("the story's height").isGreaterThan(100);
    }
}
