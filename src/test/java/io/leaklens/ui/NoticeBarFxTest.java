package io.leaklens.ui;

import atlantafx.base.theme.PrimerLight;
import io.leaklens.session.SessionException;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure shows in the notice bar in a sentence; its detail is one click away; Dismiss clears it. */
@ExtendWith(ApplicationExtension.class)
class NoticeBarFxTest {

    private final Notices notices = new Notices();
    private NoticeBar bar;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        bar = new NoticeBar(notices);
        BorderPane root = new BorderPane(new Label("content"));
        root.setBottom(bar);
        Scene scene = new Scene(root, 800, 400);
        scene.getStylesheets().add(LeakLensApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aFailureIsToldOnceWithItsDetailOneClickAway(FxRobot robot) {
        assertThat(bar.isVisible()).isFalse();

        robot.interact(() -> notices.report("Could not take the snapshot: JVM 42 exited.",
                new SessionException("JVM 42 exited", new java.io.EOFException("connection closed"))));

        assertThat(bar.isVisible()).isTrue();
        assertThat(robot.lookup("#notice-message").queryAs(Label.class).getText())
                .endsWith("Could not take the snapshot: JVM 42 exited.");
        TextArea detail = robot.lookup(".details-text").queryAs(TextArea.class);
        assertThat(detail.isVisible()).isFalse();
        robot.clickOn("#notice-details");
        assertThat(detail.isVisible()).isTrue();
        assertThat(detail.getText()).contains("java.io.EOFException: connection closed")
                .doesNotContain("\tat "); // a worded failure needs no stack trace

        robot.clickOn("#notice-dismiss");
        assertThat(bar.isVisible()).isFalse();
    }

    @Test
    void anUnexpectedErrorKeepsItsStackTraceForABugReport() {
        String detail = Notices.detail(new IllegalStateException("boom"));
        assertThat(detail).startsWith("java.lang.IllegalStateException: boom").contains("\tat ");
    }
}
