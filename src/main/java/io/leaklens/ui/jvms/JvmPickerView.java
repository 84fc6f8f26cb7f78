package io.leaklens.ui.jvms;

import io.leaklens.model.JvmInfo;
import io.leaklens.ui.Fxml;
import io.leaklens.ui.OpenFileDialog;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The JVM picker: a short explanation, a filter, the list of local JVMs (refreshed every 2 s while shown), and the
 * Connect and Launch demo actions with their progress or error. Its layout is JvmPickerView.fxml.
 */
public final class JvmPickerView extends VBox {

    static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final Duration REFRESH_EVERY = Duration.seconds(2);

    private final JvmPickerViewModel model;
    private final Timeline refresher;
    private final ChangeListener<JvmInfo> selectionListener;
    private final ChangeListener<Boolean> errorListener;

    @FXML private TextField filter;
    @FXML private ListView<JvmInfo> list;
    @FXML private Label placeholder;
    @FXML private Button connect;
    @FXML private Button demo;
    @FXML private Button open;
    @FXML private ProgressIndicator progress;
    @FXML private Label message;
    @FXML private Button cancel;

    public JvmPickerView(JvmPickerViewModel model) {
        this.model = model;
        Fxml.load(this);
        filter.textProperty().bindBidirectional(model.filterProperty());

        list.setItems(model.jvms());
        list.setCellFactory(v -> new JvmCell(model));
        placeholder.textProperty().bind(Bindings.when(model.listedProperty())
                .then("No other JVM of yours is running.\nLaunch the demo app to try LeakLens.")
                .otherwise("Looking for JVMs …"));
        selectionListener = (obs, old, jvm) -> model.selectedProperty().set(jvm);
        list.getSelectionModel().selectedItemProperty().addListener(selectionListener);
        list.setOnMouseClicked(this::listClicked);
        list.setOnKeyPressed(this::listKeyPressed);

        connect.disableProperty().bind(model.canConnectProperty().not());
        connect.setOnAction(e -> model.connect());
        demo.disableProperty().bind(model.busyProperty());
        demo.setOnAction(e -> model.launchDemo());
        open.disableProperty().bind(model.busyProperty());
        open.setOnAction(e -> OpenFileDialog.show(getScene().getWindow()).ifPresent(model::openRecording));

        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());
        message.textProperty().bind(model.messageProperty());
        errorListener = (obs, old, isError) -> message.pseudoClassStateChanged(ERROR, isError);
        model.errorProperty().addListener(errorListener);
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.managedProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());

        refresher = new Timeline(new KeyFrame(REFRESH_EVERY, e -> model.refresh()));
        refresher.setCycleCount(Animation.INDEFINITE);
    }

    private void listClicked(MouseEvent e) {
        if (e.getClickCount() == 2) {
            model.connect();
        }
    }

    private void listKeyPressed(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            model.connect();
        }
    }

    /** Lists at once and every 2 s until {@link #stopRefreshing()} or {@link #dispose()}. */
    public void startRefreshing() {
        model.refresh();
        refresher.play();
    }

    public void stopRefreshing() {
        refresher.stop();
    }

    public void dispose() {
        refresher.stop();
        list.getSelectionModel().selectedItemProperty().removeListener(selectionListener);
        model.errorProperty().removeListener(errorListener);
        filter.textProperty().unbindBidirectional(model.filterProperty());
    }

    /** A JVM as two lines: its name, and its pid with whether it can be attached. */
    private static final class JvmCell extends ListCell<JvmInfo> {
        private final JvmPickerViewModel model;
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(2, name, detail);

        JvmCell(JvmPickerViewModel model) {
            this.model = model;
            // Long names end in an ellipsis instead of widening the list beyond the picker.
            setPrefWidth(0);
            name.setMinWidth(0);
            name.getStyleClass().add("jvm-name");
            detail.getStyleClass().add("jvm-detail");
        }

        @Override
        protected void updateItem(JvmInfo jvm, boolean empty) {
            super.updateItem(jvm, empty);
            if (empty || jvm == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            name.setText(jvm.displayName());
            detail.setText("pid " + jvm.pid() + (jvm.attachable() ? "" : " · attach disabled")
                    + (model.isRecent(jvm) ? " · watched before" : ""));
            pseudoClassStateChanged(ERROR, !jvm.attachable());
            setGraphic(box);
            setTooltip(jvm.commandLine().isEmpty() ? null : new Tooltip(jvm.commandLine()));
        }
    }
}
