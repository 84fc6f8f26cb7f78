package io.leaklens.ui;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** The one "open a snapshot, a recording or a heap dump" dialog, for the picker's button and the File menu. */
public final class OpenFileDialog {

    private OpenFileDialog() {
    }

    public static Optional<Path> show(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a snapshot, a JFR recording or a heap dump");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Snapshots, JFR recordings and heap dumps", "*.llsnap", "*.jfr",
                        "*.hprof", "*.hprof.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }
}
