package io.leaklens.ui.snapshots;

import io.leaklens.ui.Icons;
import org.kordamp.ikonli.feather.Feather;
import io.leaklens.model.ByteSize;
import io.leaklens.model.ClassDelta;
import io.leaklens.model.ClassNames;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.SiteDelta;
import io.leaklens.model.StackFrame;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Two snapshots compared: the verdict and top suspect on top, a chart of what grew and shrank beside the list of
 * suspects, then tabs for every class, the allocation sites and the old objects, with what holds the selected class.
 */
public final class ComparisonView extends VBox {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass LEAK = PseudoClass.getPseudoClass("leak");

    private final ComparisonViewModel model;
    private final GrowthChart chart;
    private final TableView<ClassDelta> classes = new TableView<>();
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
    private final ChangeListener<Boolean> errorListener;

    public ComparisonView(ComparisonViewModel model, Runnable close) {
        this.model = model;
        getStyleClass().add("comparison-view");
        setSpacing(8);

        Label title = new Label();
        title.getStyleClass().add("comparison-title");
        title.textProperty().bind(model.titleProperty());
        Label summary = new Label();
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(model.summaryProperty());
        summary.setWrapText(true);
        Button csv = Icons.on(new Button("Export CSV…"), Feather.DOWNLOAD);
        csv.setOnAction(e -> chooseFile("CSV", "*.csv", "comparison.csv").ifPresent(model::exportCsv));
        Button html = Icons.on(new Button("Export HTML report…"), Feather.FILE_TEXT);
        html.setId("export-html");
        html.setOnAction(e -> chooseFile("HTML report", "*.html", "comparison.html").ifPresent(model::exportHtml));
        Button closeButton = Icons.on(new Button("Close comparison"), Feather.X);
        closeButton.setOnAction(e -> close.run());
        for (Button button : List.of(csv, html, closeButton)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox titles = new VBox(2, title, summary);
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);
        HBox header = new HBox(10, titles, csv, html, closeButton);
        header.setAlignment(Pos.CENTER_LEFT);

        Label verdict = new Label();
        verdict.setId("comparison-verdict");
        verdict.getStyleClass().add("comparison-verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(model.verdictProperty());
        verdict.pseudoClassStateChanged(LEAK, !model.suspects().isEmpty());
        verdict.setMaxWidth(Double.MAX_VALUE);
        verdict.setMinHeight(Region.USE_PREF_SIZE);

        TextField filter = new TextField();
        filter.setPromptText("Filter classes by name or package");
        filter.setPrefColumnCount(24);
        filter.textProperty().bindBidirectional(model.filterProperty());
        CheckBox hideJdk = new CheckBox("Hide JDK classes");
        hideJdk.selectedProperty().bindBidirectional(model.hideJdkProperty());
        CheckBox normalize = new CheckBox("Merge generated names (lambdas, proxies)");
        normalize.selectedProperty().bindBidirectional(model.normalizeNamesProperty());
        normalize.setTooltip(new Tooltip("Lambdas, hidden classes and proxies get new names in every run; merged, "
                + "they compare across runs"));
        Label message = new Label();
        message.getStyleClass().add("message");
        message.textProperty().bind(model.messageProperty());
        errorListener = (obs, old, isError) -> message.pseudoClassStateChanged(ERROR, isError);
        model.errorProperty().addListener(errorListener);
        HBox filters = new HBox(10, filter, hideJdk, normalize, message);
        filters.setAlignment(Pos.CENTER_LEFT);

        chart = new GrowthChart(model.chart(), model.selectedProperty()::set);
        chart.setId("growth-chart");
        Label chartTitle = new Label("Bytes grown and shrunk");
        chartTitle.getStyleClass().add("section-title");
        ScrollPane chartScroll = new ScrollPane(chart);
        chartScroll.setFitToWidth(true);
        VBox chartBox = new VBox(6, chartTitle, chartScroll);
        VBox.setVgrow(chartScroll, Priority.ALWAYS);
        VBox suspectsBox = suspects();
        SplitPane top = new SplitPane(chartBox, suspectsBox);
        top.setDividerPositions(0.5);

        classes.setId("comparison-classes");
        classes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ClassDelta, Number> instances = new TableColumn<>("Instances");
        instances.getColumns().addAll(List.of(number("before", ClassDelta::instancesBefore, false),
                number("after", ClassDelta::instancesAfter, false), number("Δ", ClassDelta::instancesDelta, true)));
        TableColumn<ClassDelta, Number> bytes = new TableColumn<>("Bytes");
        bytes.getColumns().addAll(List.of(bytes("before", ClassDelta::bytesBefore, false),
                bytes("after", ClassDelta::bytesAfter, false), bytes("Δ", ClassDelta::bytesDelta, true)));
        classes.getColumns().addAll(List.of(text("Class", ClassDelta::className, 260), instances, bytes,
                growth()));
        classes.setItems(model.classes());
        classes.setPlaceholder(new Label("No class matches the filter."));
        classes.getSelectionModel().selectedItemProperty().addListener(tableSelection);
        model.selectedProperty().addListener(modelSelection);
        TextArea details = new TextArea();
        details.setId("comparison-details");
        details.getStyleClass().add("details-text");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPromptText("Select a class to see its change and what keeps it alive.");
        details.textProperty().bind(model.detailsProperty());
        Button graph = Icons.on(new Button("Show in graph"), Feather.SHARE_2);
        graph.setId("comparison-show-in-graph");
        graph.setTooltip(new Tooltip("Open the later snapshot's reference graph at this class, with the path that "
                + "keeps it alive"));
        graph.disableProperty().bind(model.selectedProperty().isNull());
        graph.setOnAction(e -> model.showSelectedInGraph());
        VBox.setVgrow(details, Priority.ALWAYS);
        SplitPane classesSplit = new SplitPane(classes, new VBox(6, graph, details));
        classesSplit.setDividerPositions(0.7);

        TabPane tabs = new TabPane(new Tab("Classes", classesSplit), new Tab("Allocation sites", sites()),
                new Tab("Old objects", oldObjects()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        SplitPane body = new SplitPane(top, tabs);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.45);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(header, verdict, filters, body);
    }

    private ComparisonViewModel model() {
        return model;
    }

    private VBox suspects() {
        Label title = new Label("Leak suspects");
        title.getStyleClass().add("section-title");
        TableView<LeakSuspect> table = new TableView<>(model.suspects());
        table.setId("comparison-suspects");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<LeakSuspect, String> name = new TableColumn<>("Class");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(ClassNames.simpleName(c.getValue().className())));
        name.setPrefWidth(170);
        TableColumn<LeakSuspect, String> score = new TableColumn<>("Score");
        score.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                String.format(Locale.ROOT, "%.0f%%", 100 * c.getValue().score())));
        score.setPrefWidth(64);
        score.setMinWidth(64);
        TableColumn<LeakSuspect, String> rate = new TableColumn<>("Growth");
        rate.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(ByteSize.rate(c.getValue()
                .growthBytesPerSecond()) + String.format(Locale.ROOT, " · %+,.0f/s",
                c.getValue().growthInstancesPerSecond())));
        rate.setPrefWidth(170);
        rate.setMinWidth(150);
        TableColumn<LeakSuspect, String> held = new TableColumn<>("Held by");
        held.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rootDescription() == null
                ? "(no sampled path yet)" : c.getValue().rootDescription()));
        table.getColumns().addAll(List.of(name, score, rate, held));
        Label empty = new Label("No class grew enough to suspect a leak.");
        empty.getStyleClass().add("placeholder");
        table.setPlaceholder(empty);
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<LeakSuspect> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (row.getItem() != null) {
                    model.classes().stream().filter(c -> c.className().equals(row.getItem().className()))
                            .findFirst().ifPresent(model.selectedProperty()::set);
                }
            });
            return row;
        });
        VBox box = new VBox(6, title, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private TableView<SiteDelta> sites() {
        TableView<SiteDelta> table = new TableView<>(model.sites());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<SiteDelta, String> site = new TableColumn<>("Allocation site");
        site.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().site().toString()));
        site.setPrefWidth(380);
        TableColumn<SiteDelta, String> top = new TableColumn<>("Allocates most");
        top.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().topClass()));
        top.setPrefWidth(220);
        TableColumn<SiteDelta, Number> before = rateColumn("Rate before", SiteDelta::bytesPerSecondBefore);
        TableColumn<SiteDelta, Number> after = rateColumn("Rate after", SiteDelta::bytesPerSecondAfter);
        TableColumn<SiteDelta, Number> delta = rateColumn("Change", SiteDelta::rateDelta);
        table.getColumns().addAll(List.of(site, top, before, after, delta));
        table.setPlaceholder(new Label("Neither snapshot has allocation samples: take snapshots of a session that "
                + "has run for a while."));
        return table;
    }

    private TableView<ComparisonViewModel.OldObjectChange> oldObjects() {
        TableView<ComparisonViewModel.OldObjectChange> table = new TableView<>(model.oldObjects());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ComparisonViewModel.OldObjectChange, String> kind = new TableColumn<>("In both?");
        kind.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().survivor() ? "survivor" : "new"));
        kind.setPrefWidth(90);
        TableColumn<ComparisonViewModel.OldObjectChange, String> cls = new TableColumn<>("Class");
        cls.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().sample().className()));
        cls.setPrefWidth(300);
        TableColumn<ComparisonViewModel.OldObjectChange, String> age = new TableColumn<>("Age");
        age.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().sample().age().toSeconds() + " s"));
        age.setPrefWidth(80);
        TableColumn<ComparisonViewModel.OldObjectChange, String> site = new TableColumn<>("Allocated at");
        site.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().sample().stack().stream()
                .filter(f -> !f.isJdk()).findFirst().map(StackFrame::toString).orElse("")));
        table.getColumns().addAll(List.of(kind, cls, age, site));
        table.setPlaceholder(new Label("The later snapshot has no old-object samples."));
        return table;
    }

    private java.util.Optional<java.nio.file.Path> chooseFile(String kind, String pattern, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the comparison as " + kind);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File file = chooser.showSaveDialog(getScene().getWindow());
        return java.util.Optional.ofNullable(file).map(File::toPath);
    }

    private static TableColumn<ClassDelta, String> text(String title, Function<ClassDelta, String> value,
                                                        double width) {
        TableColumn<ClassDelta, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<ClassDelta, Number> number(String title, Function<ClassDelta, Long> value,
                                                          boolean signed) {
        TableColumn<ClassDelta, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> cell(n -> String.format(Locale.ROOT, signed ? "%+,d" : "%,d", n.longValue())));
        column.setPrefWidth(78);
        column.setMinWidth(signed ? 74 : 66);
        return column;
    }

    private static TableColumn<ClassDelta, Number> bytes(String title, Function<ClassDelta, Long> value,
                                                         boolean signed) {
        TableColumn<ClassDelta, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> cell(n -> signed ? ByteSize.signed(n.longValue()) : ByteSize.format(n.longValue())));
        column.setPrefWidth(82);
        column.setMinWidth(signed ? 82 : 72);
        if (signed) {
            column.setSortType(TableColumn.SortType.DESCENDING);
        }
        return column;
    }

    private static TableColumn<ClassDelta, Number> growth() {
        TableColumn<ClassDelta, Number> column = new TableColumn<>("Growth");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().growthPercent()));
        column.setCellFactory(c -> cell(n -> Double.isInfinite(n.doubleValue()) ? "new"
                : String.format(Locale.ROOT, "%+.0f%%", n.doubleValue())));
        column.setComparator(Comparator.comparingDouble(Number::doubleValue));
        column.setPrefWidth(72);
        column.setMinWidth(64);
        return column;
    }

    private static TableColumn<SiteDelta, Number> rateColumn(String title, Function<SiteDelta, Double> value) {
        TableColumn<SiteDelta, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> cell(n -> ByteSize.format(Math.abs(n.doubleValue())) + "/s"
                + (n.doubleValue() < 0 ? " less" : "")));
        column.setPrefWidth(110);
        return column;
    }

    /** A right-aligned number cell. */
    private static <S> TableCell<S, Number> cell(Function<Number, String> format) {
        TableCell<S, Number> cell = new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
        cell.getStyleClass().add("number-column");
        return cell;
    }

    public void dispose() {
        chart.dispose();
        classes.getSelectionModel().selectedItemProperty().removeListener(tableSelection);
        model.selectedProperty().removeListener(modelSelection);
        model.errorProperty().removeListener(errorListener);
        model.dispose();
    }
}
