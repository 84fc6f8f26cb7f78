package io.leaklens.ui.graph;

import io.leaklens.analysis.GraphLabels;
import io.leaklens.model.ClassNames;
import io.leaklens.model.GraphLayout;
import io.leaklens.model.GraphNode;
import io.leaklens.model.StackFrame;
import io.leaklens.store.GraphExport;
import io.leaklens.ui.Fxml;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.BreadCrumbBar;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The reference graph explorer: the graph on a canvas (drag to pan, wheel or +/- to zoom, 0 to fit, double-click or
 * Space to open or close a node, P for the path to the GC root, Ctrl+F to find a class), the path shown as hops to
 * click below it, the selected node's details on the right, export to PNG, SVG, DOT and JSON.
 */
public final class GraphView extends VBox {

    /** The largest picture exported, in pixels a side: beyond it the canvas texture may not be allocated. */
    private static final double MAX_PICTURE = 4096;
    private static final KeyCombination FIND = KeyCombination.keyCombination("Shortcut+F");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final GraphViewModel model;
    @FXML private Label source;
    @FXML private Button live;
    @FXML private Label status;
    @FXML private ProgressIndicator busy;
    @FXML private Button zoomOut;
    @FXML private Button fit;
    @FXML private Button zoomIn;
    @FXML private MenuButton export;
    @FXML private MenuItem exportPng;
    @FXML private MenuItem exportSvg;
    @FXML private MenuItem exportDot;
    @FXML private MenuItem exportJson;
    @FXML private ToggleGroup levels;
    @FXML private ToggleButton byClass;
    @FXML private ToggleButton byObject;
    @FXML private TextField search;
    @FXML private Button path;
    @FXML private ToggleButton referrers;
    @FXML private Button fold;
    @FXML private GraphCanvas canvas;
    @FXML private VBox emptyState;
    @FXML private Label emptyText;
    @FXML private HBox pathBar;
    @FXML private BreadCrumbBar<GraphNode> pathCrumbs;
    @FXML private Label hint;
    @FXML private Label detailTitle;
    @FXML private GridPane detailRows;
    @FXML private Label stackTitle;
    @FXML private ListView<StackFrame> stack;

    private final ChangeListener<GraphLayout> layoutListener = (obs, old, layout) ->
            canvas.show(layout, old == null || old.graph() != layout.graph() || old.boxes().isEmpty()
                    || old.boxes().size() != layout.boxes().size() && model().referrersOnlyProperty().get());
    private final ChangeListener<Object> marksListener = (obs, old, value) -> remark();
    private final ChangeListener<GraphNode> selectionListener = (obs, old, node) -> showDetails(node);
    private final ChangeListener<PathHighlight> pathListener = (obs, old, path) -> {
        if (!path.isEmpty()) {
            revealSelected(); // wherever the request came from: this view's button or a suspect elsewhere
        }
    };
    private final ChangeListener<Object> crumbsListener = (obs, old, value) -> showPathCrumbs();
    private final ChangeListener<Toggle> levelListener = (obs, old, now) -> levelChosen(old, now);

    public GraphView(GraphViewModel model) {
        this.model = model;
        Fxml.load(this);
        bindToolbar();
        bindGraph();
        bindDetails();

        model.layoutProperty().addListener(layoutListener);
        model.pathProperty().addListener(marksListener);
        model.matchesProperty().addListener(marksListener);
        model.selectedProperty().addListener(marksListener);
        model.selectedProperty().addListener(selectionListener);
        model.pathProperty().addListener(pathListener);
        model.pathProperty().addListener(crumbsListener);
        model.selectedProperty().addListener(crumbsListener);
        canvas.show(model.layoutProperty().get(), true);
        showDetails(model.selectedProperty().get());
        showPathCrumbs();
        remark();
    }

    private void bindToolbar() {
        source.textProperty().bind(model.sourceProperty());
        live.visibleProperty().bind(model.pinnedProperty());
        live.managedProperty().bind(model.pinnedProperty());
        live.setOnAction(e -> model.followLive());
        status.textProperty().bind(model.statusProperty());
        busy.visibleProperty().bind(model.busyProperty());
        zoomOut.setOnAction(e -> canvas.zoomAtCentre(1 / 1.25));
        fit.setOnAction(e -> canvas.fit());
        zoomIn.setOnAction(e -> canvas.zoomAtCentre(1.25));
        export.disableProperty().bind(model.layoutProperty().isEqualTo(GraphLayout.EMPTY));
        exportTo(exportPng, "png", this::exportPng);
        exportTo(exportSvg, "svg", file -> writeText(GraphSvg.render(canvas.graphLayout(), canvas.palette(),
                model.pathProperty().get()), file));
        exportTo(exportDot, "dot", file -> writeText(GraphExport.dot(canvas.graphLayout().graph()), file));
        exportTo(exportJson, "json", file -> writeText(GraphExport.json(canvas.graphLayout().graph()), file));

        levels.selectToggle(model.objectLevelProperty().get() ? byObject : byClass);
        levels.selectedToggleProperty().addListener(levelListener);
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(e -> {
            model.findNext();
            revealSelected();
        });
        path.setOnAction(e -> model.showPath());
        path.disableProperty().bind(model.selectedProperty().isNull());
        referrers.selectedProperty().bindBidirectional(model.referrersOnlyProperty());
        fold.setOnAction(e -> model.toggleCollapsed());
        fold.disableProperty().bind(model.selectedProperty().isNull());
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (FIND.match(event)) {
                focusSearch();
                event.consume();
            }
        });
    }

    private void bindGraph() {
        emptyText.textProperty().bind(model.emptyTextProperty());
        emptyState.visibleProperty().bind(model.emptyTextProperty().isNotEmpty());
        canvas.setOnSelect(id -> model.select(node(id)));
        canvas.setOnToggle(id -> {
            model.select(node(id));
            model.toggleCollapsed();
        });
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        pathBar.visibleProperty().bind(model.pathProperty().isNotEqualTo(PathHighlight.NONE));
        pathBar.managedProperty().bind(pathBar.visibleProperty());
        pathCrumbs.setCrumbFactory(this::crumb);
        pathCrumbs.setOnCrumbAction(e -> {
            model.selectOnPath(e.getSelectedCrumb().getValue());
            revealSelected();
            canvas.requestFocus(); // the hops are made anew: the keys (P, Space, +/-) go on to the graph
        });
    }

    private void bindDetails() {
        hint.visibleProperty().bind(model.selectedProperty().isNull());
        hint.managedProperty().bind(hint.visibleProperty());
        stackTitle.visibleProperty().bind(Bindings.isNotEmpty(stack.getItems()));
        stackTitle.managedProperty().bind(stackTitle.visibleProperty());
        stack.visibleProperty().bind(stackTitle.visibleProperty());
        stack.managedProperty().bind(stackTitle.visibleProperty());
        stack.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(StackFrame frame, boolean empty) {
                super.updateItem(frame, empty);
                setText(empty || frame == null ? null : ClassNames.simpleName(frame.className())
                        + "." + frame.methodName() + (frame.line() >= 0 ? ":" + frame.line() : ""));
                setTooltip(empty || frame == null ? null : new Tooltip(frame.toString()));
            }
        });
    }

    private void levelChosen(Toggle old, Toggle now) {
        if (now == null) {
            old.setSelected(true); // one of the two is always on
        } else {
            model.objectLevelProperty().set(now == byObject);
        }
    }

    /** The hops of the path shown, root first; the selected one stands out. */
    private void showPathCrumbs() {
        List<GraphNode> hops = model.pathNodes();
        pathCrumbs.setSelectedCrumb(hops.isEmpty() ? null
                : BreadCrumbBar.buildTreeModel(hops.toArray(GraphNode[]::new)));
    }

    private Button crumb(TreeItem<GraphNode> item) {
        GraphNode node = item.getValue();
        Button crumb = new BreadCrumbBar.BreadCrumbButton(GraphLabels.title(node));
        crumb.setTooltip(new Tooltip(node.isRoot() ? node.description() : node.className()));
        crumb.pseudoClassStateChanged(CURRENT, node.equals(model.selectedProperty().get()));
        return crumb;
    }

    private void showDetails(GraphNode node) {
        NodeDetails details = node == null ? NodeDetails.NONE : NodeDetails.of(model.layoutProperty().get().graph(),
                node);
        detailTitle.setText(details.title());
        detailRows.getChildren().clear();
        int row = 0;
        for (NodeDetails.Row line : details.rows()) {
            Label label = new Label(line.label());
            label.getStyleClass().add("graph-detail-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(line.value());
            value.setWrapText(true);
            detailRows.addRow(row++, label, value);
        }
        stack.getItems().setAll(details.stack());
    }

    private void keyPressed(KeyEvent event) {
        KeyCode code = event.getCode();
        switch (code) {
            case PLUS, ADD, EQUALS -> canvas.zoomAtCentre(1.25);
            case MINUS, SUBTRACT -> canvas.zoomAtCentre(1 / 1.25);
            case DIGIT0, NUMPAD0, F -> canvas.fit();
            case LEFT -> canvas.pan(60, 0);
            case RIGHT -> canvas.pan(-60, 0);
            case UP -> canvas.pan(0, 60);
            case DOWN -> canvas.pan(0, -60);
            case SPACE -> model.toggleCollapsed();
            case P -> model.showPath();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void remark() {
        GraphNode selected = model.selectedProperty().get();
        canvas.mark(new GraphPainter.Marks(selected == null ? null : selected.id(), model.pathProperty().get(),
                model.matchesProperty().get(), model::isCollapsed));
    }

    /** Brings the selected node into view, with the path that keeps it alive when that is shown. */
    private void revealSelected() {
        GraphNode selected = model.selectedProperty().get();
        if (selected != null) {
            canvas.reveal(selected.id(), model.pathProperty().get().nodes());
        }
    }

    private GraphNode node(String id) {
        if (id == null) {
            return null;
        }
        return model.layoutProperty().get().graph().nodes().stream().filter(n -> n.id().equals(id)).findFirst()
                .orElse(null);
    }

    /** The whole graph drawn at up to 100 %, as a PNG. */
    byte[] picture() throws IOException {
        GraphLayout layout = canvas.graphLayout();
        double margin = 20;
        double scale = Math.min(1, MAX_PICTURE / Math.max(layout.width() + 2 * margin, layout.height() + 2 * margin));
        double w = Math.ceil((layout.width() + 2 * margin) * scale);
        double h = Math.ceil((layout.height() + 2 * margin) * scale);
        Canvas picture = new Canvas(w, h);
        GraphNode selected = model.selectedProperty().get();
        GraphPainter.paint(picture.getGraphicsContext2D(), layout, canvas.palette(),
                new GraphPainter.Marks(selected == null ? null : selected.id(), model.pathProperty().get(), Set.of(),
                        model::isCollapsed), scale, margin * scale, margin * scale, w, h);
        WritableImage image = picture.snapshot(null, null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png);
        return png.toByteArray();
    }

    private void exportPng(Path file) {
        try {
            model.export(picture(), file);
        } catch (IOException e) {
            model.report("Could not draw the picture: " + e.getMessage());
        }
    }

    private void writeText(String text, Path file) {
        model.export(text.getBytes(StandardCharsets.UTF_8), file);
    }

    private void exportTo(MenuItem item, String extension, Consumer<Path> export) {
        item.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the reference graph");
            chooser.setInitialFileName("reference-graph." + extension);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " files",
                    "*." + extension));
            File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                export.accept(file.toPath());
            }
        });
    }

    /** Puts the cursor in the search field, its text selected. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private GraphViewModel model() {
        return model;
    }

    GraphCanvas canvas() {
        return canvas;
    }

    public void dispose() {
        model.layoutProperty().removeListener(layoutListener);
        model.pathProperty().removeListener(marksListener);
        model.matchesProperty().removeListener(marksListener);
        model.selectedProperty().removeListener(marksListener);
        model.selectedProperty().removeListener(selectionListener);
        model.pathProperty().removeListener(pathListener);
        model.pathProperty().removeListener(crumbsListener);
        model.selectedProperty().removeListener(crumbsListener);
        levels.selectedToggleProperty().removeListener(levelListener);
        search.textProperty().unbindBidirectional(model.searchProperty());
        referrers.selectedProperty().unbindBidirectional(model.referrersOnlyProperty());
    }
}
