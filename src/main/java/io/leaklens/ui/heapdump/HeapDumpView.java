package io.leaklens.ui.heapdump;

import io.leaklens.model.ByteSize;
import io.leaklens.model.DominatorEntry;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.ObjectPath;
import io.leaklens.model.PathStep;
import io.leaklens.model.RetainedClass;
import io.leaklens.ui.Columns;
import io.leaklens.ui.Fxml;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.BreadCrumbBar;

import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A heap dump (layout in HeapDumpView.fxml): the suspects with their sentences, the classes by retained size, the
 * dominator tree with the path from a GC root to the selected object (as a breadcrumb whose hops lead to their
 * class), and the objects that keep most alive.
 */
public final class HeapDumpView extends VBox {

    private static final Function<Number, String> BYTES = n -> ByteSize.format(n.longValue());
    private static final Function<Number, String> COUNT = n -> String.format(Locale.ROOT, "%,d", n.longValue());
    private static final Function<Number, String> SHARE = n -> HeapDumpViewModel.share(n.doubleValue());

    private final HeapDumpViewModel model;
    private final SortedList<RetainedClass> sortedClasses;
    private final DumpComparisonView comparison;
    private final ChangeListener<LeakSuspect> listSelection = (obs, old, suspect) -> suspectChosen(suspect);
    private final ChangeListener<TreeItem<DominatorEntry>> treeSelection = (obs, old, item) -> objectChosen(item);
    private final ChangeListener<ObjectPath> pathListener = (obs, old, path) -> showPath(path);
    private final ChangeListener<RetainedClass> classSelection = (obs, old, type) -> classChosen(type);

    @FXML private Label summary;
    @FXML private TabPane tabs;
    @FXML private ListView<LeakSuspect> suspectList;
    @FXML private TextArea suspectDetails;
    @FXML private Tab classesTab;
    @FXML private TextField filter;
    @FXML private CheckBox hideJdk;
    @FXML private TableView<RetainedClass> classes;
    @FXML private TableColumn<RetainedClass, String> classColumn;
    @FXML private TableColumn<RetainedClass, Number> instancesColumn;
    @FXML private TableColumn<RetainedClass, Number> classShallowColumn;
    @FXML private TableColumn<RetainedClass, Number> classRetainedColumn;
    @FXML private TableColumn<RetainedClass, Number> classShareColumn;
    @FXML private TextArea classDetails;
    @FXML private TreeTableView<DominatorEntry> tree;
    @FXML private TreeTableColumn<DominatorEntry, String> treeObjectColumn;
    @FXML private TreeTableColumn<DominatorEntry, Number> treeShallowColumn;
    @FXML private TreeTableColumn<DominatorEntry, Number> treeRetainedColumn;
    @FXML private TreeTableColumn<DominatorEntry, Number> treeShareColumn;
    @FXML private Label pathSummary;
    @FXML private BreadCrumbBar<PathStep> pathBar;
    @FXML private TextArea pathText;
    @FXML private StackPane comparisonPane;
    @FXML private TableView<DominatorEntry> dominators;
    @FXML private TableColumn<DominatorEntry, String> objectColumn;
    @FXML private TableColumn<DominatorEntry, Number> objectShallowColumn;
    @FXML private TableColumn<DominatorEntry, Number> objectRetainedColumn;
    @FXML private TableColumn<DominatorEntry, Number> objectShareColumn;

    public HeapDumpView(HeapDumpViewModel model) {
        this.model = model;
        Fxml.load(this);
        summary.textProperty().bind(model.summaryProperty());

        suspectList.setItems(model.suspects());
        suspectList.setCellFactory(list -> new SuspectCell());
        suspectList.getSelectionModel().select(model.selectedSuspectProperty().get());
        suspectList.getSelectionModel().selectedItemProperty().addListener(listSelection);
        suspectDetails.textProperty().bind(model.suspectDetailsProperty());

        filter.textProperty().bindBidirectional(model.filterProperty());
        hideJdk.selectedProperty().bindBidirectional(model.hideJdkProperty());
        sortedClasses = new SortedList<>(model.classes());
        sortedClasses.comparatorProperty().bind(classes.comparatorProperty());
        classes.setItems(sortedClasses);
        Columns.show(classColumn, RetainedClass::className);
        Columns.number(instancesColumn, RetainedClass::instances, COUNT);
        Columns.number(classShallowColumn, RetainedClass::shallowBytes, BYTES);
        Columns.number(classRetainedColumn, RetainedClass::retainedBytes, BYTES);
        Columns.number(classShareColumn, RetainedClass::heapShare, SHARE);
        classes.getSelectionModel().selectedItemProperty().addListener(classSelection);
        classDetails.textProperty().bind(model.classDetailsProperty());

        tree.setRoot(new DominatorItem(model, null));
        treeObjectColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(describe(c.getValue().getValue())));
        treeColumn(treeShallowColumn, DominatorEntry::shallowBytes, BYTES);
        treeColumn(treeRetainedColumn, DominatorEntry::retainedBytes, BYTES);
        treeColumn(treeShareColumn, DominatorEntry::heapShare, SHARE);
        tree.getSelectionModel().selectedItemProperty().addListener(treeSelection);
        pathSummary.textProperty().bind(model.pathSummaryProperty());
        pathBar.setCrumbFactory(item -> new BreadCrumbBar.BreadCrumbButton(crumb(item.getValue())));
        pathBar.setOnCrumbAction(e -> showClass(e.getSelectedCrumb().getValue().className()));
        model.selectedPathProperty().addListener(pathListener);
        showPath(model.selectedPathProperty().get());

        comparison = new DumpComparisonView(model.comparison());
        comparisonPane.getChildren().add(comparison);

        dominators.setItems(model.dominators());
        Columns.show(objectColumn, HeapDumpView::describe);
        Columns.number(objectShallowColumn, DominatorEntry::shallowBytes, BYTES);
        Columns.number(objectRetainedColumn, DominatorEntry::retainedBytes, BYTES);
        Columns.number(objectShareColumn, DominatorEntry::heapShare, SHARE);
    }

    private void suspectChosen(LeakSuspect suspect) {
        if (suspect != null) {
            model.selectedSuspectProperty().set(suspect);
        }
    }

    private void classChosen(RetainedClass type) {
        model.selectedClassProperty().set(type);
    }

    private void objectChosen(TreeItem<DominatorEntry> item) {
        model.selectedObjectProperty().set(item == null ? null : item.getValue());
    }

    private void showPath(ObjectPath path) {
        if (path == null || !path.reached()) {
            pathBar.setSelectedCrumb(null);
            pathText.setText("");
            return;
        }
        pathBar.setSelectedCrumb(BreadCrumbBar.buildTreeModel(path.steps().toArray(PathStep[]::new)));
        pathText.setText("GC root: " + path.rootDescription() + " (" + path.rootKind() + ")\n"
                + path.steps().stream().map(step -> "  → " + step).collect(Collectors.joining("\n")));
    }

    /** A hop of the path leads to its class in the classes table. */
    private void showClass(String className) {
        model.showClass(className);
        tabs.getSelectionModel().select(classesTab);
    }

    /** A hop as short as it reads well: the simple class name and the field. */
    private static String crumb(PathStep step) {
        String name = step.className().substring(step.className().lastIndexOf('.', step.className().length() - 3) + 1);
        return step.field() == null ? name : "[]".equals(step.field()) ? name + " element" : name + "." + step.field();
    }

    private static String describe(DominatorEntry entry) {
        return entry.objectId() == null ? entry.className() : entry.className() + "  " + entry.objectId();
    }

    private static void treeColumn(TreeTableColumn<DominatorEntry, Number> column,
                                   Function<DominatorEntry, Number> value, Function<Number, String> format) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue().getValue())));
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Number number, boolean empty) {
                super.updateItem(number, empty);
                setText(empty || number == null ? null : format.apply(number));
            }
        });
    }

    public void dispose() {
        suspectList.getSelectionModel().selectedItemProperty().removeListener(listSelection);
        tree.getSelectionModel().selectedItemProperty().removeListener(treeSelection);
        classes.getSelectionModel().selectedItemProperty().removeListener(classSelection);
        model.selectedPathProperty().removeListener(pathListener);
        filter.textProperty().unbindBidirectional(model.filterProperty());
        hideJdk.selectedProperty().unbindBidirectional(model.hideJdkProperty());
        sortedClasses.comparatorProperty().unbind();
        comparison.dispose();
    }

    private static final class SuspectCell extends ListCell<LeakSuspect> {
        @Override
        protected void updateItem(LeakSuspect suspect, boolean empty) {
            super.updateItem(suspect, empty);
            setText(empty || suspect == null ? null
                    : suspect.className() + String.format(Locale.ROOT, "   (score %.2f)", suspect.score()));
        }
    }
}
