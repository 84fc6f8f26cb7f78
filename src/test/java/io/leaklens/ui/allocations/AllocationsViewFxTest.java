package io.leaklens.ui.allocations;

import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ClassAllocation;
import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.SessionState;
import io.leaklens.model.SiteAllocation;
import io.leaklens.model.StackFrame;
import io.leaklens.model.TargetInfo;
import io.leaklens.ui.Screenshots;
import io.leaklens.ui.TestScenes;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.shape.Polyline;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who allocates, as a user reads it, headless: classes and sites ranked by rate with a sparkline of the last minute,
 * the stack of the site one clicks, and a filter that narrows both tables.
 */
@ExtendWith(ApplicationExtension.class)
class AllocationsViewFxTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final StackFrame RECORD = new StackFrame("com.acme.OrderLog", "record", 31);
    private static final StackFrame RENDER = new StackFrame("com.acme.Invoice", "render", 12);
    private static final StackFrame HANDLE = new StackFrame("com.acme.web.OrderController", "handle", 88);
    private static final AllocationProfile PROFILE = new AllocationProfile(T0, T0.plusSeconds(100), 5_000,
            600_000_000,
            List.of(clazz("byte[]", 5_000_000, 1_000_000, 0), clazz("com.acme.OrderLog$Entry", 1_000_000, 3_000_000, 1),
                    clazz("java.lang.String", 500_000, 500_000, 2), clazz("com.acme.Invoice", 200_000, 150_000, 3)),
            List.of(new SiteAllocation(RENDER, "byte[]", 500_000_000, 5_000_000, 1_000_000, rates(0),
                            List.of(RENDER, HANDLE)),
                    new SiteAllocation(RECORD, "com.acme.OrderLog$Entry", 100_000_000, 1_000_000, 3_000_000,
                            rates(1), List.of(RECORD, new StackFrame("com.acme.OrderService", "place", 40), HANDLE))),
            0);

    private AllocationsViewModel model;
    private AllocationsView view;

    private static ClassAllocation clazz(String name, double session, double recent, int shape) {
        return new ClassAllocation(name, (long) session * 100, session, recent, rates(shape), null);
    }

    /** A minute of rates: a slow wave, a rise, a flat line, a burst. */
    private static double[] rates(int shape) {
        double[] rates = new double[60];
        for (int i = 0; i < 60; i++) {
            rates[i] = switch (shape) {
                case 0 -> 1_000_000 + 400_000 * Math.sin(i / 5.0);
                case 1 -> 50_000.0 * i;
                case 2 -> 500_000;
                default -> i > 40 && i < 46 ? 900_000 : 20_000;
            };
        }
        return rates;
    }

    private static SessionState state(AllocationProfile profile) {
        return new SessionState(new TargetInfo(4211, "Shop", "25", "vm", List.of()), ConnectionStatus.CONNECTED, T0,
                null, null, HeapHistory.EMPTY, profile, OldObjectSet.NONE, "");
    }

    @Start
    void start(Stage stage) {
        model = new AllocationsViewModel(state(AllocationProfile.EMPTY), rate -> { });
        view = new AllocationsView(model);
        TestScenes.show(stage, view, 1280, 800);
    }

    @Stop
    void stop() {
        view.dispose();
        model.dispose();
    }

    @Test
    void classesAndSitesRankedWithTheStackOfTheClickedSite(FxRobot robot) {
        robot.interact(() -> model.update(state(PROFILE)));
        TableView<AllocationRow> classes = robot.lookup("#allocation-classes").queryTableView();
        assertThat(classes.getItems()).extracting(AllocationRow::name).containsExactly("com.acme.OrderLog$Entry",
                "byte[]", "java.lang.String", "com.acme.Invoice");
        assertThat(robot.lookup("#allocation-classes .sparkline").queryAllAs(Polyline.class)).hasSize(4);
        TableView<AllocationRow> sites = robot.lookup("#allocation-sites").queryTableView();
        assertThat(sites.getItems()).hasSize(2);

        robot.clickOn(robot.lookup("#allocation-sites .table-row-cell")
                .match((TableRow<AllocationRow> row) -> row.getItem() != null
                        && row.getItem().name().startsWith("com.acme.OrderLog.record")).queryAs(TableRow.class));
        assertThat(model.selectedSiteProperty().get().detail()).isEqualTo("com.acme.OrderLog$Entry");
        ListView<StackFrame> stack = robot.lookup("#allocation-stack").queryListView();
        assertThat(stack.getItems()).extracting(StackFrame::methodName).containsExactly("record", "place", "handle");
        Screenshots.lightAndDark(robot, view.getScene(), "allocations");

        robot.clickOn("#allocations-filter").write("acme");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.filterProperty().get()).isEqualTo("acme");
        assertThat(classes.getItems()).extracting(AllocationRow::name).containsExactly("com.acme.OrderLog$Entry",
                "com.acme.Invoice");
        Screenshots.write(robot, view.getScene(), "allocations-filtered");

        robot.clickOn("#allocations-filter .clear-button"); // ControlsFX's clearable field
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.filterProperty().get()).isEmpty();
        assertThat(classes.getItems()).hasSize(4);
    }

    @Test
    void beforeTheFirstSamplesTheTablesSayWhatTheyWaitFor(FxRobot robot) {
        TableView<AllocationRow> classes = robot.lookup("#allocation-classes").queryTableView();
        assertThat(classes.getItems()).isEmpty();
        assertThat(((javafx.scene.control.Label) classes.getPlaceholder()).getText())
                .startsWith("Waiting for the first allocation samples");
        Screenshots.lightAndDark(robot, view.getScene(), "allocations-empty");
    }
}
