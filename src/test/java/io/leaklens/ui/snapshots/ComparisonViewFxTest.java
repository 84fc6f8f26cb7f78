package io.leaklens.ui.snapshots;

import atlantafx.base.theme.PrimerLight;
import io.leaklens.model.ClassDelta;
import io.leaklens.support.Snapshots;
import io.leaklens.ui.LeakLensApp;
import io.leaklens.ui.Screenshots;
import io.leaklens.ui.UiExecutor;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison as a user drives it, headless: two snapshots in the list, select both, Compare; the leaking class
 * is named at the top and first in the chart, and clicking its bar shows what keeps it alive.
 */
@ExtendWith(ApplicationExtension.class)
class ComparisonViewFxTest {

    private SnapshotsView view;
    private SnapshotsViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new SnapshotsViewModel(UiExecutor.withPool(Platform::runLater), null);
        model.add(new SnapshotEntry(Snapshots.shop("before", 60), null, true));
        model.add(new SnapshotEntry(Snapshots.shop("after", 120), null, true));
        view = new SnapshotsView(model);
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(LeakLensApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Stop
    void stop() {
        view.dispose();
    }

    @Test
    void selectTwoSnapshotsCompareAndFollowTheLeakToItsRoot(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#take-snapshot").queryAs(Button.class).isDisabled()).as("no live target").isTrue();
        TableView<?> list = robot.lookup("#snapshot-list").queryTableView();
        robot.interact(() -> list.getSelectionModel().selectAll());
        Button compare = robot.lookup("#compare-snapshots").queryAs(Button.class);
        assertThat(compare.isDisabled()).isFalse();

        robot.clickOn(compare);

        waitFor(() -> robot.lookup("#comparison-verdict").tryQuery().isPresent());
        Label verdict = robot.lookup("#comparison-verdict").queryAs(Label.class);
        assertThat(verdict.getText()).startsWith(Snapshots.ENTRY + " gained 60,000 live instances");
        assertThat(verdict.getPseudoClassStates()).extracting(Object::toString).contains("leak");
        TableView<?> suspects = robot.lookup("#comparison-suspects").queryTableView();
        assertThat(((io.leaklens.model.LeakSuspect) suspects.getItems().getFirst()).className())
                .isEqualTo(Snapshots.ENTRY);

        robot.clickOn(robot.lookup(".growth-name").match((Label l) -> l.getText().equals("OrderLog$Entry"))
                .queryAs(Label.class));

        TextArea details = robot.lookup("#comparison-details").queryAs(TextArea.class);
        waitFor(() -> details.getText().contains("Kept alive by static field com.acme.OrderLog.ENTRIES"));
        TableView<?> classes = robot.lookup("#comparison-classes").queryTableView();
        assertThat(((ClassDelta) classes.getSelectionModel().getSelectedItem()).className())
                .isEqualTo(Snapshots.ENTRY);
        Screenshots.lightAndDark(robot, view.getScene(), "comparison");
    }

    @Test
    void theClassFilterClearsWithOneClick(FxRobot robot) throws Exception {
        robot.interact(() -> model.compare(model.snapshots().get(0), model.snapshots().get(1)));
        waitFor(() -> robot.lookup("#comparison-filter").tryQuery().isPresent());
        TableView<?> classes = robot.lookup("#comparison-classes").queryTableView();
        int all = classes.getItems().size();

        robot.clickOn("#comparison-filter").write("OrderLog");

        ComparisonViewModel comparison = model.comparisonProperty().get();
        waitFor(() -> classes.getItems().size() == 1);
        assertThat(comparison.filterProperty().get()).isEqualTo("OrderLog");
        Screenshots.write(robot, view.getScene(), "comparison-filtered");

        robot.clickOn(robot.lookup("#comparison-filter .clear-button").queryAs(javafx.scene.Node.class));

        waitFor(() -> comparison.filterProperty().get().isEmpty());
        waitFor(() -> classes.getItems().size() == all);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
