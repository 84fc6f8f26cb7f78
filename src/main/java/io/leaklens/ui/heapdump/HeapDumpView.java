package io.leaklens.ui.heapdump;

import atlantafx.base.controls.CustomTextField;
import io.leaklens.model.ByteSize;
import io.leaklens.model.DominatorEntry;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.RetainedClass;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A heap dump: its summary above; below, where instances pile up (each suspect with its sentence and path from the
 * GC root), the classes by retained size, and the objects that keep most alive.
 */
public final class HeapDumpView extends VBox {

    private final HeapDumpViewModel model;
    private final ListView<LeakSuspect> suspectList = new ListView<>();
    private final ChangeListener<LeakSuspect> listSelection;
    private final SortedList<RetainedClass> sortedClasses;

    public HeapDumpView(HeapDumpViewModel model) {
        this.model = model;
        getStyleClass().add("heap-dump-view");
        setPadding(new Insets(12));
        setSpacing(8);
        Label summary = new Label();
        summary.setId("heap-dump-summary");
        summary.getStyleClass().add("hint");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());

        suspectList.setId("heap-dump-suspects");
        suspectList.setItems(model.suspects());
        suspectList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LeakSuspect suspect, boolean empty) {
                super.updateItem(suspect, empty);
                setText(empty || suspect == null ? null : suspect.className() + String.format(Locale.ROOT,
                        "   (score %.2f)", suspect.score()));
            }
        });
        suspectList.getSelectionModel().select(model.selectedSuspectProperty().get());
        listSelection = (obs, old, suspect) -> {
            if (suspect != null) {
                model.selectedSuspectProperty().set(suspect);
            }
        };
        suspectList.getSelectionModel().selectedItemProperty().addListener(listSelection);
        TextArea details = new TextArea();
        details.setId("heap-dump-suspect-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.textProperty().bind(model.suspectDetailsProperty());
        SplitPane suspects = new SplitPane(suspectList, details);
        suspects.setDividerPositions(0.35);

        CustomTextField filter = new CustomTextField();
        filter.setId("heap-dump-filter");
        filter.setPromptText("Filter by class or package");
        filter.setPrefWidth(320);
        filter.textProperty().bindBidirectional(model.filterProperty());
        CheckBox hideJdk = new CheckBox("Hide JDK classes");
        hideJdk.selectedProperty().bindBidirectional(model.hideJdkProperty());
        HBox toolbar = new HBox(12, filter, hideJdk);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        TableView<RetainedClass> classes = new TableView<>();
        classes.setId("heap-dump-classes");
        sortedClasses = new SortedList<>(model.classes());
        sortedClasses.comparatorProperty().bind(classes.comparatorProperty());
        classes.setItems(sortedClasses);
        classes.getColumns().addAll(List2.of(
                text("Class", RetainedClass::className, 460),
                count("Instances", RetainedClass::instances),
                bytes("Shallow", RetainedClass::shallowBytes),
                bytes("Retained", RetainedClass::retainedBytes),
                share("Heap", RetainedClass::heapShare)));
        classes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(classes, Priority.ALWAYS);
        VBox classesPane = new VBox(8, toolbar, classes);
        classesPane.setPadding(new Insets(8, 0, 0, 0));

        TableView<DominatorEntry> dominators = new TableView<>(model.dominators());
        dominators.setId("heap-dump-dominators");
        dominators.getColumns().addAll(List2.of(
                text("Object", d -> d.className() + "  " + d.objectId(), 520),
                bytes("Shallow", DominatorEntry::shallowBytes),
                bytes("Retained", DominatorEntry::retainedBytes),
                share("Heap", DominatorEntry::heapShare)));
        dominators.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Tab suspectsTab = new Tab("Leak suspects", suspects);
        suspectsTab.setId("tab-dump-suspects");
        Tab classesTab = new Tab("Classes", classesPane);
        classesTab.setId("tab-dump-classes");
        Tab dominatorsTab = new Tab("Biggest objects", dominators);
        dominatorsTab.setId("tab-dump-dominators");
        TabPane tabs = new TabPane(suspectsTab, classesTab, dominatorsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(summary, tabs);
    }

    private static <T> TableColumn<T, String> text(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static <T> TableColumn<T, Number> count(String title, ToLongFunction<T> value) {
        return number(title, value, n -> String.format(Locale.ROOT, "%,d", n.longValue()));
    }

    private static <T> TableColumn<T, Number> bytes(String title, ToLongFunction<T> value) {
        return number(title, value, n -> ByteSize.format(n.longValue()));
    }

    private static <T> TableColumn<T, Number> share(String title, java.util.function.ToDoubleFunction<T> value) {
        TableColumn<T, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(c.getValue())));
        column.setCellFactory(c -> cell(n -> String.format(Locale.ROOT, "%.1f %%", 100 * n.doubleValue())));
        column.getStyleClass().add("number-column");
        return column;
    }

    private static <T> TableColumn<T, Number> number(String title, ToLongFunction<T> value,
                                                     Function<Number, String> format) {
        TableColumn<T, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsLong(c.getValue())));
        column.setCellFactory(c -> cell(format));
        column.getStyleClass().add("number-column");
        return column;
    }

    private static <T> TableCell<T, Number> cell(Function<Number, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Number value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : format.apply(value));
            }
        };
    }

    public void dispose() {
        suspectList.getSelectionModel().selectedItemProperty().removeListener(listSelection);
        sortedClasses.comparatorProperty().unbind();
    }

    /** Keeps the generic column lists readable above. */
    private static final class List2 {
        @SafeVarargs
        static <T> java.util.List<TableColumn<T, ?>> of(TableColumn<T, ?>... columns) {
            return java.util.List.of(columns);
        }
    }
}
