package io.tusk.internal.adapt;

import io.tusk.adapt.Loader;
import io.tusk.errors.DataException;

/**
 * A result column's loader with the column's name and type on its failures. A column value is
 * whatever bytes the server sent, so a loader (built in or the user's) may refuse one; the rows
 * were already read whole, so only this value fails and the connection stays in step. Wrapping
 * here, where a loader is chosen for a column, is the one place that knows both the column and
 * every path that calls loaders (cursors, streams, server-side and async cursors).
 */
final class ColumnLoader<T> implements Loader<T> {
    private final Loader<T> loader;
    private final String column;
    private final String type;

    ColumnLoader(Loader<T> loader, String column, String type) {
        this.loader = loader;
        this.column = column;
        this.type = type;
    }

    @Override
    public T load(byte[] data, int offset, int length) {
        try {
            return loader.load(data, offset, length);
        } catch (RuntimeException e) {
            throw failure(e);
        } catch (StackOverflowError e) {
            // Nesting (records in records, arrays of records ...) is bounded only by the value's size.
            throw new DataException(prefix() + "the value is nested too deeply to load", e);
        }
    }

    private DataException failure(RuntimeException e) {
        String why = e instanceof DataException ? e.getMessage() : "the loader failed with " + e;
        return new DataException(prefix() + why, e);
    }

    private String prefix() {
        return "column \"" + column + "\" (" + type + "): ";
    }

    /** The loader this one wraps. */
    Loader<T> loader() {
        return loader;
    }
}
