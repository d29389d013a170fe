package io.tusk.internal.connection;

import io.tusk.ClientCursor;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.cursor.BatchSource;
import io.tusk.internal.cursor.ClientBoundRows;
import io.tusk.internal.cursor.Results;
import io.tusk.internal.query.ParsedQuery;
import io.tusk.internal.query.QueryParser;
import io.tusk.rows.RowFactory;
import java.util.Iterator;
import java.util.Map;

/**
 * psycopg's {@code ClientCursor}: parameters are quoted into the SQL on the client
 * ({@code Transformer.quote}) and the query is sent with the simple protocol.
 */
final class ClientCursorImpl<R> extends CursorImpl<R> implements ClientCursor<R> {
    ClientCursorImpl(ConnectionImpl connection, RowFactory<R> rowFactory) {
        super(connection, rowFactory);
    }

    @Override
    Results runBound(String query, Object[] positional, Map<String, ?> named, Transformer tx) {
        return Results.of(connection.runSimple(bind(query, positional, named, tx)));
    }

    @Override
    BatchSource batchSource(String query, Iterator<?> rows, Transformer tx, boolean returning) {
        return new ClientBoundRows(QueryParser.parse(query), rows, tx, returning);
    }

    @Override
    public String mogrify(String query, Object... params) {
        checkOpen();
        if (params == null || params.length == 0) {
            return query;
        }
        return bind(query, params, null, transformer());
    }

    @Override
    public String mogrify(String query, Map<String, ?> params) {
        checkOpen();
        if (params == null || params.isEmpty()) {
            return query;
        }
        return bind(query, null, params, transformer());
    }

    private Transformer transformer() {
        return new Transformer(adapters(),
                io.tusk.adapt.AdaptContext.of(connection.session().charset(), connection.session().parameters()));
    }

    private static String bind(String query, Object[] positional, Map<String, ?> named, Transformer tx) {
        ParsedQuery q = QueryParser.parse(query);
        Object[] values = positional != null ? q.order(positional) : q.order(named);
        return q.bindLiterals(values, tx::quote);
    }
}
