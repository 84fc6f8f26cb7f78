package io.leaklens.ui;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Loads a view's layout: {@code XxxView.fxml} beside the class {@code XxxView} (in src/main/resources), written with
 * {@code <fx:root type="...">}. The view is both the layout's root and its controller, so it stays a node that its
 * parent places and disposes; its {@code @FXML} fields are filled, then its constructor binds them to the view
 * model and wires the actions. Layouts name no controller and no handlers: each one loads on its own, in Scene
 * Builder and in the test that loads every layout.
 */
public final class Fxml {

    private Fxml() {
    }

    /** Fills {@code view} with its layout; a missing or broken file is a bug, so it fails loudly. */
    public static void load(Parent view) {
        String name = view.getClass().getSimpleName() + ".fxml";
        URL location = view.getClass().getResource(name);
        if (location == null) {
            throw new IllegalStateException("no layout " + name + " beside " + view.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setRoot(view);
        loader.setController(view);
        loader.setClassLoader(view.getClass().getClassLoader());
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the layout " + location + ": " + e.getMessage(), e);
        }
    }
}
