package io.leaklens.ui.allocations;

import javafx.scene.control.TableCell;
import javafx.scene.shape.Polyline;

/** A table cell that draws a row's last minute of rates as a small line; its colour comes from app.css. */
final class Sparkline<S> extends TableCell<S, double[]> {

    private static final double WIDTH = 90;
    private static final double HEIGHT = 18;
    private final Polyline line = new Polyline();

    Sparkline() {
        line.getStyleClass().add("sparkline");
        getStyleClass().add("sparkline-cell");
    }

    @Override
    protected void updateItem(double[] rates, boolean empty) {
        super.updateItem(rates, empty);
        if (empty || rates == null || rates.length == 0) {
            setGraphic(null);
            return;
        }
        double max = 0;
        for (double r : rates) {
            max = Math.max(max, r);
        }
        Double[] points = new Double[rates.length * 2];
        for (int i = 0; i < rates.length; i++) {
            points[2 * i] = i * WIDTH / Math.max(1, rates.length - 1);
            points[2 * i + 1] = max == 0 ? HEIGHT : HEIGHT - rates[i] / max * HEIGHT;
        }
        line.getPoints().setAll(points);
        setGraphic(line);
    }
}
