package io.leaklens.ui;

import atlantafx.base.theme.PrimerLight;
import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.support.ChildJvm;
import io.leaklens.ui.heap.HeapView;
import io.leaklens.model.JvmInfo;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The app as a user drives it, headless: find a real child JVM in the picker, connect, see heap points arrive on the
 * chart, and see the dashboard keep its data when the JVM is killed.
 */
@ExtendWith(ApplicationExtension.class)
class MainViewFxTest {

    private static ChildJvm child;
    private MainViewModel model;
    private MainView view;

    @BeforeAll
    static void startChild() {
        child = ChildJvm.of(StaticListLeak.class).start();
    }

    @AfterAll
    static void stopChild() {
        child.close();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new MainViewModel(UiExecutor.withPool(Platform::runLater), io.leaklens.session.LiveSession::connect,
                TestSettings.fresh());
        view = new MainView(model);
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
    void pickAJvmAndWatchItsHeapLiveThenSeeItDisconnect(FxRobot robot) throws Exception {
        assertThat(robot.lookup(".empty-state").queryAs(javafx.scene.layout.VBox.class).isVisible()).isTrue();

        robot.clickOn("#jvm-filter").write(Long.toString(child.pid()));
        ListView<JvmInfo> list = robot.lookup("#jvm-list").queryListView();
        waitFor(10, () -> list.getItems().size() == 1);
        assertThat(list.getItems().getFirst().displayName()).isEqualTo(StaticListLeak.class.getName());

        robot.clickOn(list.lookup(".list-cell"));
        robot.clickOn("#connect");

        waitFor(10, () -> model.sessions().size() == 1);
        HeapView heap = onFx(() -> view.heapView(model.sessions().getFirst()));
        waitFor(10, () -> onFx(heap::heapPointCount) >= 2);
        Label status = robot.lookup("#heap-status").queryAs(Label.class);
        assertThat(status.getText()).startsWith("Live");
        assertThat(robot.lookup("#metric-heap-used .metric-value").queryAs(Label.class).getText()).endsWith("B");

        int pointsBefore = onFx(heap::heapPointCount);
        child.kill();

        waitFor(10, () -> onFx(status::getText).startsWith("Disconnected at"));
        assertThat(status.getText()).contains("exited", "The data collected is kept");
        assertThat(onFx(heap::heapPointCount)).isGreaterThanOrEqualTo(pointsBefore);
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }
}
