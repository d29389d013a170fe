package io.tusk.internal.async;

import io.tusk.TransactionStatus;
import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.query.ParsedQuery;
import io.tusk.internal.query.QueryParser;
import io.tusk.internal.stream.RowDecoder;
import io.tusk.rows.RowFactory;
import java.util.Map;
import java.util.concurrent.Flow;

/**
 * {@code asyncCursor.stream(query, params)}: a cold publisher of the rows of one statement,
 * psycopg's {@code AsyncCursor.stream()} as a {@link Flow.Publisher}. Each subscription runs the
 * statement once (pipelined after the commands before it) in portal batches of
 * {@link #BATCH} rows ({@link StreamExchange}); rows are held in an {@link InboundBuffer} (at
 * most {@link #MAX_ROWS} rows or {@link #MAX_BYTES} bytes before reading pauses) and decoded on
 * the executor as the subscriber requests them. Cancelling the subscription drops what is
 * buffered and ends the portal at the next batch boundary (Close + Sync), so inside a
 * transaction it stays usable; in autocommit mode, where no transaction of the user can be
 * failed, a CancelRequest is sent too so that a slow statement stops at once (57014).
 */
final class AsyncRowStream<R> implements Flow.Publisher<R> {
    /** Rows held for a slow subscriber before reading from the socket pauses. */
    static final int MAX_ROWS = 4096;
    /** Bytes of rows (their raw values) held before reading pauses. */
    static final long MAX_BYTES = 1 << 20;
    /** Rows per Execute: the most an early stop inside a transaction lets the server compute and send in vain. */
    static final int BATCH = io.tusk.internal.stream.RowStreams.BATCH;

    private final AsyncConnectionImpl conn;
    private final AdaptersMap adapters;
    private final RowFactory<R> factory;
    private final String query;
    private final Object[] positional;
    private final Map<String, ?> named;

    AsyncRowStream(AsyncConnectionImpl conn, AdaptersMap adapters, RowFactory<R> factory, String query, Object[] positional,
            Map<String, ?> named) {
        this.conn = conn;
        this.adapters = adapters;
        this.factory = factory;
        this.query = query;
        this.positional = positional;
        this.named = named;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super R> subscriber) {
        new Run(subscriber).start();
    }

    /** One subscription: one run of the statement. */
    private final class Run {
        private final Flow.Subscriber<? super R> subscriber;
        private final AsyncSession session = conn.session();
        private final InboundBuffer<DataRow> rows;
        private StreamExchange exchange;
        private RowDecoder<R> decoder;
        private Transformer transformer;
        private volatile boolean cancelled;
        private boolean cancelSent; // loop
        /** The statement runs in a transaction of the user's (loop): stopping must not fail it, no CancelRequest. */
        private boolean transactional;

        Run(Flow.Subscriber<? super R> subscriber) {
            this.subscriber = subscriber;
            this.rows = new InboundBuffer<>(session, d -> d.buffer().length + 64, MAX_ROWS, MAX_BYTES);
        }

        void start() {
            BufferSubscription<R> subscription = new BufferSubscription<>(subscriber, conn.executor(), rows, this::next, this::cancel);
            try {
                submit();
            } catch (RuntimeException e) {
                rows.end(e); // a parameter that cannot be dumped: nothing was sent; onError after onSubscribe
            }
            subscription.start();
        }

        private void submit() {
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
                exchange = new StreamExchange(session, begin, sql, params, BATCH, rows, this::running);
                if (cancelled) {
                    exchange.stop();
                }
                return new AsyncSession.Planned<>(exchange, begin != null ? TransactionStatus.INTRANS : null);
            }).whenCompleteAsync((v, e) -> rows.end(AsyncConnectionImpl.unwrap(e)), session.loop());
        }

        /** The next row, decoded here (on the executor), or null when none is buffered. */
        private R next() {
            DataRow d = rows.poll();
            if (d == null) {
                return null;
            }
            if (decoder == null) {
                decoder = new RowDecoder<>(exchange.description(), transformer, factory);
            }
            return decoder.decode(d);
        }

        /** On the loop: the statement is being answered, so a cancel asked for earlier may go now. */
        private void running() {
            if (cancelled && !cancelSent && !transactional) {
                cancelSent = true;
                conn.cancel();
            }
        }

        private void cancel() {
            cancelled = true;
            rows.discard(); // reading resumes; the rest is dropped as it comes
            session.loop().execute(() -> {
                if (exchange == null) {
                    return; // not planned yet: it sees the cancelled flag
                }
                exchange.stop();
                if (exchange.running() && !cancelSent && !rows.ended() && !transactional) {
                    cancelSent = true;
                    conn.cancel();
                }
            });
        }
    }
}
