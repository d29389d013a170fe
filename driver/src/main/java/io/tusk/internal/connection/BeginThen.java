package io.tusk.internal.connection;

import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.frontend.Query;
import java.util.List;

/**
 * A simple-protocol statement behind the implicit BEGIN, both in one write: two Query messages,
 * two ReadyForQuery, and the statement's results without BEGIN's own. Used by the blocking and
 * the asynchronous front ends alike.
 */
public final class BeginThen implements Exchange<List<QueryResult>> {
    private final QueryExchange inner;

    public BeginThen(String begin, String sql) {
        this.inner = new QueryExchange(List.of(new Query(begin), new Query(sql)), 2);
    }

    @Override
    public void start(WriteBuffer out) {
        inner.start(out);
    }

    @Override
    public boolean handle(BackendMessage m, WriteBuffer out) {
        return inner.handle(m, out);
    }

    @Override
    public List<QueryResult> result() {
        List<QueryResult> all = inner.result();
        return all.isEmpty() ? all : all.subList(1, all.size());
    }
}
