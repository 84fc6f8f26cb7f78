package io.leaklens.ui.leaks;

import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.LeakReport;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.LeakVerdict;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.SessionState;
import io.leaklens.model.StackFrame;
import io.leaklens.model.TargetInfo;
import io.leaklens.session.HeapDumpAnalysis;
import io.leaklens.support.ChildJvm;
import io.leaklens.ui.Screenshots;
import io.leaklens.ui.TestScenes;
import io.leaklens.ui.UiExecutor;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A live suspect the samples gave no path for (a slow leak, say) gets its exact holder through "Find in heap dump":
 * the user is asked first with the dump's size and pause, then a real JVM writes the dump, and the suspect's details
 * gain the exact path from the static field that holds its instances.
 */
@ExtendWith(ApplicationExtension.class)
class FindInHeapDumpFxTest {

    private static final String ENTRY = StaticListLeak.class.getName() + "$Entry";
    private static ChildJvm leak;
    private static Path dump;
    private LeaksViewModel model;
    private LeaksView view;

    @BeforeAll
    static void startChild() throws Exception {
        leak = ChildJvm.of(StaticListLeak.class).jvmOptions("-Xmx64m").start();
        dump = Files.createTempDirectory("leaklens-find").resolve("target.hprof");
    }

    @AfterAll
    static void stopChild() throws Exception {
        ChildJvm.closeAll(leak);
        Files.deleteIfExists(dump);
    }

    @Start
    void start(Stage stage) {
        LeakSuspect pathless = new LeakSuspect(ENTRY, 0.8, 100, 10, new StackFrame(StaticListLeak.class.getName(),
                "main", 20), null, null, List.of(), "StaticListLeak$Entry gains live instances in every histogram.");
        Instant t0 = Instant.now();
        model = new LeaksViewModel(new SessionState(new TargetInfo(leak.pid(), "StaticListLeak", "25", "vm", List.of()),
                ConnectionStatus.CONNECTED, t0, null, null, HeapHistory.EMPTY, AllocationProfile.EMPTY,
                OldObjectSet.NONE, "", List.of(), new LeakReport(LeakVerdict.LEAK, 1, "One class keeps growing.",
                List.of(), List.of(pathless), t0)));
        model.setHeapDumpLookup(new HeapDumpLookup(UiExecutor.withPool(Platform::runLater),
                (className, file) -> HeapDumpAnalysis.findInNewDump(leak.pid(), file, className), () -> 40L << 20,
                dump));
        view = new LeaksView(model);
        TestScenes.show(stage, view, 1280, 800);
    }

    @Stop
    void stop() {
        view.dispose();
        model.dispose();
    }

    @Test
    void aSuspectWithoutASampledPathGetsItsExactHolder(FxRobot robot) {
        TextArea details = robot.lookup("#leak-details").queryAs(TextArea.class);
        assertThat(details.getText()).contains("Held by: unknown yet");

        robot.clickOn("#leak-find-in-heap-dump");
        DialogPane question = robot.lookup("#heap-dump-question").queryAs(DialogPane.class);
        assertThat(question.getContentText()).contains("about 46.0 MB", dump.toString());
        robot.clickOn("OK");

        await().atMost(Duration.ofSeconds(60)).until(() -> details.getText().contains("Exact path"));
        assertThat(details.getText()).contains("In the heap dump " + dump,
                "kept alive by one java.lang.Object[] 0x",
                "Exact path from the GC root (static field " + StaticListLeak.class.getName() + ".ENTRIES):",
                "→ java.util.ArrayList.elementData");
        Screenshots.lightAndDark(robot, view.getScene(), "leaks-found-in-heap-dump");
    }
}
