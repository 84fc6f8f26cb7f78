package io.leaklens.ui.heapdump;

import io.leaklens.model.ByteSize;
import io.leaklens.model.RetainedClassDelta;
import io.leaklens.ui.Fxml;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** A heap dump compared with another (layout in DumpComparisonView.fxml): classes by retained growth. */
final class DumpComparisonView extends VBox {

    private static final Function<Long, String> BYTES = ByteSize::format;
    private static final Function<Long, String> SIGNED_BYTES = n -> (n > 0 ? "+" : n < 0 ? "−" : "")
            + ByteSize.format(Math.abs(n));
    private static final Function<Long, String> COUNT = n -> String.format(Locale.ROOT, "%,d", n);
    private static final Function<Long, String> SIGNED_COUNT = n -> String.format(Locale.ROOT, "%+,d", n);

    private final SortedList<RetainedClassDelta> sorted;

    @FXML private Button compare;
    @FXML private Label status;
    @FXML private TableView<RetainedClassDelta> classes;
    @FXML private TableColumn<RetainedClassDelta, String> classColumn;
    @FXML private TableColumn<RetainedClassDelta, Long> instancesColumn;
    @FXML private TableColumn<RetainedClassDelta, Long> instancesDeltaColumn;
    @FXML private TableColumn<RetainedClassDelta, Long> retainedBeforeColumn;
    @FXML private TableColumn<RetainedClassDelta, Long> retainedAfterColumn;
    @FXML private TableColumn<RetainedClassDelta, Long> retainedDeltaColumn;

    DumpComparisonView(DumpComparisonViewModel model) {
        Fxml.load(this);
        status.textProperty().bind(model.statusProperty());
        compare.disableProperty().bind(model.busyProperty());
        compare.setOnAction(e -> chooseDump().ifPresent(file -> model.compareWith(file.toPath())));
        sorted = new SortedList<>(model.classes());
        sorted.comparatorProperty().bind(classes.comparatorProperty());
        classes.setItems(sorted);
        classColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().className()));
        column(instancesColumn, RetainedClassDelta::instancesAfter, COUNT);
        column(instancesDeltaColumn, RetainedClassDelta::instancesDelta, SIGNED_COUNT);
        column(retainedBeforeColumn, RetainedClassDelta::retainedBefore, BYTES);
        column(retainedAfterColumn, RetainedClassDelta::retainedAfter, BYTES);
        column(retainedDeltaColumn, RetainedClassDelta::retainedDelta, SIGNED_BYTES);
    }

    private java.util.Optional<File> chooseDump() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Compare with a heap dump");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Heap dumps", "*.hprof", "*.hprof.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return java.util.Optional.ofNullable(chooser.showOpenDialog(getScene().getWindow()));
    }

    private static void column(TableColumn<RetainedClassDelta, Long> column, ToLongFunction<RetainedClassDelta> value,
                               Function<Long, String> format) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsLong(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long number, boolean empty) {
                super.updateItem(number, empty);
                setText(empty || number == null ? null : format.apply(number));
            }
        });
    }

    void dispose() {
        sorted.comparatorProperty().unbind();
    }
}
