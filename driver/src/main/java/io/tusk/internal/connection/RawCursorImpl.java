package io.tusk.internal.connection;

import io.tusk.RawCursor;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.cursor.BatchSource;
import io.tusk.internal.cursor.Results;
import io.tusk.internal.cursor.ServerBoundRows;
import io.tusk.rows.RowFactory;
import java.util.Iterator;
import java.util.Map;

/** psycopg's {@code RawCursor}: the query's {@code $n} placeholders are sent as written. */
final class RawCursorImpl<R> extends CursorImpl<R> implements RawCursor<R> {
    RawCursorImpl(ConnectionImpl connection, RowFactory<R> rowFactory) {
        super(connection, rowFactory);
    }

    @Override
    Results runBound(String query, Object[] positional, Map<String, ?> named, Transformer tx) {
        if (positional == null) {
            throw new ProgrammingException("a raw cursor takes positional parameters for $n placeholders, not a Map:"
                    + " use a regular cursor for %(name)s placeholders");
        }
        return runExtended(query, tx.dump(positional, null));
    }

    @Override
    BatchSource batchSource(String query, Iterator<?> rows, Transformer tx, boolean returning) {
        return new ServerBoundRows(null, query, rows, tx, binary(), returning);
    }
}
