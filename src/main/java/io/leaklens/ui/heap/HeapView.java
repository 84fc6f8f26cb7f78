package io.leaklens.ui.heap;

import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live heap dashboard of one session: a status line, metric tiles, and three charts (heap with GC markers,
 * allocation rate, off-heap memory) over the last 15 minutes or the whole session.
 */
public final class HeapView extends VBox {

    private static final PseudoClass DISCONNECTED = PseudoClass.getPseudoClass("disconnected");

    private final HeapViewModel model;
    private final TilePane tiles = new TilePane();
    private final Map<String, Tile> tilesById = new LinkedHashMap<>();
    private final TimeChart heapChart;
    private final TimeChart allocationChart;
    private final TimeChart offHeapChart;
    private final Label status = new Label();
    private final ChangeListener<List<Metric>> metricsListener = (obs, old, metrics) -> showMetrics(metrics);
    private final ChangeListener<HeapChartData> chartsListener = (obs, old, data) -> showCharts(data);
    private final ChangeListener<Boolean> connectedListener;

    public HeapView(HeapViewModel model) {
        this.model = model;
        getStyleClass().add("heap-view");

        Label title = new Label();
        title.getStyleClass().add("title");
        title.textProperty().bind(model.titleProperty());
        Label subtitle = new Label();
        subtitle.getStyleClass().add("subtitle");
        subtitle.textProperty().bind(model.subtitleProperty());
        status.setId("heap-status");
        status.getStyleClass().add("session-status");
        status.setWrapText(true); // a disconnect says why in a sentence that must not be cut off
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());
        connectedListener = (obs, old, connected) -> status.pseudoClassStateChanged(DISCONNECTED, !connected);
        model.connectedProperty().addListener(connectedListener);
        status.pseudoClassStateChanged(DISCONNECTED, !model.connectedProperty().get());

        ToggleGroup windows = new ToggleGroup();
        HBox windowButtons = new HBox();
        windowButtons.getStyleClass().add("segmented");
        for (TimeWindow window : TimeWindow.values()) {
            ToggleButton button = new ToggleButton(window.toString());
            button.setUserData(window);
            button.setToggleGroup(windows);
            button.setSelected(window == model.windowProperty().get());
            windowButtons.getChildren().add(button);
        }
        windows.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                old.setSelected(true); // one window is always chosen
            } else {
                model.windowProperty().set((TimeWindow) toggle.getUserData());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, new VBox(2, title, subtitle), spacer, windowButtons);
        header.setAlignment(Pos.CENTER_LEFT);

        tiles.getStyleClass().add("metric-tiles");
        tiles.setPrefColumns(7);

        heapChart = new TimeChart("Heap", "MB", model::describe);
        heapChart.setId("heap-chart");
        heapChart.getStyleClass().add("heap-chart");
        allocationChart = new TimeChart("Allocation rate", "MB/s", model::describe);
        allocationChart.setId("allocation-chart");
        offHeapChart = new TimeChart("Metaspace and buffers", "MB", model::describe);
        offHeapChart.setId("offheap-chart");
        HBox lower = new HBox(12, allocationChart, offHeapChart);
        HBox.setHgrow(allocationChart, Priority.ALWAYS);
        HBox.setHgrow(offHeapChart, Priority.ALWAYS);
        allocationChart.setPrefWidth(10);
        offHeapChart.setPrefWidth(10);
        VBox.setVgrow(heapChart, Priority.ALWAYS);
        VBox.setVgrow(lower, Priority.SOMETIMES);
        heapChart.setMinHeight(220);
        lower.setMinHeight(180);

        getChildren().addAll(header, status, tiles, heapChart, lower);

        model.metricsProperty().addListener(metricsListener);
        model.chartsProperty().addListener(chartsListener);
        showMetrics(model.metricsProperty().get());
        showCharts(model.chartsProperty().get());
    }

    private void showMetrics(List<Metric> metrics) {
        for (Metric metric : metrics) {
            Tile tile = tilesById.computeIfAbsent(metric.id(), id -> {
                Tile t = new Tile(id);
                tiles.getChildren().add(t);
                return t;
            });
            tile.show(metric);
        }
    }

    private void showCharts(HeapChartData data) {
        List<XYChart.Data<Number, Number>> markers = new ArrayList<>();
        for (HeapChartData.GcMarker marker : data.gcMarkers()) {
            XYChart.Data<Number, Number> point = new XYChart.Data<>(marker.time(), marker.liveSetMb());
            point.setNode(TimeChart.marker("gc-marker"));
            markers.add(point);
        }
        XYChart.Series<Number, Number> gcSeries = new XYChart.Series<>("GC",
                javafx.collections.FXCollections.observableList(markers));
        heapChart.show(data.from(), data.to(), data.heap(), List.of(gcSeries));
        allocationChart.show(data.from(), data.to(), data.allocation(), List.of());
        offHeapChart.show(data.from(), data.to(), data.offHeap(), List.of());
    }

    /** The number of points on the heap chart's "Used" line; for tests. */
    public int heapPointCount() {
        return heapChart.chart().getData().isEmpty() ? 0 : heapChart.chart().getData().getFirst().getData().size();
    }

    public void dispose() {
        model.metricsProperty().removeListener(metricsListener);
        model.chartsProperty().removeListener(chartsListener);
        model.connectedProperty().removeListener(connectedListener);
    }

    /** A metric tile: label, big value, one line of detail. */
    private static final class Tile extends VBox {
        private final Label label = new Label();
        private final Label value = new Label();
        private final Label detail = new Label();

        Tile(String id) {
            setId("metric-" + id);
            getStyleClass().add("metric-tile");
            label.getStyleClass().add("metric-label");
            value.getStyleClass().add("metric-value");
            detail.getStyleClass().add("metric-detail");
            getChildren().addAll(label, value, detail);
        }

        void show(Metric metric) {
            label.setText(metric.label());
            value.setText(metric.value());
            detail.setText(metric.detail());
        }
    }
}
