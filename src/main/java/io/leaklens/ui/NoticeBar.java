package io.leaklens.ui;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The window's notice bar: the latest failure in a sentence, "Details" for its story, "Dismiss" to clear it. */
final class NoticeBar extends VBox {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Notices notices;
    private final Label message = new Label();
    private final TextArea detail = new TextArea();
    private final ToggleButton details = new ToggleButton("Details");
    private final ChangeListener<Notice> listener = (obs, old, notice) -> show(notice);

    NoticeBar(Notices notices) {
        this.notices = notices;
        setId("notice-bar");
        getStyleClass().add("notice-bar");
        Icons.on(message, Feather.ALERT_TRIANGLE);
        message.setId("notice-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        details.setId("notice-details");
        details.getStyleClass().add("small");
        Button dismiss = new Button("Dismiss");
        dismiss.setId("notice-dismiss");
        dismiss.getStyleClass().add("small");
        dismiss.setOnAction(e -> notices.dismiss());
        HBox line = new HBox(10, message, details, dismiss);
        line.setAlignment(Pos.CENTER_LEFT);
        detail.setEditable(false);
        detail.setPrefRowCount(6);
        detail.getStyleClass().add("details-text");
        detail.visibleProperty().bind(details.selectedProperty());
        detail.managedProperty().bind(details.selectedProperty());
        getChildren().addAll(line, detail);
        notices.latestProperty().addListener(listener);
        show(notices.latestProperty().get());
    }

    private void show(Notice notice) {
        setVisible(notice != null);
        setManaged(notice != null);
        details.setSelected(false);
        if (notice != null) {
            message.setText(CLOCK.format(notice.at()) + "  " + notice.message());
            detail.setText(notice.detail());
            details.setDisable(notice.detail().isEmpty());
        }
    }

    void dispose() {
        notices.latestProperty().removeListener(listener);
    }
}
