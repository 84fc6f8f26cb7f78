package io.leaklens.ui;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** The one "open a snapshot or a recording" dialog, for the picker's button and the File menu. */
public final class OpenFileDialog {

    private OpenFileDialog() {
    }

    public static Optional<Path> show(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a snapshot or a JFR recording");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Snapshots and JFR recordings", "*.llsnap", "*.jfr"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }
}
