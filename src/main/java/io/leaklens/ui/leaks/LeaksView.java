package io.leaklens.ui.leaks;

import io.leaklens.ui.Icons;
import org.kordamp.ikonli.feather.Feather;
import io.leaklens.model.ByteSize;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.LeakVerdict;
import io.leaklens.model.RuleResult;
import io.leaklens.model.RuleStatus;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The heart of LeakLens: whether the target leaks, with the evidence — a verdict banner with how much evidence is
 * in, each rule's sign, the suspects ranked by score, and the selected suspect's allocation site and path from its
 * GC root.
 */
public final class LeaksView extends VBox {

    private static final PseudoClass LEAK = PseudoClass.getPseudoClass("leak");
    private static final PseudoClass NO_LEAK = PseudoClass.getPseudoClass("no-leak");

    private final LeaksViewModel model;
    private final VBox banner = new VBox(4);
    private final TableView<LeakSuspect> table = new TableView<>();
    private final ChangeListener<LeakVerdict> verdictListener = (obs, old, verdict) -> showVerdict(verdict);
    private final ChangeListener<LeakSuspect> tableSelection = (obs, old, suspect) -> {
        if (suspect != null) {
            model().selectedProperty().set(suspect);
        }
    };
    private final ChangeListener<LeakSuspect> modelSelection = (obs, old, suspect) -> {
        if (suspect != null && table().getSelectionModel().getSelectedItem() != suspect) {
            table().getSelectionModel().select(suspect);
        }
    };

    public LeaksView(LeaksViewModel model) {
        this.model = model;
        getStyleClass().add("leaks-view");
        setSpacing(10);

        Label headline = new Label();
        headline.setId("leak-verdict");
        headline.getStyleClass().add("leak-headline");
        headline.textProperty().bind(model.headlineProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("leak-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setPrefWidth(220);
        progress.visibleProperty().bind(model.verdictProperty().isEqualTo(LeakVerdict.NOT_ENOUGH_DATA));
        HBox top = new HBox(16, headline, progress);
        top.setAlignment(Pos.CENTER_LEFT);
        Label reason = new Label();
        reason.setId("leak-reason");
        reason.setWrapText(true);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        reason.textProperty().bind(model.reasonProperty());
        banner.getStyleClass().add("leak-banner");
        banner.getChildren().addAll(top, reason);

        Label cost = new Label();
        cost.getStyleClass().add("hint");
        cost.textProperty().bind(model.costProperty());

        TableView<RuleResult> rules = new TableView<>(model.rules());
        rules.setId("leak-rules");
        rules.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rules.getColumns().addAll(List.of(
                column("Signal", RuleResult::rule, 190),
                column("Status", r -> switch (r.status()) {
                    case SIGNAL -> "sign of a leak";
                    case NO_SIGN -> "no sign";
                    case NOT_ENOUGH_DATA -> String.format(Locale.ROOT, "collecting (%.0f %%)", 100 * r.progress());
                }, 130),
                column("Seen", RuleResult::summary, 220),
                column("Why", RuleResult::explanation, 420)));
        rules.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RuleResult item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(LEAK, !empty && item != null && item.status() == RuleStatus.SIGNAL);
            }
        });
        rules.setFixedCellSize(30);
        rules.setPrefHeight(30 * 3 + 40);
        rules.setMinHeight(Region.USE_PREF_SIZE);
        rules.setPlaceholder(new Label("The rules start with the first readings."));

        table.setId("leak-suspects");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<LeakSuspect, String> score = column2("Score", s -> String.format(Locale.ROOT, "%.0f %%",
                100 * s.score()), 70);
        table.getColumns().addAll(List.of(
                column2("Class", LeakSuspect::className, 330),
                score,
                column2("Growth", s -> Double.isNaN(s.growthBytesPerSecond()) ? "–" : ByteSize.rate(
                        s.growthBytesPerSecond()) + String.format(Locale.ROOT, " · %+,.0f/s",
                        s.growthInstancesPerSecond()), 170),
                column2("Allocated in", s -> s.allocationSite() == null ? "–" : s.allocationSite().toString(), 300),
                column2("Held by", s -> s.rootDescription() == null ? "–" : s.rootDescription(), 280)));
        table.setItems(model.suspects());
        Label placeholder = new Label("No suspects: a class becomes one when it keeps gaining live instances "
                + "across class histograms, or when the buffer pools keep growing.");
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("placeholder");
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener(tableSelection);
        model.selectedProperty().addListener(modelSelection);

        TextArea details = new TextArea();
        details.setId("leak-details");
        details.getStyleClass().add("details-text");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPromptText("Select a suspect to see what grows, where it is allocated and what holds it.");
        details.textProperty().bind(model.detailsProperty());
        Button graph = Icons.on(new Button("Show in graph"), Feather.SHARE_2);
        graph.setId("leak-show-in-graph");
        graph.setTooltip(new Tooltip("Open the reference graph at this class, with the path that keeps it alive"));
        graph.disableProperty().bind(model.selectedProperty().isNull());
        graph.setOnAction(e -> model.showSelectedInGraph());
        VBox.setVgrow(details, Priority.ALWAYS);
        VBox detailBox = new VBox(6, graph, details);
        SplitPane split = new SplitPane(table, detailBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);

        getChildren().addAll(banner, cost, rules, split);
        model.verdictProperty().addListener(verdictListener);
        showVerdict(model.verdictProperty().get());
        if (model.selectedProperty().get() != null) {
            table.getSelectionModel().select(model.selectedProperty().get());
        }
    }

    private LeaksViewModel model() {
        return model;
    }

    private TableView<LeakSuspect> table() {
        return table;
    }

    private void showVerdict(LeakVerdict verdict) {
        banner.pseudoClassStateChanged(LEAK, verdict == LeakVerdict.LEAK);
        banner.pseudoClassStateChanged(NO_LEAK, verdict == LeakVerdict.NO_LEAK);
    }

    private static TableColumn<RuleResult, String> column(String title, Function<RuleResult, String> value,
                                                          double width) {
        TableColumn<RuleResult, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private static TableColumn<LeakSuspect, String> column2(String title, Function<LeakSuspect, String> value,
                                                            double width) {
        TableColumn<LeakSuspect, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    public void dispose() {
        model.verdictProperty().removeListener(verdictListener);
        table.getSelectionModel().selectedItemProperty().removeListener(tableSelection);
        model.selectedProperty().removeListener(modelSelection);
    }
}
