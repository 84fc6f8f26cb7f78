package io.leaklens.ui;

import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every layout under src/main/resources loads on its own (as Scene Builder opens it: no controller), beside a view
 * class of its name whose every {@code @FXML} field has an element of that id and a type that fits. A broken or
 * renamed layout fails here, not in a user's window.
 */
@ExtendWith(ApplicationExtension.class)
class FxmlLayoutsFxTest {

    private static final Path LAYOUTS = Path.of("src/main/resources");
    private static final Pattern ROOT_TYPE = Pattern.compile("<fx:root\\s[^>]*type=\"([\\w.]+)\"");

    @Start
    void start(Stage stage) {
        // The toolkit only: controls and charts are made on its thread.
    }

    @TestFactory
    Stream<DynamicTest> everyLayoutLoadsAndFitsItsView(FxRobot robot) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(LAYOUTS)) {
            files = walk.filter(p -> p.toString().endsWith(".fxml")).sorted().toList();
        }
        assertThat(files).as("layouts under " + LAYOUTS).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(LAYOUTS.relativize(file).toString(),
                () -> check(robot, file)));
    }

    private static void check(FxRobot robot, Path file) throws Exception {
        String relative = LAYOUTS.relativize(file).toString();
        String viewName = relative.substring(0, relative.length() - ".fxml".length()).replace('/', '.');
        Class<?> view = Class.forName(viewName);
        URL location = view.getResource(view.getSimpleName() + ".fxml");
        assertThat(location).as("the layout of " + viewName + " on the class path").isNotNull();

        Matcher root = ROOT_TYPE.matcher(Files.readString(file));
        assertThat(root.find()).as(relative + " is an <fx:root type=\"...\"> layout").isTrue();
        Class<?> rootType = Class.forName(root.group(1));
        assertThat(rootType).as(viewName + " is a " + rootType.getName()).isAssignableFrom(view);

        AtomicReference<Map<String, Object>> namespace = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        robot.interact(() -> {
            try {
                FXMLLoader loader = new FXMLLoader(location);
                loader.setRoot(rootType.getDeclaredConstructor().newInstance());
                loader.load();
                namespace.set(loader.getNamespace());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        assertThat(failure.get()).as(relative + " loads").isNull();

        List<String> problems = new ArrayList<>();
        for (Field field : view.getDeclaredFields()) {
            if (!field.isAnnotationPresent(FXML.class) || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Object element = namespace.get().get(field.getName());
            if (element == null) {
                problems.add("no fx:id=\"" + field.getName() + "\"");
            } else if (!field.getType().isInstance(element)) {
                problems.add(field.getName() + " is a " + element.getClass().getName() + ", not a "
                        + field.getType().getName());
            }
        }
        assertThat(problems).as(viewName + "'s @FXML fields").isEmpty();
        assertThat(Parent.class).isAssignableFrom(view);
    }
}
