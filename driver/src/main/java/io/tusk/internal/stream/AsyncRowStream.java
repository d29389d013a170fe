package io.tusk.internal.stream;

import io.tusk.TransactionStatus;
import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.AsyncConnectionImpl;
import io.tusk.internal.async.AsyncSession;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.query.ParsedQuery;
import io.tusk.internal.query.QueryParser;
import io.tusk.rows.RowFactory;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * The asynchronous way to wait for a {@link PortalExchange}: {@code asyncCursor.stream(query,
 * params)}, a cold publisher of the rows of one statement, psycopg's {@code AsyncCursor.stream()}
 * as a {@link Flow.Publisher}. Each subscription runs the statement once (pipelined after the
 * commands before it) in portal batches of {@link #BATCH} rows. The exchange holds at most
 * {@link #MAX_ROWS} rows or {@link #MAX_BYTES} bytes, then awaits its caller and the session
 * stops reading; the subscriber's demand takes rows (decoded on the executor) and so resumes it.
 * Cancelling the subscription abandons the exchange (Close + Sync), so inside a transaction it
 * stays usable; in autocommit mode, where no transaction of the user can be failed, a
 * CancelRequest is sent too so that a slow statement stops at once (57014).
 */
public final class AsyncRowStream<R> implements Flow.Publisher<R> {
    /** Rows held for a slow subscriber before reading from the socket pauses. */
    static final int MAX_ROWS = 4096;
    /** Bytes of rows (their raw values) held before reading pauses. */
    static final long MAX_BYTES = 1 << 20;
    /** Rows per Execute: the most an early stop inside a transaction lets the server compute and send in vain. */
    static final int BATCH = RowStreams.BATCH;

    private final AsyncConnectionImpl conn;
    private final Executor executor;
    private final AdaptersMap adapters;
    private final RowFactory<R> factory;
    private final String query;
    private final Object[] positional;
    private final Map<String, ?> named;

    /** @param executor where the subscriber is signalled (the connection's) */
    public AsyncRowStream(AsyncConnectionImpl conn, Executor executor, AdaptersMap adapters, RowFactory<R> factory,
            String query, Object[] positional, Map<String, ?> named) {
        this.conn = conn;
        this.executor = executor;
        this.adapters = adapters;
        this.factory = factory;
        this.query = query;
        this.positional = positional;
        this.named = named;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super R> subscriber) {
        Run run = new Run(subscriber);
        try {
            run.submit();
        } catch (RuntimeException e) {
            run.rows.end(e); // a parameter that cannot be dumped: nothing was sent; onError after onSubscribe
        }
        run.start();
    }

    /** One subscription: one run of the statement. */
    private final class Run extends DemandSubscription<R> {
        private final AsyncSession session = conn.session();
        private final RowBuffer rows = new RowBuffer(MAX_ROWS, MAX_BYTES, true);
        private volatile PortalExchange exchange;
        private RowDecoder<R> decoder;
        private Transformer transformer;
        private volatile boolean stopped;
        private boolean cancelSent; // loop
        /** The statement runs in a transaction of the user's (loop): stopping must not fail it, no CancelRequest. */
        private boolean transactional;

        Run(Flow.Subscriber<? super R> subscriber) {
            super(subscriber, executor);
        }

        void submit() {
            transformer = new Transformer(adapters, AdaptContext.of(session.charset(), session.parameters()));
            boolean none = (positional == null || positional.length == 0) && (named == null || named.isEmpty());
            String sql;
            Transformer.Params params;
            if (none) {
                sql = query;
                params = transformer.dump(new Object[0], null);
            } else {
                ParsedQuery q = QueryParser.parse(query);
                Object[] values = positional != null ? q.order(positional) : q.order(named);
                sql = q.postgresQuery();
                params = transformer.dump(values, q.formats());
            }
            session.submitHolding(status -> {
                String begin = conn.beginFor(status);
                transactional = begin != null || status == TransactionStatus.INTRANS;
                // Until its Sync no other command may follow on the wire (its Bind would replace the
                // unnamed portal): later requests are held, the exchange's own messages go ahead.
                PortalExchange x = new PortalExchange(begin, sql, params, false, BATCH, rows, false, session::sendNow,
                        session::releaseHold);
                x.onAnswer(this::answered);
                rows.onRelease(() -> session.resume(x)); // demand took rows: read on
                exchange = x;
                return new AsyncSession.Planned<>(x, begin != null ? TransactionStatus.INTRANS : null);
            }).whenCompleteAsync((v, e) -> rows.end(unwrap(e)), session.loop());
        }

        @Override
        protected R next() {
            DataRow d = rows.poll();
            if (d == null) {
                return null;
            }
            if (decoder == null) {
                decoder = new RowDecoder<>(exchange.description(), transformer, factory);
            }
            return decoder.decode(d);
        }

        @Override
        protected boolean finished() {
            return rows.finished();
        }

        @Override
        protected Throwable error() {
            return rows.error();
        }

        @Override
        protected void await() {
            rows.whenReady(this::signal);
        }

        /** On the loop: the statement is being answered, so a stop asked for earlier may go now. */
        private void answered() {
            if (!stopped) {
                return;
            }
            exchange.abandon(null);
            if (!cancelSent && !transactional) {
                cancelSent = true;
                conn.cancel();
            }
        }

        @Override
        protected void cancelled() {
            stopped = true;
            rows.discard(); // the rest is dropped as it comes
            session.loop().execute(() -> {
                PortalExchange x = exchange;
                if (x == null || !x.answered()) {
                    return; // not sent or not answered yet: answered() stops it
                }
                x.abandon(null);
                session.resume(x);
                if (x.answered() && !cancelSent && !rows.ended() && !transactional) {
                    cancelSent = true;
                    conn.cancel();
                }
            });
        }
    }

    private static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
