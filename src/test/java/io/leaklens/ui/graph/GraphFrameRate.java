package io.leaklens.ui.graph;

import atlantafx.base.theme.PrimerLight;
import io.leaklens.analysis.LayeredLayout;
import io.leaklens.analysis.ReferenceGraphBuilder;
import io.leaklens.bench.GraphBench;
import io.leaklens.model.GraphLayout;
import io.leaklens.model.GraphLevel;
import io.leaklens.ui.LeakLensApp;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.util.Arrays;

/**
 * Frames per second while panning and zooming a 10,000-node graph in a real window (run under Xvfb by
 * {@code bench/graph.sh}): each frame of an animation timer moves the view and repaints the canvas; the figures
 * are the frames the JavaFX pulse delivered per second and the time each repaint took. Three phases: at 100 %
 * (text drawn, most of the graph culled), at the smallest zoom "Fit" gives this tall graph (5 %: boxes without
 * text, about 1,500 of them on screen), and zooming in and out.
 */
public final class GraphFrameRate extends Application {

    private static final long PHASE_NANOS = 5_000_000_000L;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        GraphLayout layout = LayeredLayout.layout(ReferenceGraphBuilder.build(GraphBench.tenThousandObjects(),
                GraphLevel.OBJECTS));
        GraphCanvas canvas = new GraphCanvas();
        Scene scene = new Scene(new StackPane(canvas), 1280, 800);
        scene.getStylesheets().add(LeakLensApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        canvas.show(layout, true);
        System.out.printf("graph: %,d nodes, %,d references, %.0f × %.0f px at 100 %%%n",
                layout.graph().nodes().size(), layout.graph().edges().size(), layout.width(), layout.height());

        new AnimationTimer() {
            private final String[] phases = {"pan at 100 %", "pan at 5 % (no text)", "zoom in and out"};
            private int phase = -1;
            private long phaseStart;
            private int frames;
            private long[] paints = new long[20_000];

            @Override
            public void handle(long now) {
                if (phase < 0 || now - phaseStart > PHASE_NANOS) {
                    if (phase >= 0) {
                        report(now);
                    }
                    phase++;
                    if (phase == phases.length) {
                        stop();
                        Platform.exit();
                        return;
                    }
                    phaseStart = now;
                    frames = 0;
                    if (phase == 0) {
                        canvas.zoom(1 / canvas.zoom(), 0, 0);
                    } else if (phase == 1) {
                        canvas.fit();
                    }
                }
                double t = (now - phaseStart) / 1e9;
                switch (phase) {
                    case 0 -> canvas.pan(Math.sin(t * 2) * 12, -6);
                    case 1 -> canvas.pan(Math.sin(t * 3) * 4, Math.cos(t * 3) * 4);
                    default -> canvas.zoomAtCentre(Math.sin(t * 2) > 0 ? 1.03 : 1 / 1.03);
                }
                long start = System.nanoTime();
                canvas.paintNow();
                paints[frames % paints.length] = System.nanoTime() - start;
                frames++;
            }

            private void report(long now) {
                double seconds = (now - phaseStart) / 1e9;
                long[] taken = Arrays.copyOf(paints, Math.min(frames, paints.length));
                Arrays.sort(taken);
                System.out.printf("%-24s %5.1f frames/s   repaint median %5.2f ms, p95 %5.2f ms, max %5.2f ms%n",
                        phases[phase], frames / seconds, taken[taken.length / 2] / 1e6,
                        taken[(int) (taken.length * 0.95)] / 1e6, taken[taken.length - 1] / 1e6);
            }
        }.start();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
