package io.leaklens.ui.snapshots;

import io.leaklens.ui.Columns;
import io.leaklens.model.ByteSize;
import io.leaklens.store.SnapshotFile;
import io.leaklens.ui.Fxml;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The session's snapshots: take (Ctrl+Shift+S), open, save, name and annotate them, and compare two (Ctrl+D) or
 * one with the one before it. The comparison opens below the list.
 */
public final class SnapshotsView extends VBox {

    /** The shortcut to take a snapshot, also shown in the button's tooltip. */
    public static final KeyCombination TAKE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    /** The shortcut to compare the selected snapshots. */
    public static final KeyCombination COMPARE = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @FXML private Button take;
    @FXML private Tooltip takeTip;
    @FXML private Button open;
    @FXML private Button save;
    @FXML private Button compare;
    @FXML private Tooltip compareTip;
    @FXML private Button previous;
    @FXML private ProgressIndicator progress;
    @FXML private Button cancel;
    @FXML private Label message;
    @FXML private HBox pauseWarning;
    @FXML private Label pauseText;
    @FXML private Button takeAnyway;
    @FXML private Button cancelTake;
    @FXML private SplitPane split;
    @FXML private TableView<SnapshotEntry> table;
    @FXML private TableColumn<SnapshotEntry, String> nameColumn;
    @FXML private TableColumn<SnapshotEntry, String> takenColumn;
    @FXML private TableColumn<SnapshotEntry, String> heapColumn;
    @FXML private TableColumn<SnapshotEntry, String> liveColumn;
    @FXML private TableColumn<SnapshotEntry, String> classesColumn;
    @FXML private TableColumn<SnapshotEntry, String> oldObjectsColumn;
    @FXML private TableColumn<SnapshotEntry, String> fileColumn;
    @FXML private TableColumn<SnapshotEntry, String> notesColumn;

    private final SnapshotsViewModel model;
    private final ChangeListener<ComparisonViewModel> comparisonListener = (obs, old, vm) -> showComparison(vm);
    private final ChangeListener<Boolean> errorListener =
            (obs, old, isError) -> message.pseudoClassStateChanged(ERROR, isError);
    private final ListChangeListener<SnapshotEntry> added = change -> {
        while (change.next()) {
            if (change.wasAdded() && !change.wasReplaced()) {
                table().getSelectionModel().clearAndSelect(change.getTo() - 1);
            }
        }
    };
    private ComparisonView comparison;

    public SnapshotsView(SnapshotsViewModel model) {
        this.model = model;
        Fxml.load(this);
        bindToolbar();
        bindTable();
        model.snapshots().addListener(added);
        model.comparisonProperty().addListener(comparisonListener);
        model.errorProperty().addListener(errorListener);
        showComparison(model.comparisonProperty().get());

        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                setOnKeyPressed(e -> {
                    if (TAKE.match(e)) {
                        model.take();
                        e.consume();
                    } else if (COMPARE.match(e)) {
                        compareSelected();
                        e.consume();
                    }
                });
            }
        });
    }

    private void bindToolbar() {
        take.disableProperty().bind(model.canTakeProperty().not().or(model.busyProperty()));
        take.setOnAction(e -> model.take());
        takeTip.setText("Class histogram, allocations, old objects and heap, now (" + TAKE.getDisplayText()
                + "). The target runs a full GC for the histogram and pauses meanwhile.");
        open.setOnAction(e -> openFiles());
        save.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(model.busyProperty()));
        save.setOnAction(e -> saveSelected());
        compareTip.setText("Compare the two selected snapshots (" + COMPARE.getDisplayText() + ")");
        compare.setOnAction(e -> compareSelected());
        previous.setOnAction(e -> model.compareWithPrevious(table.getSelectionModel().getSelectedItem()));
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.managedProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        message.textProperty().bind(model.messageProperty());

        pauseText.textProperty().bind(model.pauseWarningProperty());
        takeAnyway.setOnAction(e -> model.takeAnyway());
        cancelTake.setOnAction(e -> model.cancelTake());
        pauseWarning.visibleProperty().bind(model.pauseWarningProperty().isNotEmpty());
        pauseWarning.managedProperty().bind(pauseWarning.visibleProperty());
    }

    private void bindTable() {
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<SnapshotEntry>) c -> {
            List<SnapshotEntry> selection = table.getSelectionModel().getSelectedItems();
            compare.setDisable(selection.size() != 2);
            previous.setDisable(selection.size() != 1 || !model.hasPrevious(selection.getFirst()));
        });
        Columns.show(nameColumn, s -> s.name() + (s.unsaved() ? " •" : ""));
        nameColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        nameColumn.setOnEditCommit(e -> model.rename(e.getRowValue(), e.getNewValue().replace(" •", "")));
        Columns.show(takenColumn, s -> TIME.format(s.snapshot().info().takenAt()));
        Columns.show(heapColumn, s -> s.snapshot().heap() == null ? "–"
                : ByteSize.format(s.snapshot().heap().heapUsed()));
        Columns.show(liveColumn, s -> s.snapshot().histogram().classes().isEmpty() ? "no histogram"
                : ByteSize.format(s.snapshot().histogram().totalBytes()));
        Columns.show(classesColumn, s -> String.format(Locale.ROOT, "%,d", s.snapshot().histogram().classes().size()));
        Columns.show(oldObjectsColumn, s -> Integer.toString(s.snapshot().oldObjects().samples().size()));
        Columns.show(fileColumn, s -> s.file() == null ? "not saved" : s.file().getFileName().toString());
        Columns.show(notesColumn, s -> s.snapshot().info().notes());
        notesColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        notesColumn.setOnEditCommit(e -> model.setNotes(e.getRowValue(), e.getNewValue()));
        table.setItems(model.snapshots());
    }

    private TableView<SnapshotEntry> table() {
        return table;
    }

    private void compareSelected() {
        List<SnapshotEntry> selection = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (selection.size() == 2) {
            model.compare(selection.get(0), selection.get(1));
        }
    }

    private void showComparison(ComparisonViewModel vm) {
        if (comparison != null) {
            comparison.dispose();
            comparison = null;
        }
        if (vm == null) {
            split.getItems().setAll(table);
            return;
        }
        comparison = new ComparisonView(vm, model::closeComparison);
        comparison.setId("comparison-view");
        split.getItems().setAll(table, comparison);
        split.setDividerPositions(0.16);
    }

    private void openFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open snapshots");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("LeakLens snapshots",
                "*" + SnapshotFile.EXTENSION), new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (files != null) {
            model.open(files.stream().map(File::toPath).toList());
        }
    }

    private void saveSelected() {
        SnapshotEntry entry = table.getSelectionModel().getSelectedItem();
        if (entry == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save " + entry.name());
        chooser.setInitialFileName(entry.file() != null ? entry.file().getFileName().toString()
                : entry.name().replaceAll("[^A-Za-z0-9._-]+", "-") + SnapshotFile.EXTENSION);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("LeakLens snapshots",
                "*" + SnapshotFile.EXTENSION));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.save(entry, file.toPath());
        }
    }

    public void dispose() {
        model.snapshots().removeListener(added);
        model.comparisonProperty().removeListener(comparisonListener);
        model.errorProperty().removeListener(errorListener);
        if (comparison != null) {
            comparison.dispose();
        }
    }
}
