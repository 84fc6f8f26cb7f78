package io.leaklens.ui.oldobjects;

import io.leaklens.ui.Icons;
import org.kordamp.ikonli.feather.Feather;
import io.leaklens.model.ByteSize;
import io.leaklens.model.PathStep;
import io.leaklens.model.StackFrame;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Which sampled objects survive and what holds them: groups of samples on the left, the selected group's path from
 * its GC root (indented, one object a line) and its allocation stack on the right.
 */
public final class OldObjectsView extends VBox {

    private final OldObjectsViewModel model;
    private final TableView<OldObjectGroup> table = new TableView<>();
    private final VBox path = new VBox(2);
    private final ListView<StackFrame> stack = new ListView<>();
    private final ChangeListener<OldObjectGroup> tableSelection = (obs, old, group) -> {
        if (group != null) {
            model().selectedProperty().set(group);
        }
    };
    private final ChangeListener<OldObjectGroup> modelSelection = (obs, old, group) -> showDetail(group);

    public OldObjectsView(OldObjectsViewModel model) {
        this.model = model;
        getStyleClass().add("old-objects-view");

        Button refresh = Icons.on(new Button("Refresh old objects"), Feather.REFRESH_CW);
        refresh.setId("refresh-old-objects");
        refresh.disableProperty().bind(model.canRefreshProperty().not());
        refresh.setOnAction(e -> model.refresh());
        refresh.setTooltip(new Tooltip("Ask the target for its surviving sampled objects and their paths to GC "
                + "roots. The target pauses briefly (at most about 1 s) to search the paths."));
        ComboBox<Duration> every = new ComboBox<>();
        every.getItems().setAll(OldObjectsViewModel.INTERVALS);
        every.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : d.isZero() ? "Off" : d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
            }

            @Override
            public Duration fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        every.valueProperty().bindBidirectional(model.intervalProperty());
        Label status = new Label();
        status.setId("old-objects-status");
        status.getStyleClass().add("hint");
        status.textProperty().bind(model.statusProperty());
        HBox toolbar = new HBox(10, refresh, new Label("Refresh every"), every, status);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        table.setId("old-object-groups");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                column("Class", OldObjectGroup::className, 300),
                column("Samples", g -> Integer.toString(g.count()), 84),
                column("Oldest", g -> age(g.oldest()), 80),
                column("Size", g -> g.totalSize() < 0 ? "–" : ByteSize.format(g.totalSize()), 80),
                column("Held by", OldObjectGroup::root, 330),
                column("Allocated at", OldObjectGroup::site, 300)));
        table.setItems(model.groups());
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("placeholder");
        placeholder.textProperty().bind(model.emptyTextProperty());
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener(tableSelection);
        model.selectedProperty().addListener(modelSelection);

        Label pathTitle = new Label("Path from the GC root");
        pathTitle.getStyleClass().add("section-title");
        path.setId("old-object-path");
        path.getStyleClass().add("reference-path");
        ScrollPane pathScroll = new ScrollPane(path);
        pathScroll.setFitToWidth(true);
        Label stackTitle = new Label("Allocated at");
        stackTitle.getStyleClass().add("section-title");
        stack.setPlaceholder(new Label("No stack trace."));
        Button graph = Icons.on(new Button("Show in graph"), Feather.SHARE_2);
        graph.setId("old-object-show-in-graph");
        graph.setTooltip(new Tooltip("Open the reference graph at this class, with the path that keeps it alive"));
        graph.disableProperty().bind(model.selectedProperty().isNull());
        graph.setOnAction(e -> model.showSelectedInGraph());
        HBox pathHeader = new HBox(10, pathTitle, graph);
        pathHeader.setAlignment(Pos.CENTER_LEFT);
        VBox pathBox = new VBox(6, pathHeader, pathScroll);
        VBox stackBox = new VBox(6, stackTitle, stack);
        VBox.setVgrow(pathScroll, Priority.ALWAYS);
        VBox.setVgrow(stack, Priority.ALWAYS);
        SplitPane detail = new SplitPane(pathBox, stackBox);
        detail.setDividerPositions(0.55);

        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(toolbar, split);
        showDetail(model.selectedProperty().get());
    }

    private OldObjectsViewModel model() {
        return model;
    }

    private void showDetail(OldObjectGroup group) {
        path.getChildren().clear();
        if (group == null) {
            Label hint = new Label("Select a row to see what keeps those objects alive.");
            hint.getStyleClass().add("hint");
            path.getChildren().add(hint);
            stack.getItems().clear();
            return;
        }
        Label root = new Label("GC root: " + group.root());
        root.getStyleClass().add("path-root");
        path.getChildren().add(root);
        int depth = 1;
        for (PathStep step : group.path()) {
            Label line = new Label(step.className()
                    + (step.field() == null ? "   ← " + group.count() + " sampled"
                    : step.field().equals("[]") ? "  [element]" : "  ." + step.field()));
            line.getStyleClass().add(step.field() == null ? "path-leaf" : "path-step");
            line.setTranslateX(Math.min(depth, 20) * 14);
            path.getChildren().add(line);
            depth++;
        }
        stack.getItems().setAll(group.stack());
        if (table.getSelectionModel().getSelectedItem() != group) {
            table.getSelectionModel().select(group);
        }
    }

    private static String age(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h";
    }

    private static TableColumn<OldObjectGroup, String> column(String title, Function<OldObjectGroup, String> value,
                                                             double width) {
        TableColumn<OldObjectGroup, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    public void dispose() {
        table.getSelectionModel().selectedItemProperty().removeListener(tableSelection);
        model.selectedProperty().removeListener(modelSelection);
    }
}
