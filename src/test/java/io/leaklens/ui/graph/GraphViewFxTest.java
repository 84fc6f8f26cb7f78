package io.leaklens.ui.graph;

import atlantafx.base.theme.PrimerLight;
import io.leaklens.model.GraphNode;
import io.leaklens.support.Snapshots;
import io.leaklens.ui.LeakLensApp;
import io.leaklens.ui.Screenshots;
import io.leaklens.ui.UiExecutor;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graph as a user drives it, headless: click the leaked entries' node, ask for its path to the GC root, and
 * see the chain from the static field highlighted and the node's details on the side.
 */
@ExtendWith(ApplicationExtension.class)
class GraphViewFxTest {

    private GraphView view;
    private GraphViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new GraphViewModel(GraphStates.live(GraphStates.burst(40)), UiExecutor.withPool(Platform::runLater));
        view = new GraphView(model);
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
    void clickANodeAndSeeThePathThatKeepsItAlive(FxRobot robot) throws Exception {
        waitFor(() -> !view.canvas().graphLayout().boxes().isEmpty());
        GraphNode entries = model.layoutProperty().get().graph().nodes().stream()
                .filter(n -> n.className().equals(Snapshots.ENTRY)).findFirst().orElseThrow();
        Point2D onCanvas = view.canvas().onScreen(entries.id()).orElseThrow();

        robot.clickOn(view.canvas().localToScreen(onCanvas));

        waitFor(() -> model.selectedProperty().get() != null);
        assertThat(model.selectedProperty().get().id()).isEqualTo(entries.id());
        assertThat(robot.lookup("#graph-detail-title").queryAs(Label.class).getText()).isEqualTo("OrderLog$Entry");

        robot.clickOn("#graph-path");

        waitFor(() -> !model.pathProperty().get().isEmpty());
        assertThat(model.pathProperty().get().nodes()).hasSize(4);
        // The canvas was asked to draw the chain highlighted.
        assertThat(view.canvas().zoom()).isGreaterThanOrEqualTo(GraphCanvas.READABLE_ZOOM);
        Screenshots.lightAndDark(robot, view.getScene(), "graph-path");

        robot.clickOn("#graph-search").write("Listener").type(javafx.scene.input.KeyCode.ENTER);
        waitFor(() -> model.selectedProperty().get().className().equals(GraphStates.LISTENER));
    }

    @Test
    void theHopsOfThePathSelectTheirNodesAndTheSearchClearsWithOneClick(FxRobot robot) throws Exception {
        waitFor(() -> !view.canvas().graphLayout().boxes().isEmpty());
        GraphNode entries = model.layoutProperty().get().graph().nodes().stream()
                .filter(n -> n.className().equals(Snapshots.ENTRY)).findFirst().orElseThrow();
        assertThat(robot.lookup("#graph-path-bar").queryAs(javafx.scene.Node.class).isVisible()).isFalse();
        robot.interact(() -> {
            model.select(entries);
            model.showPath();
        });

        waitFor(() -> robot.lookup("#graph-path-bar").queryAs(javafx.scene.Node.class).isVisible());
        assertThat(robot.lookup("#graph-path-crumbs .crumb").queryAllAs(Button.class)).extracting(Button::getText)
                .containsExactly("OrderLog", "ArrayList", "Object[]", "OrderLog$Entry ×40");
        robot.clickOn(robot.lookup("#graph-path-crumbs .crumb").match((Button b) -> b.getText().equals("ArrayList"))
                .queryAs(Button.class));

        waitFor(() -> model.selectedProperty().get().className().equals("java.util.ArrayList"));
        assertThat(model.pathProperty().get().target()).as("the path stays").isEqualTo(entries.id());
        assertThat(robot.lookup("#graph-detail-title").queryAs(Label.class).getText()).isEqualTo("ArrayList");
        Screenshots.write(robot, view.getScene(), "graph-hop");

        robot.clickOn("#graph-search").write("Listener");
        assertThat(model.searchProperty().get()).isEqualTo("Listener");
        robot.clickOn(robot.lookup("#graph-search .clear-button").queryAs(javafx.scene.Node.class));
        waitFor(() -> model.searchProperty().get().isEmpty());
        assertThat(model.matchesProperty().get()).isEmpty();
    }

    @Test
    void theGraphExportsAsAPictureAndAsSvgInTheThemeColours(FxRobot robot) throws Exception {
        waitFor(() -> !view.canvas().graphLayout().boxes().isEmpty());

        byte[][] holder = new byte[1][];
        robot.interact(() -> {
            try {
                holder[0] = view.picture();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(holder[0]).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        String svg = GraphSvg.render(view.canvas().graphLayout(), view.canvas().palette(), PathHighlight.NONE);
        assertThat(svg).startsWith("<svg").contains("OrderLog$Entry ×40").contains(">ENTRIES<");
        assertThat(new String(holder[0], 0, 4, StandardCharsets.ISO_8859_1)).endsWith("PNG");
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
