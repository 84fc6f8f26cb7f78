package io.leaklens.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Objects;

/** The desktop app: one window with the JVM picker and the sessions. */
public final class LeakLensApp extends Application {

    private MainView view;

    public static void main(String[] args) {
        launch(LeakLensApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new MainView(new MainViewModel(UiExecutor.withPool(Platform::runLater)));
        Scene scene = new Scene(view, 1360, 860);
        scene.getStylesheets().add(stylesheet());
        stage.setTitle("LeakLens");
        stage.setScene(scene);
        stage.show();
    }

    /** The app's own stylesheet, on top of the theme. */
    public static String stylesheet() {
        return Objects.requireNonNull(LeakLensApp.class.getResource("app.css"), "app.css").toExternalForm();
    }

    @Override
    public void stop() {
        if (view != null) {
            view.dispose();
        }
    }
}
