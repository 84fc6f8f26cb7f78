package io.leaklens.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.util.Objects;

/** The desktop app: one window with the menus, the JVM picker and the sessions, in the theme the user chose. */
public final class LeakLensApp extends Application {

    private MainViewModel model;
    private MainView view;
    private AppMenu menu;
    private NoticeBar notices;
    private final ChangeListener<Theme> themeListener = (obs, old, theme) -> apply(theme);

    public static void main(String[] args) {
        launch(LeakLensApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        model = new MainViewModel(UiExecutor.withPool(Platform::runLater));
        apply(model.themeProperty().get());
        model.themeProperty().addListener(themeListener);
        view = new MainView(model);
        menu = new AppMenu(model, view, stage::close, getHostServices()::showDocument);
        notices = new NoticeBar(model.notices());
        BorderPane root = new BorderPane(view);
        root.setTop(menu);
        root.setBottom(notices);
        UserSettings settings = model.settings();
        // The size of the last run, or 1360×860, never larger than the screen (a 1280×800 laptop).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(settings.windowWidth(1360), screen.getWidth()),
                Math.min(settings.windowHeight(860), screen.getHeight()));
        scene.getStylesheets().add(stylesheet());
        stage.setTitle("LeakLens");
        stage.getIcons().add(new javafx.scene.image.Image(Objects.requireNonNull(
                LeakLensApp.class.getResourceAsStream("leaklens.png"), "leaklens.png")));
        stage.setScene(scene);
        stage.setMaximized(settings.windowMaximized());
        stage.setOnHiding(e -> model.rememberWindow(scene.getWidth(), scene.getHeight(), stage.isMaximized()));
        stage.show();
    }

    private static void apply(Theme theme) {
        Application.setUserAgentStylesheet(theme.stylesheet());
    }

    /** The app's own stylesheet, on top of the theme. */
    public static String stylesheet() {
        return Objects.requireNonNull(LeakLensApp.class.getResource("app.css"), "app.css").toExternalForm();
    }

    @Override
    public void stop() {
        if (model != null) {
            model.themeProperty().removeListener(themeListener);
        }
        if (menu != null) {
            menu.dispose();
            notices.dispose();
        }
        if (view != null) {
            view.dispose();
        }
    }
}
