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

/** A view's scene as a user sees it, for a person to look at: target/screenshots/NAME.png, light and dark. */
public final class Screenshots {

    private Screenshots() {
    }

    /** Writes NAME.png in the light theme and NAME-dark.png in the dark one, then goes back to the light theme. */
    public static void lightAndDark(FxRobot robot, Scene scene, String name) {
        write(robot, scene, name);
        robot.interact(() -> Application.setUserAgentStylesheet(Theme.DARK.stylesheet()));
        try {
            write(robot, scene, name + "-dark");
        } finally {
            robot.interact(() -> Application.setUserAgentStylesheet(Theme.LIGHT.stylesheet()));
        }
    }

    /** Writes NAME.png in the theme of the moment. */
    public static void write(FxRobot robot, Scene scene, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(scene.snapshot(null)));
        try {
            Path out = Path.of("target", "screenshots");
            Files.createDirectories(out);
            ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", out.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
