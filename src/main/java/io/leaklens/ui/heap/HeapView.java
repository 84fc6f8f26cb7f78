package io.leaklens.ui.heap;

import io.leaklens.ui.Fxml;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
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
    private final Map<String, Tile> tilesById = new LinkedHashMap<>();
    private final ChangeListener<List<Metric>> metricsListener = (obs, old, metrics) -> showMetrics(metrics);
    private final ChangeListener<HeapChartData> chartsListener = (obs, old, data) -> showCharts(data);
    private final ChangeListener<Boolean> connectedListener =
            (obs, old, connected) -> showConnected(connected);
    private final ChangeListener<Toggle> windowListener = (obs, old, toggle) -> windowChosen(old, toggle);

    @FXML private Label title;
    @FXML private Label subtitle;
    @FXML private Label status;
    @FXML private ToggleGroup windows;
    @FXML private ToggleButton last15Minutes;
    @FXML private ToggleButton wholeSession;
    @FXML private TilePane tiles;
    @FXML private TimeChart heapChart;
    @FXML private TimeChart allocationChart;
    @FXML private TimeChart offHeapChart;

    public HeapView(HeapViewModel model) {
        this.model = model;
        Fxml.load(this);
        title.textProperty().bind(model.titleProperty());
        subtitle.textProperty().bind(model.subtitleProperty());
        status.textProperty().bind(model.statusProperty());
        model.connectedProperty().addListener(connectedListener);
        showConnected(model.connectedProperty().get());

        last15Minutes.setUserData(TimeWindow.LAST_15_MINUTES);
        wholeSession.setUserData(TimeWindow.WHOLE_SESSION);
        windows.selectToggle(model.windowProperty().get() == TimeWindow.WHOLE_SESSION ? wholeSession : last15Minutes);
        windows.selectedToggleProperty().addListener(windowListener);
        for (TimeChart chart : List.of(heapChart, allocationChart, offHeapChart)) {
            chart.setDescribe(model::describe);
        }

        model.metricsProperty().addListener(metricsListener);
        model.chartsProperty().addListener(chartsListener);
        showMetrics(model.metricsProperty().get());
        showCharts(model.chartsProperty().get());
    }

    private void showConnected(boolean connected) {
        status.pseudoClassStateChanged(DISCONNECTED, !connected);
    }

    private void windowChosen(Toggle old, Toggle toggle) {
        if (toggle == null) {
            old.setSelected(true); // one window is always chosen
        } else {
            model.windowProperty().set((TimeWindow) toggle.getUserData());
        }
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
        windows.selectedToggleProperty().removeListener(windowListener);
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
