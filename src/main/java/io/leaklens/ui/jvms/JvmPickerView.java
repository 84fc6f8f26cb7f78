package io.leaklens.ui.jvms;

import io.leaklens.ui.Icons;
import org.kordamp.ikonli.feather.Feather;
import io.leaklens.model.JvmInfo;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import atlantafx.base.controls.CustomTextField;

/**
 * The JVM picker: a short explanation, a filter, the list of local JVMs (refreshed every 2 s while shown), and the
 * Connect and Launch demo actions with their progress or error.
 */
public final class JvmPickerView extends VBox {

    static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final Duration REFRESH_EVERY = Duration.seconds(2);

    private final JvmPickerViewModel model;
    private final Timeline refresher;
    private final ListView<JvmInfo> list = new ListView<>();
    private final ChangeListener<JvmInfo> selectionListener;
    private final ChangeListener<Boolean> errorListener;

    public JvmPickerView(JvmPickerViewModel model) {
        this.model = model;
        getStyleClass().add("jvm-picker");

        Label title = new Label("Java processes");
        title.getStyleClass().add("title");
        Label hint = new Label("Pick a JVM of yours to watch its memory live, or launch the demo shop — "
                + "a small service with a leak — to see LeakLens at work.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        CustomTextField filter = new CustomTextField();
        Button clear = new Button("×");
        clear.getStyleClass().addAll("flat", "clear-filter");
        clear.setFocusTraversable(false);
        clear.visibleProperty().bind(filter.textProperty().isNotEmpty());
        clear.setOnAction(e -> filter.clear());
        filter.setRight(clear);
        filter.setId("jvm-filter");
        filter.setPromptText("Filter by name or pid");
        filter.textProperty().bindBidirectional(model.filterProperty());

        list.setId("jvm-list");
        list.setItems(model.jvms());
        list.setCellFactory(v -> new JvmCell(model));
        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(model.listedProperty())
                .then("No other JVM of yours is running.\nLaunch the demo app to try LeakLens.")
                .otherwise("Looking for JVMs …"));
        placeholder.getStyleClass().add("placeholder");
        list.setPlaceholder(placeholder);
        VBox.setVgrow(list, Priority.ALWAYS);
        selectionListener = (obs, old, jvm) -> model.selectedProperty().set(jvm);
        list.getSelectionModel().selectedItemProperty().addListener(selectionListener);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.connect();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.connect();
            }
        });

        Button connect = Icons.on(new Button("Connect"), Feather.LINK);
        connect.setId("connect");
        connect.setDefaultButton(true);
        connect.disableProperty().bind(model.canConnectProperty().not());
        connect.setOnAction(e -> model.connect());
        connect.setTooltip(new Tooltip("Attach to the selected JVM and watch its memory (Enter)"));
        Button demo = Icons.on(new Button("Launch demo app"), Feather.PLAY);
        demo.setId("launch-demo");
        demo.disableProperty().bind(model.busyProperty());
        demo.setOnAction(e -> model.launchDemo());
        demo.setTooltip(new Tooltip("Start the built-in leaky demo shop in its own JVM and connect to it"));
        Button open = Icons.on(new Button("Open file…"), Feather.FOLDER);
        open.setId("open-recording");
        open.disableProperty().bind(model.busyProperty());
        open.setTooltip(new Tooltip("Open a snapshot (.llsnap), or analyse a JFR recording made elsewhere "
                + "(jcmd PID JFR.dump filename=x.jfr)"));
        open.setOnAction(e -> {
            io.leaklens.ui.OpenFileDialog.show(getScene().getWindow()).ifPresent(model::openRecording);
        });
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 8, connect, demo, open);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPrefWrapLength(260);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());
        Label message = new Label();
        message.setId("picker-message");
        message.getStyleClass().add("message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        errorListener = (obs, old, isError) -> message.pseudoClassStateChanged(ERROR, isError);
        model.errorProperty().addListener(errorListener);
        Button cancel = new Button("Cancel");
        cancel.setId("picker-cancel");
        cancel.getStyleClass().addAll("small", "flat");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.managedProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        HBox status = new HBox(8, progress, message, cancel);
        status.setAlignment(Pos.TOP_LEFT);

        getChildren().addAll(title, hint, filter, list, actions, status);

        refresher = new Timeline(new KeyFrame(REFRESH_EVERY, e -> model.refresh()));
        refresher.setCycleCount(Animation.INDEFINITE);
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
