package io.leaklens.ui.leaks;

import io.leaklens.model.ByteSize;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.LeakVerdict;
import io.leaklens.model.RuleResult;
import io.leaklens.model.RuleStatus;
import io.leaklens.ui.Columns;
import io.leaklens.ui.Fxml;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The heart of LeakLens: whether the target leaks, with the evidence — a verdict banner with how much evidence is
 * in, each rule's sign, the suspects ranked by score, and the selected suspect's allocation site and path from its
 * GC root. Its layout is LeaksView.fxml.
 */
public final class LeaksView extends VBox {

    private static final PseudoClass LEAK = PseudoClass.getPseudoClass("leak");
    private static final PseudoClass NO_LEAK = PseudoClass.getPseudoClass("no-leak");

    private final LeaksViewModel model;
    private final ChangeListener<LeakVerdict> verdictListener = (obs, old, verdict) -> showVerdict(verdict);
    private final ChangeListener<LeakSuspect> tableSelection = (obs, old, suspect) -> tableSelected(suspect);
    private final ChangeListener<LeakSuspect> modelSelection = (obs, old, suspect) -> modelSelected(suspect);

    @FXML private VBox banner;
    @FXML private Label headline;
    @FXML private ProgressBar progress;
    @FXML private Label reason;
    @FXML private Label cost;
    @FXML private TableView<RuleResult> rules;
    @FXML private TableColumn<RuleResult, String> ruleName;
    @FXML private TableColumn<RuleResult, String> ruleStatus;
    @FXML private TableColumn<RuleResult, String> ruleSummary;
    @FXML private TableColumn<RuleResult, String> ruleExplanation;
    @FXML private TableView<LeakSuspect> table;
    @FXML private TableColumn<LeakSuspect, String> className;
    @FXML private TableColumn<LeakSuspect, String> score;
    @FXML private TableColumn<LeakSuspect, String> growth;
    @FXML private TableColumn<LeakSuspect, String> allocatedIn;
    @FXML private TableColumn<LeakSuspect, String> heldBy;
    @FXML private Button graph;
    @FXML private Button findInDump;
    @FXML private Label dumpStatus;
    @FXML private TextArea details;

    public LeaksView(LeaksViewModel model) {
        this.model = model;
        Fxml.load(this);
        headline.textProperty().bind(model.headlineProperty());
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.verdictProperty().isEqualTo(LeakVerdict.NOT_ENOUGH_DATA));
        reason.textProperty().bind(model.reasonProperty());
        cost.textProperty().bind(model.costProperty());

        rules.setItems(model.rules());
        Columns.show(ruleName, RuleResult::rule);
        Columns.show(ruleStatus, LeaksView::status);
        Columns.show(ruleSummary, RuleResult::summary);
        Columns.show(ruleExplanation, RuleResult::explanation);
        rules.setRowFactory(t -> new RuleRow());

        table.setItems(model.suspects());
        Columns.show(className, LeakSuspect::className);
        Columns.show(score, s -> String.format(Locale.ROOT, "%.0f %%", 100 * s.score()));
        Columns.show(growth, LeaksView::growth);
        Columns.show(allocatedIn, s -> s.allocationSite() == null ? "–" : s.allocationSite().toString());
        Columns.show(heldBy, s -> s.rootDescription() == null ? "–" : s.rootDescription());
        table.getSelectionModel().selectedItemProperty().addListener(tableSelection);
        model.selectedProperty().addListener(modelSelection);

        details.textProperty().bind(model.detailsProperty());
        graph.disableProperty().bind(model.selectedProperty().isNull());
        graph.setOnAction(e -> model.showSelectedInGraph());
        HeapDumpLookup lookup = model.heapDumpLookup();
        findInDump.setVisible(lookup != null); // a recording or a snapshot has no JVM to dump
        findInDump.setManaged(lookup != null);
        if (lookup != null) {
            findInDump.disableProperty().bind(model.selectedProperty().isNull().or(lookup.busyProperty()));
            dumpStatus.textProperty().bind(lookup.statusProperty());
            findInDump.setOnAction(e -> findInHeapDump());
        }

        model.verdictProperty().addListener(verdictListener);
        showVerdict(model.verdictProperty().get());
        modelSelected(model.selectedProperty().get());
    }

    /**
     * Asks first (the JVM stops while it writes the dump, and the file holds its data), then finds the selected
     * suspect in a heap dump: the answer joins the suspect's details.
     */
    public void findInHeapDump() {
        HeapDumpLookup lookup = model.heapDumpLookup();
        LeakSuspect suspect = model.selectedProperty().get();
        if (lookup == null || suspect == null || lookup.busyProperty().get()) {
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, lookup.question(suspect.className()),
                ButtonType.OK, ButtonType.CANCEL);
        ask.initOwner(getScene().getWindow());
        ask.setTitle("Find in heap dump");
        ask.setHeaderText("Take a heap dump of the JVM?");
        ask.getDialogPane().setId("heap-dump-question");
        ask.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> lookup.find(suspect.className()));
    }

    private void tableSelected(LeakSuspect suspect) {
        if (suspect != null) {
            model.selectedProperty().set(suspect);
        }
    }

    private void modelSelected(LeakSuspect suspect) {
        if (suspect != null && table.getSelectionModel().getSelectedItem() != suspect) {
            table.getSelectionModel().select(suspect);
        }
    }

    private void showVerdict(LeakVerdict verdict) {
        banner.pseudoClassStateChanged(LEAK, verdict == LeakVerdict.LEAK);
        banner.pseudoClassStateChanged(NO_LEAK, verdict == LeakVerdict.NO_LEAK);
    }

    private static String status(RuleResult rule) {
        return switch (rule.status()) {
            case SIGNAL -> "sign of a leak";
            case NO_SIGN -> "no sign";
            case NOT_ENOUGH_DATA -> String.format(Locale.ROOT, "collecting (%.0f %%)", 100 * rule.progress());
        };
    }

    private static String growth(LeakSuspect suspect) {
        return Double.isNaN(suspect.growthBytesPerSecond()) ? "–" : ByteSize.signedRate(suspect.growthBytesPerSecond())
                + String.format(Locale.ROOT, " · %+,.0f/s", suspect.growthInstancesPerSecond());
    }

    public void dispose() {
        model.verdictProperty().removeListener(verdictListener);
        table.getSelectionModel().selectedItemProperty().removeListener(tableSelection);
        model.selectedProperty().removeListener(modelSelection);
        graph.disableProperty().unbind();
        findInDump.disableProperty().unbind();
        dumpStatus.textProperty().unbind();
    }

    /** A rule that sees a sign of a leak stands out. */
    private static final class RuleRow extends TableRow<RuleResult> {
        @Override
        protected void updateItem(RuleResult item, boolean empty) {
            super.updateItem(item, empty);
            pseudoClassStateChanged(LEAK, !empty && item != null && item.status() == RuleStatus.SIGNAL);
        }
    }
}
