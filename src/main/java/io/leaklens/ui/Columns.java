package io.leaklens.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
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

    /** The column shows a number of each row, right-aligned, as {@code format} writes it; it sorts by the number. */
    public static <S> void number(TableColumn<S, Number> column, Function<S, ? extends Number> value,
                                  Function<Number, String> format) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> {
            TableCell<S, Number> cell = new TableCell<>() {
                @Override
                protected void updateItem(Number item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : format.apply(item));
                }
            };
            cell.getStyleClass().add("number-column");
            return cell;
        });
    }
}
