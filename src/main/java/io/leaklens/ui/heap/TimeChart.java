package io.leaklens.ui.heap;

import javafx.beans.NamedArg;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A line chart over wall-clock time with a hover read-out: a vertical rule follows the mouse and a label tells what
 * {@code describe} says of that moment. Colours come from the theme's chart palette in app.css.
 */
public final class TimeChart extends StackPane {

    private final TimeAxis xAxis = new TimeAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final Line rule = new Line();
    private final Label readout = new Label();
    private DoubleFunction<String> describe = time -> "";

    /** A chart with a title and the unit of its values; declared in FXML as {@code <TimeChart title="Heap" unit="MB"/>}. */
    public TimeChart(@NamedArg("title") String title, @NamedArg("unit") String unit) {
        getStyleClass().add("time-chart");
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        yAxis.setLabel(unit);
        yAxis.setForceZeroInRange(true);
        yAxis.setMinorTickVisible(false);

        Pane overlay = new Pane(rule, readout);
        overlay.setMouseTransparent(true);
        rule.getStyleClass().add("hover-rule");
        readout.getStyleClass().add("hover-readout");
        rule.setVisible(false);
        readout.setVisible(false);
        readout.setManaged(false);
        getChildren().addAll(chart, overlay);
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideReadout());
    }

    /** What the hover read-out says of a moment (epoch seconds); empty hides it. */
    void setDescribe(DoubleFunction<String> describe) {
        this.describe = describe;
    }

    public String getTitle() {
        return chart.getTitle();
    }

    public String getUnit() {
        return yAxis.getLabel();
    }

    /** Replaces the chart's lines; {@code extra} are series whose points carry their own nodes (markers). */
    void show(double from, double to, List<ChartSeries> lines, List<XYChart.Series<Number, Number>> extra) {
        xAxis.show(from, to);
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        for (ChartSeries line : lines) {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(line.size());
            for (int i = 0; i < line.size(); i++) {
                points.add(new XYChart.Data<>(line.times()[i], line.values()[i]));
            }
            all.add(new XYChart.Series<>(line.name(), javafx.collections.FXCollections.observableList(points)));
        }
        all.addAll(extra);
        if (chart.getData().size() == all.size()) {
            // Keep the series (and their colours and legend); swap the points only.
            for (int i = 0; i < all.size(); i++) {
                chart.getData().get(i).getData().setAll(all.get(i).getData());
            }
        } else {
            chart.getData().setAll(all);
        }
    }

    private void hover(MouseEvent e) {
        Node plot = chart.lookup(".chart-plot-background");
        if (plot == null) {
            return;
        }
        Point2D inPlot = plot.sceneToLocal(e.getSceneX(), e.getSceneY());
        if (!plot.getLayoutBounds().contains(inPlot)) {
            hideReadout();
            return;
        }
        double time = xAxis.getValueForDisplay(xAxis.sceneToLocal(e.getSceneX(), e.getSceneY()).getX()).doubleValue();
        String text = describe.apply(time);
        if (text.isEmpty()) {
            hideReadout();
            return;
        }
        Point2D top = sceneToLocal(plot.localToScene(inPlot.getX(), 0));
        Point2D bottom = sceneToLocal(plot.localToScene(inPlot.getX(), plot.getLayoutBounds().getHeight()));
        rule.setStartX(top.getX());
        rule.setStartY(top.getY());
        rule.setEndX(bottom.getX());
        rule.setEndY(bottom.getY());
        readout.setText(text);
        readout.autosize();
        double x = top.getX() + 12;
        if (x + readout.getWidth() > getWidth()) {
            x = top.getX() - 12 - readout.getWidth();
        }
        readout.relocate(Math.max(0, x), top.getY() + 8);
        rule.setVisible(true);
        readout.setVisible(true);
    }

    private void hideReadout() {
        rule.setVisible(false);
        readout.setVisible(false);
    }

    /** A small marker node for a point of a markers-only series. */
    static Region marker(String styleClass) {
        Region marker = new Region();
        marker.getStyleClass().add(styleClass);
        return marker;
    }

    LineChart<Number, Number> chart() {
        return chart;
    }
}
