package io.leaklens.ui.snapshots;

import atlantafx.base.theme.PrimerLight;
import io.leaklens.model.PredictedPause;
import io.leaklens.support.Snapshots;
import io.leaklens.ui.LeakLensApp;
import io.leaklens.ui.Screenshots;
import io.leaklens.ui.UiExecutor;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot list as a user drives it, headless: empty at first with a hint, Ctrl+Shift+S warns of a long pause
 * first, "Take it anyway" takes the snapshot and selects it, and one snapshot compares with the one before it.
 */
@ExtendWith(ApplicationExtension.class)
class SnapshotsViewFxTest {

    private final AtomicInteger taken = new AtomicInteger();
    private SnapshotsView view;
    private SnapshotsViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new SnapshotsViewModel(UiExecutor.withPool(Platform::runLater),
                name -> Snapshots.shop(name, 60 * taken.incrementAndGet()),
                () -> Optional.of(new PredictedPause(Duration.ofMillis(1800), 6_000_000_000L, true)));
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
    void takeTwoSnapshotsAfterTheWarningAndCompareTheLaterWithTheOneBefore(FxRobot robot) throws Exception {
        TableView<?> list = robot.lookup("#snapshot-list").queryTableView();
        assertThat(((Label) list.getPlaceholder()).getText()).startsWith("No snapshots yet.");
        assertThat(robot.lookup("#pause-warning").queryAs(Node.class).isVisible()).isFalse();
        assertThat(robot.lookup("#save-snapshot").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#compare-snapshots").queryAs(Button.class).isDisabled()).isTrue();
        Screenshots.write(robot, view.getScene(), "snapshots-empty");

        robot.clickOn(list).press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT,
                KeyCode.CONTROL);

        waitFor(() -> robot.lookup("#pause-warning").queryAs(Node.class).isVisible());
        assertThat(robot.lookup("#pause-warning-text").queryAs(Label.class).getText())
                .startsWith("The class histogram will pause the target for");
        assertThat(taken.get()).as("nothing taken before the user agrees").isZero();
        Screenshots.lightAndDark(robot, view.getScene(), "snapshots-pause-warning");

        robot.clickOn("#take-anyway");
        waitFor(() -> list.getItems().size() == 1 && !model.busyProperty().get());
        robot.clickOn("#take-snapshot");
        robot.clickOn("#take-anyway");
        waitFor(() -> list.getItems().size() == 2 && !model.busyProperty().get());

        assertThat(list.getSelectionModel().getSelectedIndex()).as("the new snapshot is selected").isEqualTo(1);
        assertThat(robot.lookup("#snapshots-message").queryAs(Label.class).getText()).startsWith("Snapshot 2 taken");
        Button previous = robot.lookup("#compare-previous").queryAs(Button.class);
        assertThat(previous.isDisabled()).isFalse();
        assertThat(robot.lookup("#save-snapshot").queryAs(Button.class).isDisabled()).isFalse();
        Screenshots.write(robot, view.getScene(), "snapshots-list");

        robot.clickOn(previous);

        waitFor(() -> robot.lookup("#comparison-view").tryQuery().isPresent());
        assertThat(robot.lookup("#comparison-verdict").queryAs(Label.class).getText()).startsWith(Snapshots.ENTRY);
        Screenshots.lightAndDark(robot, view.getScene(), "snapshots-compared");
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
