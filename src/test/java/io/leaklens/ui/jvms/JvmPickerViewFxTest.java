package io.leaklens.ui.jvms;

import io.leaklens.model.JvmInfo;
import io.leaklens.session.SessionException;
import io.leaklens.ui.Screenshots;
import io.leaklens.ui.TestScenes;
import io.leaklens.ui.UiExecutor;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The picker as a user meets it, headless: four JVMs of theirs (one that refuses attach, one watched before), a filter
 * that narrows them and clears with one click, and a connect that fails in a sentence under the list.
 */
@ExtendWith(ApplicationExtension.class)
class JvmPickerViewFxTest {

    private static final List<JvmInfo> JVMS = List.of(
            new JvmInfo(4211, "com.acme.shop.ShopApplication", "com.acme.shop.ShopApplication --port 8080", true),
            new JvmInfo(5120, "org.gradle.launcher.daemon.bootstrap.GradleDaemon", "", true),
            new JvmInfo(6034, "com.acme.billing.BillingBatch", "com.acme.billing.BillingBatch nightly", false),
            new JvmInfo(7002, "io.leaklens.demo.DemoShop", "io.leaklens.demo.DemoShop", true));

    private JvmPickerViewModel model;
    private JvmPickerView view;
    private List<JvmInfo> listed = JVMS;

    @Start
    void start(Stage stage) {
        model = new JvmPickerViewModel(() -> listed, pid -> {
            throw new SessionException("JVM " + pid + " exited before LeakLens could attach");
        }, () -> null, session -> { }, UiExecutor.withPool(Platform::runLater));
        model.setRecentTargets(List.of("io.leaklens.demo.DemoShop"));
        view = new JvmPickerView(model);
        TestScenes.show(stage, view, 340, 640);
    }

    @Stop
    void stop() {
        view.dispose();
        model.dispose();
    }

    @Test
    void filterPickAndAFailedConnectSaidUnderTheList(FxRobot robot) throws Exception {
        robot.interact(model::refresh);
        ListView<JvmInfo> list = robot.lookup("#jvm-list").queryListView();
        waitFor(() -> list.getItems().size() == 4);
        assertThat(list.getItems().getFirst().displayName()).as("watched before: first").isEqualTo("io.leaklens.demo.DemoShop");
        assertThat(robot.lookup(".jvm-detail").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("pid 7002 · watched before", "pid 6034 · attach disabled");
        Button connect = robot.lookup("#connect").queryButton();
        assertThat(connect.isDisabled()).as("nothing selected").isTrue();

        robot.clickOn("#jvm-filter").write("shop");
        waitFor(() -> list.getItems().size() == 2);
        Screenshots.write(robot, view.getScene(), "jvm-picker-filtered");
        robot.clickOn("#jvm-filter .clear-button"); // ControlsFX's clearable field: one click empties the filter
        assertThat(model.filterProperty().get()).isEmpty();
        waitFor(() -> list.getItems().size() == 4);

        robot.interact(() -> list.getSelectionModel().select(JVMS.get(2)));
        assertThat(connect.isDisabled()).as("attach disabled").isTrue();
        robot.interact(() -> list.getSelectionModel().select(JVMS.getFirst()));
        assertThat(connect.isDisabled()).isFalse();
        robot.clickOn(connect);

        Label message = robot.lookup("#picker-message").queryAs(Label.class);
        waitFor(() -> message.getText().contains("exited before LeakLens could attach"));
        assertThat(message.getText()).isEqualTo("JVM 4211 exited before LeakLens could attach.");
        assertThat(message.getPseudoClassStates()).extracting(Object::toString).contains("error");
        Screenshots.lightAndDark(robot, view.getScene(), "jvm-picker");
    }

    @Test
    void noOtherJvmSaysSoAndOffersTheDemo(FxRobot robot) throws Exception {
        listed = List.of();
        robot.interact(model::refresh);
        waitFor(() -> model.listedProperty().get());
        ListView<JvmInfo> list = robot.lookup("#jvm-list").queryListView();
        assertThat(((Label) list.getPlaceholder()).getText()).startsWith("No other JVM of yours is running.");
        assertThat(robot.lookup("#launch-demo").queryButton().isDisabled()).isFalse();
        Screenshots.lightAndDark(robot, view.getScene(), "jvm-picker-empty");
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
