package io.leaklens.ui.graph;

import io.leaklens.model.GraphLayout;
import io.leaklens.model.LayoutBox;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The drawing surface of the reference graph: a canvas that fills the region, with pan (drag), zoom (wheel, around
 * the pointer) and fit; clicking a node reports it. Its colours are CSS properties ({@code -ll-node-fill}, ...) set
 * from the theme's variables in app.css.
 */
public final class GraphCanvas extends Region {

    static final double MIN_ZOOM = 0.05;
    static final double MAX_ZOOM = 3;
    /** The smallest zoom a new graph is first shown at: below it the class names are hard to read. */
    static final double READABLE_ZOOM = 0.8;
    private static final double FIT_MARGIN = 24;

    private static final StyleablePropertyFactory<GraphCanvas> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    // Neutral defaults only until the style sheet applies; the real colours are the theme's, in app.css.
    private final StyleableProperty<Paint> canvasBackground = paint("canvasBackground", "-ll-graph-background",
            s -> s.canvasBackground);
    private final StyleableProperty<Paint> nodeFill = paint("nodeFill", "-ll-node-fill", s -> s.nodeFill);
    private final StyleableProperty<Paint> nodeStroke = paint("nodeStroke", "-ll-node-stroke", s -> s.nodeStroke);
    private final StyleableProperty<Paint> rootFill = paint("rootFill", "-ll-root-fill", s -> s.rootFill);
    private final StyleableProperty<Paint> sampleFill = paint("sampleFill", "-ll-sample-fill", s -> s.sampleFill);
    private final StyleableProperty<Paint> textFill = paint("textFill", "-ll-text-fill", s -> s.textFill);
    private final StyleableProperty<Paint> subtextFill = paint("subtextFill", "-ll-subtext-fill", s -> s.subtextFill);
    private final StyleableProperty<Paint> edgeStroke = paint("edgeStroke", "-ll-edge-stroke", s -> s.edgeStroke);
    private final StyleableProperty<Paint> highlight = paint("highlight", "-ll-highlight", s -> s.highlight);
    private final StyleableProperty<Paint> matchFill = paint("matchFill", "-ll-match-fill", s -> s.matchFill);
    private final StyleableProperty<Paint> selectedStroke = paint("selectedStroke", "-ll-selected-stroke",
            s -> s.selectedStroke);

    private final Canvas canvas = new Canvas();
    private GraphLayout layout = GraphLayout.EMPTY;
    private GraphPainter.Marks marks = GraphPainter.Marks.NONE;
    private double scale = 1;
    private double tx = FIT_MARGIN;
    private double ty = FIT_MARGIN;
    private double dragX;
    private double dragY;
    private boolean dragged;
    private boolean redrawQueued;
    private boolean placePending;
    private Runnable pendingReveal;
    private Consumer<String> onSelect = id -> { };
    private Consumer<String> onToggle = id -> { };

    public GraphCanvas() {
        getStyleClass().add("graph-canvas");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnScroll(this::scrolled);
    }

    private StyleableProperty<Paint> paint(String name, String css,
                                           java.util.function.Function<GraphCanvas, StyleableProperty<Paint>> self) {
        StyleableProperty<Paint> property = CSS.createStyleablePaintProperty(this, name, css, self, Color.GRAY);
        ((javafx.beans.value.ObservableValue<?>) property).addListener((obs, old, value) -> redraw());
        return property;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    GraphPalette palette() {
        return new GraphPalette(canvasBackground.getValue(), nodeFill.getValue(), nodeStroke.getValue(),
                rootFill.getValue(), sampleFill.getValue(), textFill.getValue(), subtextFill.getValue(),
                edgeStroke.getValue(), highlight.getValue(), matchFill.getValue(), selectedStroke.getValue());
    }

    void setOnSelect(Consumer<String> onSelect) {
        this.onSelect = onSelect;
    }

    /** Called with a node's id on a double click: open or close it. */
    void setOnToggle(Consumer<String> onToggle) {
        this.onToggle = onToggle;
    }

    /**
     * A new layout: a new graph is shown whole if it can be read so, else from its top left (the roots and the
     * heaviest chains) at a zoom that can be read; a layout where only a node was opened or closed stays in place.
     */
    void show(GraphLayout layout, boolean fresh) {
        this.layout = layout;
        placePending = fresh;
        if (!fresh) {
            redraw();
        } else if (getWidth() > 0 && getHeight() > 0) {
            place();
        }
    }

    /** The first view of a new graph; waits for the canvas to have a size (a tab not shown yet has none). */
    private void place() {
        placePending = false;
        if (fitScale() >= READABLE_ZOOM) {
            fit();
        } else {
            scale = READABLE_ZOOM;
            tx = FIT_MARGIN;
            ty = FIT_MARGIN;
            redraw();
        }
    }

    private double fitScale() {
        double w = Math.max(1, getWidth() - 2 * FIT_MARGIN);
        double h = Math.max(1, getHeight() - 2 * FIT_MARGIN);
        return layout.width() <= 0 || layout.height() <= 0 ? 1
                : Math.clamp(Math.min(w / layout.width(), h / layout.height()), MIN_ZOOM, 1);
    }

    void mark(GraphPainter.Marks marks) {
        this.marks = marks;
        redraw();
    }

    GraphLayout graphLayout() {
        return layout;
    }

    double zoom() {
        return scale;
    }

    /** Shows the whole graph, at most at 100 %. */
    void fit() {
        double w = Math.max(1, getWidth() - 2 * FIT_MARGIN);
        double h = Math.max(1, getHeight() - 2 * FIT_MARGIN);
        scale = fitScale();
        tx = FIT_MARGIN + Math.max(0, (w - layout.width() * scale) / 2);
        ty = FIT_MARGIN + Math.max(0, (h - layout.height() * scale) / 2);
        redraw();
    }

    /** Zooms by a factor around a point of the canvas. */
    void zoom(double factor, double x, double y) {
        double next = Math.clamp(scale * factor, MIN_ZOOM, MAX_ZOOM);
        tx = x - (x - tx) * next / scale;
        ty = y - (y - ty) * next / scale;
        scale = next;
        redraw();
    }

    void zoomAtCentre(double factor) {
        zoom(factor, getWidth() / 2, getHeight() / 2);
    }

    void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
        redraw();
    }

    /**
     * Scrolls so that the node and the others given (its path) are in view at a zoom where they can be read; if
     * they do not all fit, the node and as much of its path as fits, the node at the right.
     */
    void reveal(String id, java.util.Set<String> with) {
        LayoutBox box = layout.boxes().get(id);
        if (box == null) {
            return;
        }
        if (getWidth() <= 0 || getHeight() <= 0) {
            pendingReveal = () -> reveal(id, with); // a tab not shown yet: once it has a size
            return;
        }
        pendingReveal = null;
        placePending = false;
        double minX = box.x();
        double minY = box.y();
        double maxX = box.right();
        double maxY = box.y() + box.height();
        for (String other : with) {
            LayoutBox b = layout.boxes().get(other);
            if (b != null) {
                minX = Math.min(minX, b.x());
                minY = Math.min(minY, b.y());
                maxX = Math.max(maxX, b.right());
                maxY = Math.max(maxY, b.y() + b.height());
            }
        }
        double w = Math.max(1, getWidth() - 2 * FIT_MARGIN);
        double h = Math.max(1, getHeight() - 2 * FIT_MARGIN);
        double fits = Math.min(1, Math.min(w / (maxX - minX), h / (maxY - minY)));
        if (fits >= READABLE_ZOOM) {
            scale = Math.min(fits, Math.max(scale, READABLE_ZOOM));
            tx = getWidth() / 2 - (minX + maxX) / 2 * scale;
            ty = getHeight() / 2 - (minY + maxY) / 2 * scale;
        } else {
            scale = READABLE_ZOOM;
            tx = getWidth() - FIT_MARGIN - box.right() * scale;
            ty = getHeight() / 2 - box.centerY() * scale;
        }
        redraw();
    }

    /** The node under a point of the canvas. */
    Optional<String> nodeAt(double x, double y) {
        double lx = (x - tx) / scale;
        double ly = (y - ty) / scale;
        for (Map.Entry<String, LayoutBox> entry : layout.boxes().entrySet()) {
            if (entry.getValue().contains(lx, ly)) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** Where a node is drawn on the canvas now, for tests and tooltips. */
    Optional<javafx.geometry.Point2D> onScreen(String id) {
        LayoutBox box = layout.boxes().get(id);
        return box == null ? Optional.empty()
                : Optional.of(new javafx.geometry.Point2D((box.x() + box.width() / 2) * scale + tx,
                box.centerY() * scale + ty));
    }

    private void pressed(MouseEvent event) {
        requestFocus();
        dragX = event.getX();
        dragY = event.getY();
        dragged = false;
    }

    private void dragged(MouseEvent event) {
        dragged = true;
        pan(event.getX() - dragX, event.getY() - dragY);
        dragX = event.getX();
        dragY = event.getY();
    }

    private void released(MouseEvent event) {
        if (dragged || event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Optional<String> hit = nodeAt(event.getX(), event.getY());
        if (event.getClickCount() == 2 && hit.isPresent()) {
            onToggle.accept(hit.get());
        } else {
            onSelect.accept(hit.orElse(null));
        }
    }

    private void scrolled(ScrollEvent event) {
        if (event.getDeltaY() != 0) {
            zoom(Math.pow(1.0015, event.getDeltaY()), event.getX(), event.getY());
        }
        event.consume();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (placePending && w > 0 && h > 0) {
                place();
            }
            if (pendingReveal != null && w > 0 && h > 0) {
                pendingReveal.run();
            }
            redraw();
        }
    }

    /** Draws at the next pulse, once however many changes came before it. */
    void redraw() {
        if (redrawQueued) {
            return;
        }
        redrawQueued = true;
        javafx.application.Platform.runLater(this::paintNow);
    }

    /** Draws now: what the frame-rate benchmark times. */
    void paintNow() {
        redrawQueued = false;
        GraphPainter.paint(canvas.getGraphicsContext2D(), layout, palette(), marks, scale, tx, ty,
                canvas.getWidth(), canvas.getHeight());
    }
}
