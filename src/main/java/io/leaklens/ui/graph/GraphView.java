package io.leaklens.ui.graph;

import io.leaklens.ui.Icons;
import org.kordamp.ikonli.feather.Feather;
import io.leaklens.model.GraphLayout;
import io.leaklens.model.GraphNode;
import io.leaklens.model.StackFrame;
import io.leaklens.store.GraphExport;
import javafx.beans.value.ChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The reference graph explorer: the graph on a canvas (drag to pan, wheel or +/- to zoom, 0 to fit, double-click or
 * Space to open or close a node, P for the path to the GC root, Ctrl+F to find a class), the selected node's
 * details on the right, export to PNG, SVG, DOT and JSON.
 */
public final class GraphView extends VBox {

    /** The largest picture exported, in pixels a side: beyond it the canvas texture may not be allocated. */
    private static final double MAX_PICTURE = 4096;

    private final GraphViewModel model;
    private final GraphCanvas canvas = new GraphCanvas();
    private final TextField search = new TextField();
    private final ToggleButton referrersButton = new ToggleButton("Referrers only");
    private final Label detailTitle = new Label();
    private final GridPane detailRows = new GridPane();
    private final ListView<StackFrame> stack = new ListView<>();
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

    public GraphView(GraphViewModel model) {
        this.model = model;
        getStyleClass().add("graph-view");

        SplitPane split = new SplitPane(graphPane(), detailsPane());
        split.setDividerPositions(0.76);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(toolbar(), split);

        canvas.setOnSelect(id -> model.select(node(id)));
        canvas.setOnToggle(id -> {
            model.select(node(id));
            model.toggleCollapsed();
        });
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (KeyCombination.keyCombination("Shortcut+F").match(event)) {
                search.requestFocus();
                search.selectAll();
                event.consume();
            }
        });
        model.layoutProperty().addListener(layoutListener);
        model.pathProperty().addListener(marksListener);
        model.matchesProperty().addListener(marksListener);
        model.selectedProperty().addListener(marksListener);
        model.selectedProperty().addListener(selectionListener);
        model.pathProperty().addListener(pathListener);
        canvas.show(model.layoutProperty().get(), true);
        showDetails(model.selectedProperty().get());
        remark();
    }

    private VBox toolbar() {
        Label source = new Label();
        source.setId("graph-source");
        source.getStyleClass().add("graph-source");
        source.textProperty().bind(model.sourceProperty());
        Button live = Icons.on(new Button("Back to live"), Feather.ACTIVITY);
        live.setId("graph-follow-live");
        live.visibleProperty().bind(model.pinnedProperty());
        live.managedProperty().bind(model.pinnedProperty());
        live.setOnAction(e -> model.followLive());

        ToggleGroup levels = new ToggleGroup();
        ToggleButton classes = new ToggleButton("By class");
        classes.setMinWidth(Region.USE_PREF_SIZE);
        classes.setId("graph-by-class");
        classes.setTooltip(new Tooltip("One node per class reached along the same fields: 100,000 leaked entries "
                + "read as one node with a count"));
        ToggleButton objects = new ToggleButton("By object");
        objects.setMinWidth(Region.USE_PREF_SIZE);
        objects.setId("graph-by-object");
        objects.setTooltip(new Tooltip("One node per object; identical leaves under one array still collapse"));
        classes.setToggleGroup(levels);
        objects.setToggleGroup(levels);
        (model.objectLevelProperty().get() ? objects : classes).setSelected(true);
        levels.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two is always on
            } else {
                model.objectLevelProperty().set(now == objects);
            }
        });
        HBox level = new HBox(classes, objects);
        level.getStyleClass().add("segmented");

        search.setId("graph-search");
        search.setPromptText("Find class (Ctrl+F)");
        search.setPrefColumnCount(12);
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(e -> {
            model.findNext();
            revealSelected();
        });

        Button path = Icons.on(button("Path to GC root", "graph-path", "Highlight the references that keep the selected "
                + "node alive, from its GC root (P)", model::showPath), Feather.GIT_COMMIT);
        path.disableProperty().bind(model.selectedProperty().isNull());
        Button fold = Icons.on(button("Open / close", "graph-fold", "Hide or show what the selected node refers to "
                + "(Space, or double-click)", model::toggleCollapsed), Feather.MINUS_SQUARE);
        fold.disableProperty().bind(model.selectedProperty().isNull());
        ToggleButton referrers = referrersButton;
        Icons.on(referrers, Feather.CORNER_LEFT_UP);
        referrers.setId("graph-referrers");
        referrers.setTooltip(new Tooltip("Draw only the selected node and everything that refers to it, up to the "
                + "GC roots: what keeps it alive, and nothing else"));
        referrers.selectedProperty().bindBidirectional(model.referrersOnlyProperty());
        Button fit = Icons.on(button("Fit", "graph-fit", "Show the whole graph (0)", canvas::fit), Feather.MAXIMIZE);
        Button zoomOut = Icons.only(button("Zoom out", "graph-zoom-out", "Zoom out (-)", () -> canvas.zoomAtCentre(1 / 1.25)),
                Feather.ZOOM_OUT);
        Button zoomIn = Icons.only(button("Zoom in", "graph-zoom-in", "Zoom in (+)", () -> canvas.zoomAtCentre(1.25)),
                Feather.ZOOM_IN);

        MenuButton export = Icons.on(new MenuButton("Export"), Feather.DOWNLOAD);
        export.setId("graph-export");
        export.getItems().addAll(
                menuItem("Picture (PNG)…", "png", this::exportPng),
                menuItem("Picture (SVG)…", "svg", file -> writeText(GraphSvg.render(canvas.graphLayout(),
                        canvas.palette(), model.pathProperty().get()), file)),
                menuItem("Graphviz (DOT)…", "dot", file -> writeText(GraphExport.dot(canvas.graphLayout().graph()), file)),
                menuItem("JSON…", "json", file -> writeText(GraphExport.json(canvas.graphLayout().graph()), file)));
        export.disableProperty().bind(model.layoutProperty().isEqualTo(GraphLayout.EMPTY));

        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("small");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());

        Label status = new Label();
        status.setId("graph-status");
        status.getStyleClass().add("hint");
        status.textProperty().bind(model.statusProperty());
        // Two rows, so that every button keeps its words on a 1280-pixel screen: what is shown and the view's
        // controls above, what to do with a node below.
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        status.setMinWidth(0);
        HBox sourceRow = new HBox(10, source, live, status, busy, grow, zoomOut, fit, zoomIn, export);
        sourceRow.setAlignment(Pos.CENTER_LEFT);
        for (Region region : List.of(zoomOut, fit, zoomIn, export, live)) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox tools = new HBox(8, level, search, path, referrers, fold);
        tools.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node node : tools.getChildren()) {
            if (node instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE); // never "Path to G…": the toolbar keeps its words
            }
        }
        VBox toolbar = new VBox(8, sourceRow, tools);
        toolbar.getStyleClass().add("graph-toolbar");
        return toolbar;
    }

    private StackPane graphPane() {
        Label empty = new Label();
        empty.getStyleClass().add("hint");
        empty.setWrapText(true);
        empty.setMaxWidth(460);
        empty.textProperty().bind(model.emptyTextProperty());
        VBox emptyState = new VBox(empty);
        emptyState.getStyleClass().add("empty-state");
        emptyState.setAlignment(Pos.CENTER);
        emptyState.setMouseTransparent(true);
        emptyState.visibleProperty().bind(model.emptyTextProperty().isNotEmpty());
        canvas.setId("graph-canvas");
        return new StackPane(canvas, emptyState);
    }

    private ScrollPane detailsPane() {
        detailTitle.getStyleClass().add("graph-detail-title");
        detailTitle.setWrapText(true);
        detailTitle.setId("graph-detail-title");
        detailRows.getStyleClass().add("graph-detail-rows");
        detailRows.setHgap(10);
        detailRows.setVgap(6);
        Label stackTitle = new Label("Allocated at");
        stackTitle.getStyleClass().add("graph-detail-heading");
        stackTitle.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(stack.getItems()));
        stackTitle.managedProperty().bind(stackTitle.visibleProperty());
        stack.setId("graph-stack");
        // Frames as "OrderLog.record:124": the side panel is narrow; the whole frame is in the tooltip.
        stack.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(StackFrame frame, boolean empty) {
                super.updateItem(frame, empty);
                setText(empty || frame == null ? null : io.leaklens.model.ClassNames.simpleName(frame.className())
                        + "." + frame.methodName() + (frame.line() >= 0 ? ":" + frame.line() : ""));
                setTooltip(empty || frame == null ? null : new Tooltip(frame.toString()));
            }
        });
        stack.setPrefHeight(220);
        stack.visibleProperty().bind(stackTitle.visibleProperty());
        stack.managedProperty().bind(stackTitle.visibleProperty());
        Label hint = new Label("Select a node to see what it is and what refers to it. Drag to move, scroll to zoom.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.visibleProperty().bind(model.selectedProperty().isNull());
        hint.managedProperty().bind(hint.visibleProperty());
        VBox details = new VBox(10, hint, detailTitle, detailRows, stackTitle, stack);
        details.getStyleClass().add("graph-details");
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(240);
        return scroll;
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
        model.export(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), file);
    }

    private MenuItem menuItem(String text, String extension, java.util.function.Consumer<Path> export) {
        MenuItem item = new MenuItem(text);
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
        return item;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
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
        search.textProperty().unbindBidirectional(model.searchProperty());
        referrersButton.selectedProperty().unbindBidirectional(model.referrersOnlyProperty());
    }
}
