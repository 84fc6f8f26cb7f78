package io.leaklens.ui.allocations;

import io.leaklens.model.ByteSize;
import io.leaklens.model.StackFrame;
import io.leaklens.ui.Columns;
import io.leaklens.ui.Fxml;
import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Who allocates: top classes above, top sites below with the stack of the selected site beside them. Its layout is
 * AllocationsView.fxml.
 */
public final class AllocationsView extends VBox {

    private final AllocationsViewModel model;
    private final ChangeListener<AllocationRow> tableSelection = (obs, old, row) -> tableSelected(row);
    private final ChangeListener<AllocationRow> modelSelection = (obs, old, row) -> modelSelected(row);
    private final ChangeListener<Toggle> periodListener = (obs, old, toggle) -> periodChosen(old, toggle);

    @FXML private TextField filter;
    @FXML private CheckBox hideJdk;
    @FXML private ComboBox<String> throttle;
    @FXML private ToggleGroup periods;
    @FXML private ToggleButton lastMinute;
    @FXML private ToggleButton wholeSession;
    @FXML private Label summary;
    @FXML private TableView<AllocationRow> classes;
    @FXML private Label classesPlaceholder;
    @FXML private TableColumn<AllocationRow, String> className;
    @FXML private TableColumn<AllocationRow, Number> classRate;
    @FXML private TableColumn<AllocationRow, Number> classShare;
    @FXML private TableColumn<AllocationRow, Number> classTotal;
    @FXML private TableColumn<AllocationRow, double[]> classTrend;
    @FXML private TableView<AllocationRow> sites;
    @FXML private Label sitesPlaceholder;
    @FXML private TableColumn<AllocationRow, String> siteName;
    @FXML private TableColumn<AllocationRow, String> siteClass;
    @FXML private TableColumn<AllocationRow, Number> siteRate;
    @FXML private TableColumn<AllocationRow, Number> siteShare;
    @FXML private TableColumn<AllocationRow, Number> siteTotal;
    @FXML private TableColumn<AllocationRow, double[]> siteTrend;
    @FXML private ListView<StackFrame> stack;

    public AllocationsView(AllocationsViewModel model) {
        this.model = model;
        Fxml.load(this);
        filter.textProperty().bindBidirectional(model.filterProperty());
        hideJdk.selectedProperty().bindBidirectional(model.hideJdkProperty());
        throttle.getItems().setAll(AllocationsViewModel.THROTTLES);
        throttle.valueProperty().bindBidirectional(model.throttleProperty());
        throttle.disableProperty().bind(model.canChangeThrottleProperty().not());
        lastMinute.setUserData(AllocationPeriod.LAST_MINUTE);
        wholeSession.setUserData(AllocationPeriod.SESSION);
        periods.selectToggle(model.periodProperty().get() == AllocationPeriod.SESSION ? wholeSession : lastMinute);
        periods.selectedToggleProperty().addListener(periodListener);
        summary.textProperty().bind(model.summaryProperty());

        Columns.show(className, AllocationRow::name);
        showRates(classRate, classShare, classTotal, classTrend);
        classes.setItems(sorted(model.classes(), classes));
        classesPlaceholder.textProperty().bind(model.emptyTextProperty());

        Columns.show(siteName, AllocationRow::name);
        Columns.show(siteClass, AllocationRow::detail);
        showRates(siteRate, siteShare, siteTotal, siteTrend);
        sites.setItems(sorted(model.sites(), sites));
        sitesPlaceholder.textProperty().bind(model.emptyTextProperty());
        sites.getSelectionModel().selectedItemProperty().addListener(tableSelection);
        model.selectedSiteProperty().addListener(modelSelection);
        modelSelected(model.selectedSiteProperty().get());
    }

    /** The columns both tables share: the rate, its share, the bytes in all, and the last minute's sparkline. */
    private static void showRates(TableColumn<AllocationRow, Number> rate, TableColumn<AllocationRow, Number> share,
                                  TableColumn<AllocationRow, Number> total, TableColumn<AllocationRow, double[]> trend) {
        showNumber(rate, AllocationRow::bytesPerSecond, v -> ByteSize.format(v.doubleValue()) + "/s");
        showNumber(share, AllocationRow::share, v -> String.format(Locale.ROOT, "%.1f %%", v.doubleValue() * 100));
        showNumber(total, AllocationRow::bytes, v -> ByteSize.format(v.doubleValue()));
        Columns.show(trend, AllocationRow::recentRates);
        trend.setCellFactory(c -> new Sparkline<>());
    }

    /** A number column sorts by the number and shows it formatted. */
    private static void showNumber(TableColumn<AllocationRow, Number> column, Function<AllocationRow, Number> value,
                                   Function<Number, String> format) {
        Columns.show(column, value);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
    }

    /** The user may sort by any column; updates keep that order. */
    private static SortedList<AllocationRow> sorted(ObservableList<AllocationRow> rows, TableView<AllocationRow> table) {
        SortedList<AllocationRow> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        return sorted;
    }

    private void periodChosen(Toggle old, Toggle toggle) {
        if (toggle == null) {
            old.setSelected(true); // one period is always chosen
        } else {
            model.periodProperty().set((AllocationPeriod) toggle.getUserData());
        }
    }

    private void tableSelected(AllocationRow row) {
        if (row != null) {
            model.selectedSiteProperty().set(row);
        }
    }

    private void modelSelected(AllocationRow row) {
        stack.getItems().setAll(row == null ? List.of() : row.stack());
        if (row != null && sites.getSelectionModel().getSelectedItem() != row) {
            sites.getSelectionModel().select(row);
        }
    }

    public void dispose() {
        sites.getSelectionModel().selectedItemProperty().removeListener(tableSelection);
        model.selectedSiteProperty().removeListener(modelSelection);
        periods.selectedToggleProperty().removeListener(periodListener);
        filter.textProperty().unbindBidirectional(model.filterProperty());
        hideJdk.selectedProperty().unbindBidirectional(model.hideJdkProperty());
        throttle.valueProperty().unbindBidirectional(model.throttleProperty());
    }
}
