package io.leaklens.ui.snapshots;

import io.leaklens.model.ByteSize;
import io.leaklens.model.ClassDelta;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * A diverging bar chart of the classes that grew (bars to the right) and shrank (to the left), by bytes, scaled to
 * the largest change. Plain regions styled by {@code app.css}, so both themes colour it; a click selects a class.
 */
public final class GrowthChart extends GridPane {

    private final ListChangeListener<ClassDelta> redraw = change -> draw();
    private ObservableList<ClassDelta> rows = FXCollections.emptyObservableList();
    private Consumer<ClassDelta> onSelect = row -> { };

    /** An empty chart; declared in FXML as {@code <GrowthChart/>}, then given its rows by {@link #show}. */
    public GrowthChart() {
        getStyleClass().add("growth-chart");
        setHgap(6);
        setVgap(3);
        ColumnConstraints name = new ColumnConstraints(120, 260, 340);
        name.setHalignment(HPos.RIGHT);
        ColumnConstraints shrink = new ColumnConstraints(40, 80, Double.MAX_VALUE);
        shrink.setPercentWidth(18);
        ColumnConstraints grow = new ColumnConstraints(80, 240, Double.MAX_VALUE);
        grow.setHgrow(Priority.ALWAYS);
        ColumnConstraints value = new ColumnConstraints(70);
        getColumnConstraints().addAll(name, shrink, grow, value);
    }

    /** Draws {@code rows} and again whenever they change; a click on a class tells {@code onSelect}. */
    void show(ObservableList<ClassDelta> rows, Consumer<ClassDelta> onSelect) {
        this.rows.removeListener(redraw);
        this.rows = rows;
        this.onSelect = onSelect;
        rows.addListener(redraw);
        draw();
    }

    private void draw() {
        getChildren().clear();
        if (rows.isEmpty()) {
            Label empty = new Label("No class grew or shrank between the two snapshots.");
            empty.getStyleClass().add("hint");
            add(empty, 0, 0, 4, 1);
            return;
        }
        double largest = rows.stream().mapToLong(c -> Math.abs(c.bytesDelta())).max().orElse(1);
        int y = 0;
        for (ClassDelta row : rows) {
            // The chart is narrow: the simple name here, the whole one in the tooltip.
            Label name = new Label(io.leaklens.model.ClassNames.simpleName(row.className()));
            name.getStyleClass().add("growth-name");
            name.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
            name.setTooltip(new Tooltip(row.className()));
            double fraction = Math.abs(row.bytesDelta()) / largest;
            boolean grew = row.bytesDelta() >= 0;
            HBox left = new HBox();
            left.setAlignment(Pos.CENTER_RIGHT);
            HBox right = new HBox();
            right.setAlignment(Pos.CENTER_LEFT);
            Region bar = new Region();
            bar.getStyleClass().addAll("growth-bar", grew ? "grew" : "shrank");
            bar.setMinHeight(14);
            bar.setPrefHeight(14);
            HBox side = grew ? right : left;
            bar.prefWidthProperty().bind(side.widthProperty().multiply(Math.max(fraction, 0.004)));
            bar.setMinWidth(Region.USE_PREF_SIZE);
            side.getChildren().add(bar);
            left.getStyleClass().add("growth-shrink-side");
            Label value = new Label(ByteSize.signed(row.bytesDelta()));
            value.getStyleClass().add("growth-value");
            for (javafx.scene.Node node : new javafx.scene.Node[] {name, left, right, value}) {
                node.setOnMouseClicked(e -> onSelect.accept(row));
            }
            Tooltip.install(bar, new Tooltip(String.format(Locale.ROOT, "%s%n%s, %+,d instances", row.className(),
                    ByteSize.signed(row.bytesDelta()), row.instancesDelta())));
            addRow(y++, name, left, right, value);
        }
    }

    void dispose() {
        rows.removeListener(redraw);
    }
}
