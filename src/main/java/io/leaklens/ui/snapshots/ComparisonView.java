package io.leaklens.ui.snapshots;

import io.leaklens.ui.Columns;
import io.leaklens.model.ByteSize;
import io.leaklens.model.ClassDelta;
import io.leaklens.model.ClassNames;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.SiteDelta;
import io.leaklens.model.StackFrame;
import io.leaklens.ui.Fxml;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * Two snapshots compared: the verdict and top suspect on top, a chart of what grew and shrank beside the list of
 * suspects, then tabs for every class, the allocation sites and the old objects, with what holds the selected class.
 */
public final class ComparisonView extends VBox {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass LEAK = PseudoClass.getPseudoClass("leak");

    @FXML private Label title;
    @FXML private Label summary;
    @FXML private Button csv;
    @FXML private Button html;
    @FXML private Button closeButton;
    @FXML private Label verdict;
    @FXML private TextField filter;
    @FXML private CheckBox hideJdk;
    @FXML private CheckBox normalize;
    @FXML private Label message;
    @FXML private GrowthChart chart;
    @FXML private TableView<LeakSuspect> suspects;
    @FXML private TableColumn<LeakSuspect, String> suspectClass;
    @FXML private TableColumn<LeakSuspect, String> suspectScore;
    @FXML private TableColumn<LeakSuspect, String> suspectGrowth;
    @FXML private TableColumn<LeakSuspect, String> suspectHeldBy;
    @FXML private TableView<ClassDelta> classes;
    @FXML private TableColumn<ClassDelta, String> className;
    @FXML private TableColumn<ClassDelta, Number> instancesBefore;
    @FXML private TableColumn<ClassDelta, Number> instancesAfter;
    @FXML private TableColumn<ClassDelta, Number> instancesDelta;
    @FXML private TableColumn<ClassDelta, Number> bytesBefore;
    @FXML private TableColumn<ClassDelta, Number> bytesAfter;
    @FXML private TableColumn<ClassDelta, Number> bytesDelta;
    @FXML private TableColumn<ClassDelta, Number> growth;
    @FXML private Button showInGraph;
    @FXML private TextArea details;
    @FXML private TableView<SiteDelta> sites;
    @FXML private TableColumn<SiteDelta, String> site;
    @FXML private TableColumn<SiteDelta, String> siteTopClass;
    @FXML private TableColumn<SiteDelta, Number> rateBefore;
    @FXML private TableColumn<SiteDelta, Number> rateAfter;
    @FXML private TableColumn<SiteDelta, Number> rateChange;
    @FXML private TableView<ComparisonViewModel.OldObjectChange> oldObjects;
    @FXML private TableColumn<ComparisonViewModel.OldObjectChange, String> oldKind;
    @FXML private TableColumn<ComparisonViewModel.OldObjectChange, String> oldClass;
    @FXML private TableColumn<ComparisonViewModel.OldObjectChange, String> oldAge;
    @FXML private TableColumn<ComparisonViewModel.OldObjectChange, String> oldAllocatedAt;

    private final ComparisonViewModel model;
    private final ChangeListener<ClassDelta> tableSelection = (obs, old, row) -> {
        if (row != null) {
            model().selectedProperty().set(row);
        }
    };
    private final ChangeListener<ClassDelta> modelSelection = (obs, old, row) -> {
        if (row != null && classes.getSelectionModel().getSelectedItem() != row) {
            classes.getSelectionModel().select(row);
            classes.scrollTo(row);
        }
    };
    private final ChangeListener<Boolean> errorListener =
            (obs, old, isError) -> message.pseudoClassStateChanged(ERROR, isError);

    public ComparisonView(ComparisonViewModel model, Runnable close) {
        this.model = model;
        Fxml.load(this);
        title.textProperty().bind(model.titleProperty());
        summary.textProperty().bind(model.summaryProperty());
        csv.setOnAction(e -> chooseFile("CSV", "*.csv", "comparison.csv").ifPresent(model::exportCsv));
        html.setOnAction(e -> chooseFile("HTML report", "*.html", "comparison.html").ifPresent(model::exportHtml));
        closeButton.setOnAction(e -> close.run());
        verdict.textProperty().bind(model.verdictProperty());
        verdict.pseudoClassStateChanged(LEAK, !model.suspects().isEmpty());

        filter.textProperty().bindBidirectional(model.filterProperty());
        hideJdk.selectedProperty().bindBidirectional(model.hideJdkProperty());
        normalize.selectedProperty().bindBidirectional(model.normalizeNamesProperty());
        message.textProperty().bind(model.messageProperty());
        model.errorProperty().addListener(errorListener);

        chart.show(model.chart(), model.selectedProperty()::set);
        bindSuspects();
        bindClasses();
        bindSites();
        bindOldObjects();
    }

    private ComparisonViewModel model() {
        return model;
    }

    private void bindSuspects() {
        suspects.setItems(model.suspects());
        Columns.show(suspectClass, s -> ClassNames.simpleName(s.className()));
        Columns.show(suspectScore, s -> String.format(Locale.ROOT, "%.0f%%", 100 * s.score()));
        Columns.show(suspectGrowth, s -> ByteSize.signedRate(s.growthBytesPerSecond())
                + String.format(Locale.ROOT, " · %+,.0f/s", s.growthInstancesPerSecond()));
        Columns.show(suspectHeldBy, s -> s.rootDescription() == null ? "(no sampled path yet)" : s.rootDescription());
        suspects.setRowFactory(t -> {
            TableRow<LeakSuspect> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (row.getItem() != null) {
                    model.classes().stream().filter(c -> c.className().equals(row.getItem().className()))
                            .findFirst().ifPresent(model.selectedProperty()::set);
                }
            });
            return row;
        });
    }

    private void bindClasses() {
        classes.setItems(model.classes());
        Columns.show(className, ClassDelta::className);
        Function<Number, String> count = n -> String.format(Locale.ROOT, "%,d", n.longValue());
        Columns.number(instancesBefore, ClassDelta::instancesBefore, count);
        Columns.number(instancesAfter, ClassDelta::instancesAfter, count);
        Columns.number(instancesDelta, ClassDelta::instancesDelta, n -> String.format(Locale.ROOT, "%+,d",
                n.longValue()));
        Function<Number, String> size = n -> ByteSize.format(n.longValue());
        Columns.number(bytesBefore, ClassDelta::bytesBefore, size);
        Columns.number(bytesAfter, ClassDelta::bytesAfter, size);
        Columns.number(bytesDelta, ClassDelta::bytesDelta, n -> ByteSize.signed(n.longValue()));
        Columns.number(growth, ClassDelta::growthPercent, n -> Double.isInfinite(n.doubleValue()) ? "new"
                : String.format(Locale.ROOT, "%+.0f%%", n.doubleValue()));
        growth.setComparator(Comparator.comparingDouble(Number::doubleValue));
        classes.getSelectionModel().selectedItemProperty().addListener(tableSelection);
        model.selectedProperty().addListener(modelSelection);
        details.textProperty().bind(model.detailsProperty());
        showInGraph.disableProperty().bind(model.selectedProperty().isNull());
        showInGraph.setOnAction(e -> model.showSelectedInGraph());
    }

    private void bindSites() {
        sites.setItems(model.sites());
        Columns.show(site, s -> s.site().toString());
        Columns.show(siteTopClass, SiteDelta::topClass);
        Function<Number, String> rate = n -> ByteSize.format(Math.abs(n.doubleValue())) + "/s"
                + (n.doubleValue() < 0 ? " less" : "");
        Columns.number(rateBefore, SiteDelta::bytesPerSecondBefore, rate);
        Columns.number(rateAfter, SiteDelta::bytesPerSecondAfter, rate);
        Columns.number(rateChange, SiteDelta::rateDelta, rate);
    }

    private void bindOldObjects() {
        oldObjects.setItems(model.oldObjects());
        Columns.show(oldKind, c -> c.survivor() ? "survivor" : "new");
        Columns.show(oldClass, c -> c.sample().className());
        Columns.show(oldAge, c -> c.sample().age().toSeconds() + " s");
        Columns.show(oldAllocatedAt, c -> StackFrame.allocationSite(c.sample().stack()).map(StackFrame::toString)
                .orElse(""));
    }

    private java.util.Optional<java.nio.file.Path> chooseFile(String kind, String pattern, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the comparison as " + kind);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File file = chooser.showSaveDialog(getScene().getWindow());
        return java.util.Optional.ofNullable(file).map(File::toPath);
    }

    public void dispose() {
        chart.dispose();
        classes.getSelectionModel().selectedItemProperty().removeListener(tableSelection);
        model.selectedProperty().removeListener(modelSelection);
        model.errorProperty().removeListener(errorListener);
        filter.textProperty().unbindBidirectional(model.filterProperty());
        hideJdk.selectedProperty().unbindBidirectional(model.hideJdkProperty());
        normalize.selectedProperty().unbindBidirectional(model.normalizeNamesProperty());
        model.dispose();
    }
}
