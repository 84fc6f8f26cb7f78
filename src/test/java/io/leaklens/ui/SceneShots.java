package io.leaklens.ui;

import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/** Pictures of a test's scene as a user sees it, for a person to look at: target/screenshots/NAME.png. */
public final class SceneShots {

    private SceneShots() {
    }

    /** The scene in the theme it has now. */
    public static void light(FxRobot robot, Scene scene, String name) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> image.set(scene.snapshot(null)));
        try {
            Path out = Path.of("target", "screenshots");
            Files.createDirectories(out);
            ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", out.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scene in the dark theme (NAME-dark.png), then the light one again. */
    public static void dark(FxRobot robot, Scene scene, String name) {
        robot.interact(() -> Application.setUserAgentStylesheet(Theme.DARK.stylesheet()));
        light(robot, scene, name + "-dark");
        robot.interact(() -> Application.setUserAgentStylesheet(Theme.LIGHT.stylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
