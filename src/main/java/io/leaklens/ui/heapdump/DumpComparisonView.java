package io.leaklens.ui.heapdump;

import io.leaklens.model.ByteSize;
import io.leaklens.model.RetainedClassDelta;
import io.leaklens.ui.Columns;
import io.leaklens.ui.Fxml;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.Locale;
import java.util.function.Function;

/** A heap dump compared with another (layout in DumpComparisonView.fxml): classes by retained growth. */
final class DumpComparisonView extends VBox {

    private static final Function<Number, String> BYTES = n -> ByteSize.format(n.longValue());
    private static final Function<Number, String> SIGNED_BYTES = n -> (n.longValue() > 0 ? "+"
            : n.longValue() < 0 ? "−" : "") + ByteSize.format(Math.abs(n.longValue()));
    private static final Function<Number, String> COUNT = n -> String.format(Locale.ROOT, "%,d", n.longValue());
    private static final Function<Number, String> SIGNED_COUNT = n -> String.format(Locale.ROOT, "%+,d",
            n.longValue());

    private final SortedList<RetainedClassDelta> sorted;

    @FXML private Button compare;
    @FXML private Label status;
    @FXML private TableView<RetainedClassDelta> classes;
    @FXML private TableColumn<RetainedClassDelta, String> classColumn;
    @FXML private TableColumn<RetainedClassDelta, Number> instancesColumn;
    @FXML private TableColumn<RetainedClassDelta, Number> instancesDeltaColumn;
    @FXML private TableColumn<RetainedClassDelta, Number> retainedBeforeColumn;
    @FXML private TableColumn<RetainedClassDelta, Number> retainedAfterColumn;
    @FXML private TableColumn<RetainedClassDelta, Number> retainedDeltaColumn;

    DumpComparisonView(DumpComparisonViewModel model) {
        Fxml.load(this);
        status.textProperty().bind(model.statusProperty());
        compare.disableProperty().bind(model.busyProperty());
        compare.setOnAction(e -> chooseDump().ifPresent(file -> model.compareWith(file.toPath())));
        sorted = new SortedList<>(model.classes());
        sorted.comparatorProperty().bind(classes.comparatorProperty());
        classes.setItems(sorted);
        Columns.show(classColumn, RetainedClassDelta::className);
        Columns.number(instancesColumn, RetainedClassDelta::instancesAfter, COUNT);
        Columns.number(instancesDeltaColumn, RetainedClassDelta::instancesDelta, SIGNED_COUNT);
        Columns.number(retainedBeforeColumn, RetainedClassDelta::retainedBefore, BYTES);
        Columns.number(retainedAfterColumn, RetainedClassDelta::retainedAfter, BYTES);
        Columns.number(retainedDeltaColumn, RetainedClassDelta::retainedDelta, SIGNED_BYTES);
    }

    private java.util.Optional<File> chooseDump() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Compare with a heap dump");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Heap dumps", "*.hprof", "*.hprof.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return java.util.Optional.ofNullable(chooser.showOpenDialog(getScene().getWindow()));
    }

    void dispose() {
        sorted.comparatorProperty().unbind();
    }
}
