package io.leaklens.ui;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** A view on its own in a test's window, styled as the app styles it. */
public final class TestScenes {

    private TestScenes() {
    }

    /** The window's view model as the app makes it, on fresh settings and the FX thread. */
    public static MainViewModel mainViewModel() {
        return new MainViewModel(UiExecutor.withPool(javafx.application.Platform::runLater),
                io.leaklens.session.LiveSession::connect, TestSettings.fresh());
    }

    /** Shows {@code root} in a scene of that size with the app's stylesheet, in the light theme. */
    public static void show(Stage stage, Parent root, double width, double height) {
        Application.setUserAgentStylesheet(Theme.LIGHT.stylesheet());
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(LeakLensApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }
}
