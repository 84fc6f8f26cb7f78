/**
 * The desktop app (JavaFX): one XxxView + XxxViewModel per feature. View models import only javafx.beans and
 * javafx.collections so they are tested without a toolkit; each view's layout is XxxView.fxml beside it in
 * src/main/resources ({@code <fx:root>}, loaded by {@link io.leaklens.ui.Fxml}), and the view binds it to its view
 * model and removes every listener in {@code dispose()}. Background work goes through
 * {@link io.leaklens.ui.UiExecutor}; session states reach the FX thread through a {@link io.leaklens.ui.FxThrottle}.
 * All colours live in app.css.
 */
package io.leaklens.ui;
