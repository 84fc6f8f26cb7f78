package io.leaklens.ui;

import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The window's notice bar: the latest failure in a sentence, "Details" for its story, "Dismiss" to clear it. */
final class NoticeBar extends VBox {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Notices notices;
    private final ChangeListener<Notice> listener = (obs, old, notice) -> show(notice);

    @FXML private Label message;
    @FXML private ToggleButton details;
    @FXML private Button dismiss;
    @FXML private TextArea detail;

    NoticeBar(Notices notices) {
        this.notices = notices;
        Fxml.load(this);
        dismiss.setOnAction(e -> notices.dismiss());
        detail.visibleProperty().bind(details.selectedProperty());
        detail.managedProperty().bind(details.selectedProperty());
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
