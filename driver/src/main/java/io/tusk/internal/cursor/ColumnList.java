package io.tusk.internal.cursor;

import io.tusk.Column;
import io.tusk.spi.DescribedColumns;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * The columns of a result as {@code cursor.description()} gives them (psycopg's
 * {@code Cursor.description}): an unmodifiable list, made once per RowDescription, with one
 * slot for the name index the default rows share ({@link #derived}), so that a prepared
 * statement run again and again builds neither anew.
 */
public final class ColumnList extends AbstractList<Column> implements RandomAccess, DescribedColumns {
    private final Column[] columns;
    private volatile Object derived;

    ColumnList(Column[] columns) {
        this.columns = columns;
    }

    @Override
    public Column get(int index) {
        return columns[index];
    }

    @Override
    public int size() {
        return columns.length;
    }

    /**
     * What {@code make} derives from these columns, made on first use and kept. One caller owns
     * the slot (the default row factory's name index); a race makes it twice, harmlessly.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T derived(Function<List<Column>, T> make) {
        Object d = derived;
        if (d == null) {
            d = make.apply(this);
            derived = d;
        }
        return (T) d;
    }
}
