package io.tusk.internal.stream;

import io.tusk.Copy;
import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.ConnectionImpl;
import io.tusk.internal.connection.Session;
import io.tusk.internal.copy.CopySupport;
import io.tusk.internal.query.ParsedQuery;
import io.tusk.internal.query.QueryParser;

/**
 * {@code cursor.copy(sql, params)}: a COPY started with the cursor's adapters. COPY takes no
 * server-side parameters (it is not a plannable statement), so values are quoted into the
 * statement on the client with the same adapters, as psycopg does.
 */
public final class CursorCopies {
    private CursorCopies() {
    }

    public static Copy start(ConnectionImpl conn, AdaptersMap adapters, String sql, Object[] params) {
        Session s = conn.session();
        Transformer tx = new Transformer(adapters, AdaptContext.of(s.charset(), s.parameters()));
        String statement = sql;
        if (params != null && params.length > 0) {
            ParsedQuery q = QueryParser.parse(sql);
            statement = q.bindLiterals(q.order(params), tx::quote);
        }
        return CopySupport.start(conn, statement, tx);
    }
}
