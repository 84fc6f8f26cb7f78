package io.leaklens.ui.snapshots;

import io.leaklens.ui.Icons;
import org.kordamp.ikonli.feather.Feather;
import io.leaklens.model.ByteSize;
import io.leaklens.store.SnapshotFile;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
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
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

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

    private final SnapshotsViewModel model;
    private final TableView<SnapshotEntry> table = new TableView<>();
    private final SplitPane split = new SplitPane();
    private final VBox comparisonArea = new VBox();
    private final ChangeListener<ComparisonViewModel> comparisonListener = (obs, old, vm) -> showComparison(vm);
    private final ChangeListener<Boolean> errorListener;
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
        getStyleClass().add("snapshots-view");
        setSpacing(8);

        Button take = Icons.on(new Button("Take snapshot"), Feather.CAMERA);
        take.setId("take-snapshot");
        take.getStyleClass().add("accent");
        take.disableProperty().bind(model.canTakeProperty().not().or(model.busyProperty()));
        take.setOnAction(e -> model.take());
        take.setTooltip(new Tooltip("Class histogram, allocations, old objects and heap, now ("
                + TAKE.getDisplayText() + "). The target runs a full GC for the histogram and pauses meanwhile."));
        Button open = Icons.on(new Button("Open…"), Feather.FOLDER);
        open.setOnAction(e -> openFiles());
        open.setTooltip(new Tooltip("Add snapshot files (.llsnap) to compare with"));
        Button save = Icons.on(new Button("Save…"), Feather.SAVE);
        save.setId("save-snapshot");
        save.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(model.busyProperty()));
        save.setOnAction(e -> saveSelected());
        Button compare = Icons.on(new Button("Compare"), Feather.COLUMNS);
        compare.setId("compare-snapshots");
        compare.setTooltip(new Tooltip("Compare the two selected snapshots (" + COMPARE.getDisplayText() + ")"));
        compare.setDisable(true);
        compare.setOnAction(e -> compareSelected());
        Button previous = Icons.on(new Button("Compare with previous"), Feather.SKIP_BACK);
        previous.setId("compare-previous");
        previous.setDisable(true);
        previous.setOnAction(e -> model.compareWithPrevious(table.getSelectionModel().getSelectedItem()));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<SnapshotEntry>) c -> {
            List<SnapshotEntry> selection = table.getSelectionModel().getSelectedItems();
            compare.setDisable(selection.size() != 2);
            previous.setDisable(selection.size() != 1 || !model.hasPrevious(selection.getFirst()));
        });
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());
        Label message = new Label();
        message.setId("snapshots-message");
        message.getStyleClass().add("message");
        message.textProperty().bind(model.messageProperty());
        errorListener = (obs, old, isError) -> message.pseudoClassStateChanged(ERROR, isError);
        model.errorProperty().addListener(errorListener);
        for (Button button : List.of(take, open, save, compare, previous)) {
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        message.setMinWidth(0);
        Button cancel = new Button("Cancel");
        cancel.setId("snapshots-cancel");
        cancel.getStyleClass().addAll("small", "flat");
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.managedProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        HBox toolbar = new HBox(10, take, open, save, compare, previous, progress, cancel, message);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        HBox pauseWarning = pauseWarning();

        table.setId("snapshot-list");
        table.setEditable(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<SnapshotEntry, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()
                + (c.getValue().unsaved() ? " •" : "")));
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setOnEditCommit(e -> model.rename(e.getRowValue(), e.getNewValue().replace(" •", "")));
        name.setPrefWidth(170);
        TableColumn<SnapshotEntry, String> notes = new TableColumn<>("Notes");
        Label notesHeader = new Label("Notes");
        notesHeader.setTooltip(new Tooltip("Double-click a row's notes (or its name) to edit them"));
        notes.setGraphic(notesHeader);
        notes.setText("");
        notes.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().snapshot().info().notes()));
        notes.setCellFactory(TextFieldTableCell.forTableColumn());
        notes.setOnEditCommit(e -> model.setNotes(e.getRowValue(), e.getNewValue()));
        table.getColumns().addAll(List.of(name,
                column("Taken", s -> TIME.format(s.snapshot().info().takenAt()), 150),
                column("Heap used", s -> s.snapshot().heap() == null ? "–"
                        : ByteSize.format(s.snapshot().heap().heapUsed()), 90),
                column("Live objects", s -> s.snapshot().histogram().classes().isEmpty() ? "no histogram"
                        : ByteSize.format(s.snapshot().histogram().totalBytes()), 100),
                column("Classes", s -> String.format(Locale.ROOT, "%,d", s.snapshot().histogram().classes().size()),
                        70),
                column("Old objects", s -> Integer.toString(s.snapshot().oldObjects().samples().size()), 85),
                column("File", s -> s.file() == null ? "not saved" : s.file().getFileName().toString(), 140),
                notes));
        table.setItems(model.snapshots());
        Label placeholder = new Label("No snapshots yet. Take one now and another in a minute (or before and after "
                + "a fix), then select both and press Compare: the class that leaks comes first.");
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("placeholder");
        table.setPlaceholder(placeholder);
        model.snapshots().addListener(added);
        model.comparisonProperty().addListener(comparisonListener);

        comparisonArea.getStyleClass().add("comparison-area");
        split.setOrientation(Orientation.VERTICAL);
        split.getItems().add(table);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(toolbar, pauseWarning, split);
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

    /** Shown instead of taking a snapshot whose histogram may pause the target for a second or more. */
    private HBox pauseWarning() {
        Label text = new Label();
        text.setId("pause-warning-text");
        text.setWrapText(true);
        text.textProperty().bind(model.pauseWarningProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button anyway = new Button("Take it anyway");
        anyway.setId("take-anyway");
        anyway.setOnAction(e -> model.takeAnyway());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-take");
        cancel.setOnAction(e -> model.cancelTake());
        HBox bar = new HBox(10, Icons.on(new Label(), Feather.ALERT_TRIANGLE), text, anyway, cancel);
        bar.setId("pause-warning");
        bar.getStyleClass().add("pause-warning");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(model.pauseWarningProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
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

    private static TableColumn<SnapshotEntry, String> column(String title, Function<SnapshotEntry, String> value,
                                                             double width) {
        TableColumn<SnapshotEntry, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setEditable(false);
        return column;
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
