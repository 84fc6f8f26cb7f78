/**
 * The desktop app (JavaFX): one XxxView + XxxViewModel per feature. View models import only javafx.beans and
 * javafx.collections so they are tested without a toolkit; views are built in code, bind to their view model and
 * remove every listener in {@code dispose()}. Background work goes through {@link io.leaklens.ui.UiExecutor};
 * session states reach the FX thread through a {@link io.leaklens.ui.FxThrottle}. All colours live in app.css.
 */
package io.leaklens.ui;
