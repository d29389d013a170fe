package io.tusk.internal.stream;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.ConnectionImpl;
import io.tusk.internal.connection.Session;
import io.tusk.internal.query.ParsedQuery;
import io.tusk.internal.query.QueryParser;
import io.tusk.rows.RowFactory;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Where {@code cursor.stream(query, params)} starts: binds the parameters and opens a {@link PortalStream}. */
public final class RowStreams {
    /**
     * Rows asked for per Execute. Memory does not depend on it (rows are decoded one by one from
     * the socket); it sets how often the server waits for a round trip, and how many rows an
     * early close skips at most.
     */
    public static final int BATCH = 2_000;

    private RowStreams() {
    }

    /**
     * Opens a stream of the rows of {@code query}.
     *
     * @param raw true when {@code query} has PostgreSQL's {@code $n} placeholders (raw cursor)
     * @param positional positional parameters, or null
     * @param named named parameters, or null
     */
    public static <R> Stream<R> open(ConnectionImpl conn, String query, Object[] positional, Map<String, ?> named,
            boolean raw, boolean binary, AdaptersMap adapters, RowFactory<R> factory) {
        Session s = conn.session();
        Transformer tx = new Transformer(adapters, AdaptContext.of(s.charset(), s.parameters()));
        boolean none = (positional == null || positional.length == 0) && (named == null || named.isEmpty());
        String sql;
        Transformer.Params params;
        if (none) {
            sql = query; // as execute(): without parameters the query is sent as written
            params = tx.dump(new Object[0], null);
        } else if (raw) {
            if (positional == null) {
                throw new io.tusk.errors.ProgrammingException("a raw cursor takes positional parameters for $n placeholders, not a Map");
            }
            sql = query;
            params = tx.dump(positional, null);
        } else {
            ParsedQuery q = QueryParser.parse(query);
            Object[] values = positional != null ? q.order(positional) : q.order(named);
            sql = q.postgresQuery();
            params = tx.dump(values, q.formats());
        }
        s.lock().lock();
        String begin;
        try {
            begin = conn.implicitBegin();
        } catch (RuntimeException e) {
            s.lock().unlock();
            throw e;
        }
        PortalStream<R> rows = PortalStream.open(s, begin, sql, params, binary, BATCH, tx, factory);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(rows::close);
    }
}
