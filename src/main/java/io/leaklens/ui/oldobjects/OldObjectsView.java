package io.leaklens.ui.oldobjects;

import io.leaklens.model.ByteSize;
import io.leaklens.model.PathStep;
import io.leaklens.model.StackFrame;
import io.leaklens.ui.Columns;
import io.leaklens.ui.Fxml;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.BreadCrumbBar;

import java.time.Duration;
import java.util.List;

/**
 * Which sampled objects survive and what holds them: groups of samples above; below, the selected group's path from
 * its GC root — its hops as crumbs (a click picks the hop "Show in graph" goes to), then indented, one object a line —
 * and its allocation stack. Its layout is OldObjectsView.fxml.
 */
public final class OldObjectsView extends VBox {

    /** The hop "Show in graph" goes to, on its crumb and its line. */
    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    private final OldObjectsViewModel model;
    private final ChangeListener<OldObjectGroup> tableSelection = (obs, old, group) -> tableSelected(group);
    private final ChangeListener<OldObjectGroup> modelSelection = (obs, old, group) -> showDetail(group);
    private final ChangeListener<PathStep> hopSelection = (obs, old, hop) -> markHop(hop);

    @FXML private Button refresh;
    @FXML private ComboBox<Duration> every;
    @FXML private Label status;
    @FXML private TableView<OldObjectGroup> table;
    @FXML private Label placeholder;
    @FXML private TableColumn<OldObjectGroup, String> className;
    @FXML private TableColumn<OldObjectGroup, String> samples;
    @FXML private TableColumn<OldObjectGroup, String> oldest;
    @FXML private TableColumn<OldObjectGroup, String> size;
    @FXML private TableColumn<OldObjectGroup, String> heldBy;
    @FXML private TableColumn<OldObjectGroup, String> allocatedAt;
    @FXML private Button graph;
    @FXML private ScrollPane crumbsScroll;
    @FXML private BreadCrumbBar<PathStep> crumbs;
    @FXML private VBox path;
    @FXML private ListView<StackFrame> stack;

    public OldObjectsView(OldObjectsViewModel model) {
        this.model = model;
        Fxml.load(this);
        refresh.disableProperty().bind(model.canRefreshProperty().not());
        refresh.setOnAction(e -> model.refresh());
        every.getItems().setAll(OldObjectsViewModel.INTERVALS);
        every.setConverter(new IntervalConverter());
        every.valueProperty().bindBidirectional(model.intervalProperty());
        status.textProperty().bind(model.statusProperty());

        table.setItems(model.groups());
        Columns.show(className, OldObjectGroup::className);
        Columns.show(samples, g -> Integer.toString(g.count()));
        Columns.show(oldest, g -> age(g.oldest()));
        Columns.show(size, g -> g.totalSize() < 0 ? "–" : ByteSize.format(g.totalSize()));
        Columns.show(heldBy, OldObjectGroup::root);
        Columns.show(allocatedAt, OldObjectGroup::site);
        placeholder.textProperty().bind(model.emptyTextProperty());
        table.getSelectionModel().selectedItemProperty().addListener(tableSelection);
        model.selectedProperty().addListener(modelSelection);

        graph.disableProperty().bind(model.selectedProperty().isNull());
        graph.setOnAction(e -> model.showSelectedInGraph());
        crumbs.setCrumbFactory(this::crumb);
        crumbs.setOnCrumbAction(e -> model.selectedHopProperty().set(e.getSelectedCrumb().getValue()));
        model.selectedHopProperty().addListener(hopSelection);
        showDetail(model.selectedProperty().get());
    }

    private void tableSelected(OldObjectGroup group) {
        if (group != null) {
            model.selectedProperty().set(group);
        }
    }

    private void showDetail(OldObjectGroup group) {
        path.getChildren().clear();
        crumbsScroll.setVisible(group != null && !group.path().isEmpty());
        crumbsScroll.setManaged(crumbsScroll.isVisible());
        if (group == null) {
            crumbs.setSelectedCrumb(null);
            Label hint = new Label("Select a row to see what keeps those objects alive.");
            hint.getStyleClass().add("hint");
            path.getChildren().add(hint);
            stack.getItems().clear();
            return;
        }
        crumbs.setSelectedCrumb(group.path().isEmpty() ? null
                : BreadCrumbBar.buildTreeModel(group.path().toArray(PathStep[]::new)));
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
            line.setUserData(step);
            path.getChildren().add(line);
            depth++;
        }
        markHop(model.selectedHopProperty().get());
        stack.getItems().setAll(group.stack());
        if (table.getSelectionModel().getSelectedItem() != group) {
            table.getSelectionModel().select(group);
        }
    }

    /** A hop's crumb: its class's simple name and the field it holds the next one by; the full names as tooltip. */
    private Button crumb(TreeItem<PathStep> item) {
        PathStep step = item.getValue();
        String name = step.className().substring(step.className().lastIndexOf('.') + 1);
        Button crumb = new BreadCrumbBar.BreadCrumbButton(step.field() == null ? name
                : step.field().equals("[]") ? name + " element" : name + "." + step.field());
        crumb.setTooltip(new Tooltip(step.toString()));
        crumb.setUserData(step);
        crumb.pseudoClassStateChanged(CHOSEN, step == model.selectedHopProperty().get());
        return crumb;
    }

    /** Marks the chosen hop's crumb and line (the same step object: a path may pass one class twice). */
    private void markHop(PathStep hop) {
        for (List<Node> nodes : List.of(crumbs.getChildrenUnmodifiable(), path.getChildren())) {
            for (Node node : nodes) {
                node.pseudoClassStateChanged(CHOSEN, hop != null && node.getUserData() == hop);
            }
        }
    }

    private static String age(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h";
    }

    public void dispose() {
        table.getSelectionModel().selectedItemProperty().removeListener(tableSelection);
        model.selectedProperty().removeListener(modelSelection);
        model.selectedHopProperty().removeListener(hopSelection);
        every.valueProperty().unbindBidirectional(model.intervalProperty());
    }

    /** A refresh interval in a word: Off, 30 s, 1 min. */
    private static final class IntervalConverter extends StringConverter<Duration> {
        @Override
        public String toString(Duration d) {
            return d == null ? "" : d.isZero() ? "Off" : d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
        }

        @Override
        public Duration fromString(String s) {
            throw new UnsupportedOperationException();
        }
    }
}
