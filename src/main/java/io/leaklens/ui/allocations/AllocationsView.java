package io.leaklens.ui.allocations;

import atlantafx.base.controls.CustomTextField;
import io.leaklens.model.ByteSize;
import io.leaklens.model.StackFrame;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.function.Function;

/**
 * Who allocates: top classes above, top sites below with the stack of the selected site beside them.
 */
public final class AllocationsView extends VBox {

    private final AllocationsViewModel model;
    private final TableView<AllocationRow> sitesTable;
    private final ListView<StackFrame> stack = new ListView<>();
    private final ChangeListener<AllocationRow> tableSelection;
    private final ChangeListener<AllocationRow> modelSelection;

    public AllocationsView(AllocationsViewModel model) {
        this.model = model;
        getStyleClass().add("allocations-view");

        CustomTextField filter = new CustomTextField();
        filter.setId("allocations-filter");
        filter.setPromptText("Filter by class, package or method");
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.setPrefWidth(320);
        CheckBox hideJdk = new CheckBox("Hide JDK classes");
        hideJdk.selectedProperty().bindBidirectional(model.hideJdkProperty());
        ToggleGroup periods = new ToggleGroup();
        HBox periodButtons = new HBox();
        periodButtons.getStyleClass().add("segmented");
        for (AllocationPeriod period : AllocationPeriod.values()) {
            ToggleButton button = new ToggleButton(period.toString());
            button.setUserData(period);
            button.setToggleGroup(periods);
            button.setSelected(period == model.periodProperty().get());
            periodButtons.getChildren().add(button);
        }
        periods.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                old.setSelected(true);
            } else {
                model.periodProperty().set((AllocationPeriod) toggle.getUserData());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        javafx.scene.control.ComboBox<String> rate = new javafx.scene.control.ComboBox<>();
        rate.setId("allocation-throttle");
        rate.getItems().setAll(AllocationsViewModel.THROTTLES);
        rate.valueProperty().bindBidirectional(model.throttleProperty());
        rate.disableProperty().bind(model.canChangeThrottleProperty().not());
        rate.setTooltip(new javafx.scene.control.Tooltip("Allocation samples the target takes: more see rarer "
                + "allocation sites, at a little more cost to the target"));
        Label rateLabel = new Label("Samples");
        HBox toolbar = new HBox(12, filter, hideJdk, spacer, rateLabel, rate, periodButtons);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(model.summaryProperty());

        TableView<AllocationRow> classesTable = table("Class", model);
        classesTable.setId("allocation-classes");
        classesTable.setItems(sorted(model.classes(), classesTable));

        sitesTable = table("Allocation site", model);
        sitesTable.setId("allocation-sites");
        sitesTable.setItems(sorted(model.sites(), sitesTable));
        TableColumn<AllocationRow, String> topClass = column("Allocates mostly", AllocationRow::detail);
        topClass.setPrefWidth(240);
        topClass.setMaxWidth(320);
        sitesTable.getColumns().add(1, topClass);
        tableSelection = (obs, old, row) -> {
            if (row != null) {
                model.selectedSiteProperty().set(row);
            }
        };
        sitesTable.getSelectionModel().selectedItemProperty().addListener(tableSelection);
        modelSelection = (obs, old, row) -> {
            stack.getItems().setAll(row == null ? java.util.List.of() : row.stack());
            if (row != null && sitesTable.getSelectionModel().getSelectedItem() != row) {
                sitesTable.getSelectionModel().select(row);
            }
        };
        model.selectedSiteProperty().addListener(modelSelection);

        stack.setId("allocation-stack");
        stack.setPlaceholder(new Label("Select a site to see its stack."));
        Label stackTitle = new Label("Stack of the heaviest sample at the site");
        stackTitle.getStyleClass().add("section-title");
        VBox stackBox = new VBox(6, stackTitle, stack);
        VBox.setVgrow(stack, Priority.ALWAYS);

        SplitPane split = new SplitPane(classesTable, sitesTable, stackBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.36, 0.72);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(toolbar, summary, split);
    }

    private static TableView<AllocationRow> table(String firstColumn, AllocationsViewModel model) {
        TableView<AllocationRow> table = new TableView<>();
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<AllocationRow, String> name = column(firstColumn, AllocationRow::name);
        name.setPrefWidth(420);
        TableColumn<AllocationRow, Number> rate = numberColumn("Bytes/s", AllocationRow::bytesPerSecond,
                v -> ByteSize.format(v.doubleValue()) + "/s");
        rate.setSortType(TableColumn.SortType.DESCENDING);
        TableColumn<AllocationRow, Number> share = numberColumn("Share", AllocationRow::share,
                v -> String.format(Locale.ROOT, "%.1f %%", v.doubleValue() * 100));
        TableColumn<AllocationRow, Number> total = numberColumn("Total", r -> (double) r.bytes(),
                v -> ByteSize.format(v.doubleValue()));
        TableColumn<AllocationRow, double[]> trend = new TableColumn<>("Last minute");
        trend.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().recentRates()));
        trend.setCellFactory(c -> new Sparkline<>());
        trend.setSortable(false);
        trend.setPrefWidth(110);
        trend.setMaxWidth(120);
        table.getColumns().addAll(java.util.List.of(name, rate, share, total, trend));
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.emptyTextProperty());
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("placeholder");
        table.setPlaceholder(placeholder);
        return table;
    }

    /** The user may sort by any column; updates keep that order. */
    private static javafx.collections.transformation.SortedList<AllocationRow> sorted(
            javafx.collections.ObservableList<AllocationRow> rows, TableView<AllocationRow> table) {
        javafx.collections.transformation.SortedList<AllocationRow> sorted =
                new javafx.collections.transformation.SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        return sorted;
    }

    private static TableColumn<AllocationRow, String> column(String title, Function<AllocationRow, String> value) {
        TableColumn<AllocationRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    private static TableColumn<AllocationRow, Number> numberColumn(String title, Function<AllocationRow, Double> value,
                                                                   Function<Number, String> format) {
        TableColumn<AllocationRow, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        column.getStyleClass().add("number-column");
        column.setPrefWidth(100);
        column.setMaxWidth(130); // the names need the room
        return column;
    }

    public void dispose() {
        sitesTable.getSelectionModel().selectedItemProperty().removeListener(tableSelection);
        model.selectedSiteProperty().removeListener(modelSelection);
    }
}
