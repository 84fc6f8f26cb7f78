package io.leaklens.ui;

import io.leaklens.heapdump.FixtureDumps;
import io.leaklens.store.SnapshotFile;
import io.leaklens.support.ChildJvm;
import io.leaklens.support.Snapshots;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Files dropped on the window open one after the other, each in a tab of its own: a snapshot and a heap dump. */
@ExtendWith(ApplicationExtension.class)
class DroppedFilesFxTest {

    @TempDir
    static Path dir;
    private MainViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        model = TestScenes.mainViewModel();
        view = new MainView(model);
        TestScenes.show(stage, view, 1280, 800);
    }

    @Stop
    void stop() {
        view.dispose();
    }

    @Test
    void twoDroppedFilesOpenInTwoTabs(FxRobot robot) throws Exception {
        Path snapshot = dir.resolve("shop.llsnap");
        SnapshotFile.write(Snapshots.shop("after", 120), snapshot);
        Path dump = FixtureDumps.plain(ChildJvm.CURRENT);

        robot.interact(() -> view.open(List.of(snapshot.toFile(), dump.toFile())));

        TabPane tabs = robot.lookup("#session-tabs").queryAs(TabPane.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> tabs.getTabs().size() == 2);
        assertThat(tabs.getTabs()).extracting(tab -> tab.getText())
                .anySatisfy(text -> assertThat(text).contains("after"))
                .anySatisfy(text -> assertThat(text).startsWith("Heap dump "));
        assertThat(model.notices().latestProperty().get()).isNull();
    }
}
