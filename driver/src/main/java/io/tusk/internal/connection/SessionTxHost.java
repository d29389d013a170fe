package io.tusk.internal.connection;

import io.tusk.TransactionStatus;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.protocol.frontend.Query;
import io.tusk.internal.tx.TxHost;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * What the blocking connection's transaction rules ({@code TxRunner}) run on: always the
 * connection's current session, which changes when a broken connection is opened again.
 */
final class SessionTxHost implements TxHost {
    private final Supplier<Session> session;

    SessionTxHost(Supplier<Session> session) {
        this.session = session;
    }

    @Override
    public Lock lock() {
        return session.get().lock();
    }

    @Override
    public List<QueryResult> run(String sql) {
        return session.get().run(new QueryExchange(List.<FrontendMessage>of(new Query(sql)), 1));
    }

    @Override
    public TransactionStatus transactionStatus() {
        return session.get().transactionStatus();
    }

    @Override
    public boolean closed() {
        return session.get().isClosed();
    }

    @Override
    public boolean unusable() {
        Session s = session.get();
        return s.isClosed() || s.isBroken();
    }

    @Override
    public Charset charset() {
        return session.get().charset();
    }
}
