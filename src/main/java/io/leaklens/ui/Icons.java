package io.leaklens.ui;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The app's icons (Ikonli's Feather set, AtlantaFX's own); their colour comes from app.css. */
public final class Icons {

    private Icons() {
    }

    /** Puts the icon before the control's text. */
    public static <T extends Labeled> T on(T control, Feather icon) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add("app-icon");
        control.setGraphic(graphic);
        return control;
    }

    /** An icon-only button: the text moves to its accessible name. */
    public static <T extends ButtonBase> T only(T button, Feather icon) {
        String text = button.getText();
        on(button, icon);
        button.setText(null);
        button.setAccessibleText(text);
        return button;
    }
}
