package io.tusk.adapt;

import io.tusk.Connection;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.ConnectionImpl;
import io.tusk.internal.connection.QueryExchange;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.connection.Session;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.frontend.Bind;
import io.tusk.internal.protocol.frontend.Describe;
import io.tusk.internal.protocol.frontend.Execute;
import io.tusk.internal.protocol.frontend.Parse;
import io.tusk.internal.protocol.frontend.Sync;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test-only: runs one statement through the extended protocol (Parse, Bind, Describe portal,
 * Execute, Sync) with parameters dumped by a {@link Transformer} and the first row loaded by
 * its loaders, in the result format asked for. Stands in for cursor parameter binding.
 */
final class Extended {
    private final Connection conn;
    private final AdaptersMap adapters;

    Extended(Connection conn) {
        this(conn, AdaptersMap.global());
    }

    Extended(Connection conn, AdaptersMap adapters) {
        this.conn = conn;
        this.adapters = adapters;
    }

    Transformer transformer() {
        Session s = ((ConnectionImpl) conn).session();
        return new Transformer(adapters, AdaptContext.of(s.charset(), s.parameters()));
    }

    /** The first row's values; each parameter in AUTO format unless {@code formats} says otherwise. */
    List<Object> row(String sql, Format result, Format[] formats, Object... params) {
        Transformer tx = transformer();
        Transformer.Params p = tx.dump(params, formats);
        Session s = ((ConnectionImpl) conn).session();
        List<QueryResult> results = s.run(new QueryExchange(List.of(
                new Parse("", sql, p.oids()),
                new Bind("", "", p.formats(), p.values(), new int[] {result.code()}),
                Describe.portal(""), new Execute("", 0), Sync.INSTANCE), 1));
        QueryResult r = results.get(results.size() - 1);
        Loader<?>[] loaders = transformer().loaders(r.description());
        DataRow row = r.rows().get(0);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            out.add(row.isNull(i) ? null : loaders[i].load(row.buffer(), row.offset(i), row.length(i)));
        }
        return out;
    }

    List<Object> row(String sql, Format result, Object... params) {
        return row(sql, result, null, params);
    }

    Object value(String sql, Format result, Object... params) {
        return row(sql, result, params).get(0);
    }

    /** {@code SELECT $1, $1::text}: the value loaded back and the server's own rendering of it. */
    List<Object> roundTrip(Object value, Format param, Format result) {
        Format[] f = new Format[] {param};
        return row("SELECT $1, $1::text", result, f, value);
    }

    static Format[] formats(Format f, int n) {
        Format[] out = new Format[n];
        Arrays.fill(out, f);
        return out;
    }
}
