package io.leaklens.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

import java.util.function.Function;

/** Fills the table columns that a layout declares: what each one shows of a row. */
public final class Columns {

    private Columns() {
    }

    /** The column shows {@code value} of each row (a fixed value: rows are immutable records). */
    public static <S, T> void show(TableColumn<S, T> column, Function<S, T> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }
}
