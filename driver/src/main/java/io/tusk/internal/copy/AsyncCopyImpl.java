package io.tusk.internal.copy;

import io.tusk.TransactionStatus;
import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.async.AsyncCopy;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.InterfaceException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.AsyncConnectionImpl;
import io.tusk.internal.async.AsyncSession;
import io.tusk.internal.stream.DemandSubscription;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.query.ParsedQuery;
import io.tusk.internal.query.QueryParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * The asynchronous COPY: the {@link CopyExchange} the blocking COPY drives, in flight on the
 * session, with the same {@link CopyCodec} for the data; only the waiting differs. Outgoing: a
 * message's stage completes when the socket took it and less than {@link #HIGH_WATER} bytes
 * wait in the output queue, else when the queue drained; commands issued meanwhile are held by
 * the session until copy-in mode is over. Incoming: the exchange holds what the reader has not
 * taken up to its {@link CopyExchange.Pace#ASYNC bound}, then the session stops reading the
 * socket until the reader catches up.
 *
 * <p>The data side is guarded by this object's lock (writes may come from any thread); the
 * fields marked "loop" are touched on the I/O thread only.
 */
public final class AsyncCopyImpl implements AsyncCopy, CopyExchange.Listener {
    /** A write waits while this much output is queued above what the socket took. */
    static final long HIGH_WATER = 1 << 20;

    private static final CompletableFuture<Void> ACCEPTED = CompletableFuture.completedFuture(null);

    private final AsyncConnectionImpl conn;
    private final AsyncSession session;
    private final Executor executor;
    private final Transformer transformer;
    private final CompletableFuture<AsyncCopy> opened = new CompletableFuture<>();
    private CopyExchange exchange;
    private volatile CompletableFuture<Long> done;
    /** Set on the loop when the server entered copy mode, before the user has this object. */
    private CopyCodec codec;
    /** The exchange ended (ReadyForQuery, or the connection was lost): nothing more may be sent. */
    private volatile boolean ended;
    private volatile Throwable failure;
    // loop
    private final List<CompletableFuture<Void>> waitingWrites = new ArrayList<>();
    // guarded by this
    private CompletionStage<Void> lastSent;
    private CompletionStage<Long> finishStage;
    private boolean subscribed;
    /** Guards {@link #reader} (the loop takes it: never held while user code runs). */
    private final Object readerLock = new Object();
    private Runnable reader;
    /** Guards the row parsing of {@link #readRow()} (user loaders run under it, never on the loop). */
    private final Object rowLock = new Object();

    private AsyncCopyImpl(AsyncConnectionImpl conn, Executor executor, Transformer transformer) {
        this.conn = conn;
        this.session = conn.session();
        this.executor = executor;
        this.transformer = transformer;
    }

    /**
     * Sends the COPY statement (after the implicit BEGIN when one is due); the stage completes
     * once the server entered copy mode. {@code params} are quoted into the statement on the
     * client with the connection's adapters, as {@code cursor.copy(sql, params)} does: COPY takes
     * no server-side parameters. Stages complete on {@code executor}.
     */
    public static CompletionStage<AsyncCopy> start(AsyncConnectionImpl conn, AdaptersMap adapters, Executor executor, String sql,
            Object[] params) {
        AsyncSession s = conn.session();
        Transformer tx = new Transformer(adapters, AdaptContext.of(s.charset(), s.parameters()));
        String statement = sql;
        try {
            if (params != null && params.length > 0) {
                ParsedQuery q = QueryParser.parse(sql);
                statement = q.bindLiterals(q.order(params), tx::quote);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        AsyncCopyImpl copy = new AsyncCopyImpl(conn, executor, tx);
        String st = statement;
        copy.done = s.submitHolding(status -> {
            String begin = conn.beginFor(status);
            copy.exchange = new CopyExchange(begin, st, CopyExchange.Pace.ASYNC, copy);
            return new AsyncSession.Planned<>(copy.exchange, begin != null ? TransactionStatus.INTRANS : null);
        });
        copy.done.whenCompleteAsync(copy::ended, s.loop());
        return conn.deliver(copy.opened);
    }

    // ---- what the exchange reports, on the loop

    @Override
    public void started() {
        codec = new CopyCodec(transformer, session.charset(), exchange.response(), true);
        if (!codec.writing()) {
            session.releaseHold(exchange); // copy-out mode reads no client data: later commands may go
        }
        opened.complete(this);
    }

    @Override
    public void data() {
        wakeReader();
    }

    /** The exchange is over (on the loop): held commands go out, waiting writes and reads learn the end. */
    private void ended(Long count, Throwable error) {
        Throwable e = unwrap(error);
        failure = e;
        ended = true;
        if (exchange != null) {
            session.releaseHold(exchange);
        }
        for (CompletableFuture<Void> w : waitingWrites) {
            complete(w, e);
        }
        waitingWrites.clear();
        wakeReader();
        if (!opened.isDone()) {
            opened.completeExceptionally(e != null ? e : new InterfaceException("the COPY did not start"));
        }
    }

    private static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private void complete(CompletableFuture<Void> f, Throwable e) {
        executor.execute(() -> {
            if (e == null) {
                f.complete(null);
            } else {
                f.completeExceptionally(e);
            }
        });
    }

    // ---- COPY FROM STDIN

    @Override
    public CompletionStage<Void> write(byte[] data) {
        return write(data, 0, data.length);
    }

    @Override
    public CompletionStage<Void> write(byte[] data, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        return gather(out -> codec.append(data, offset, length, out));
    }

    @Override
    public CompletionStage<Void> write(String data) {
        return gather(out -> codec.append(data, out));
    }

    @Override
    public CompletionStage<Void> writeRow(Object... values) {
        return gather(out -> codec.row(values, out)); // a value that fails marks the COPY: finish() then aborts
    }

    /** Runs a write step under the lock: the stage of the last message it sent, or a completed one. */
    private synchronized CompletionStage<Void> gather(java.util.function.Consumer<CopyCodec.Chunks> step) {
        RuntimeException refused = checkWritable();
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        lastSent = ACCEPTED;
        try {
            step.accept(this::sendChunk);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return lastSent;
    }

    @Override
    public synchronized AsyncCopy setTypes(String... typeNames) {
        codec.setTypes(typeNames);
        return this;
    }

    @Override
    public synchronized AsyncCopy setTypes(int... oids) {
        codec.setTypes(oids);
        return this;
    }

    /** Sends a full message (the codec hands its buffer over); its stage becomes the write's. */
    private void sendChunk(byte[] c, int n) {
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        lastSent = accepted;
        session.loop().execute(() -> {
            if (ended) {
                complete(accepted, endError());
                return;
            }
            send(exchange.data(c, 0, n));
            if (session.queuedBytes() < HIGH_WATER) {
                complete(accepted, null);
            } else {
                waitingWrites.add(accepted);
                session.whenDrained(this::drained);
            }
        });
    }

    /** Sends the caller's message ahead of the commands held behind the COPY (on the loop); null: the COPY ended meanwhile. */
    private void send(FrontendMessage m) {
        if (m != null) {
            session.sendNow(m);
        }
    }

    /** The socket took all queued output (on the loop): the writes that waited may go on. */
    private void drained() {
        for (CompletableFuture<Void> w : waitingWrites) {
            complete(w, null);
        }
        waitingWrites.clear();
    }

    private RuntimeException checkWritable() {
        if (!codec.writing()) {
            return CopyCodec.notWriting("read() or chunks()");
        }
        if (finishStage != null) {
            return CopyCodec.ended();
        }
        if (ended) {
            return endError();
        }
        return null;
    }

    private RuntimeException endError() {
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            return r;
        }
        return new InterfaceException("the COPY has ended: start a new one", f);
    }

    @Override
    public synchronized CompletionStage<Long> finish() {
        if (finishStage != null) {
            return finishStage;
        }
        if (!codec.writing()) {
            // The rest must be read to keep the session in step; it is dropped as it comes.
            exchange.discard();
            resumeIfReleased();
            synchronized (readerLock) {
                reader = null;
            }
            finishStage = result();
            return finishStage;
        }
        if (codec.failed()) {
            finishStage = abort(CopyCodec.WRITE_FAILED).thenApply(v -> {
                throw new InterfaceException("a write to the COPY failed, so the COPY was aborted and no row stored: fix the"
                        + " value that failed and run the COPY again");
            });
            return finishStage;
        }
        codec.rest(this::sendChunk);
        session.loop().execute(() -> {
            if (!ended) {
                send(exchange.done());
            }
            session.releaseHold(exchange);
        });
        finishStage = result();
        return finishStage;
    }

    private CompletionStage<Long> result() {
        return conn.deliver(done).thenApply(n -> n);
    }

    @Override
    public synchronized CompletionStage<Void> abort(String reason) {
        if (!codec.writing()) {
            return finish().thenApply(n -> null);
        }
        if (finishStage != null) {
            return finishStage.handle((n, e) -> null);
        }
        codec.drop();
        session.loop().execute(() -> {
            if (!ended) {
                send(exchange.fail(reason));
            }
            session.releaseHold(exchange);
        });
        CompletionStage<Void> aborted = conn.deliver(done).handle((n, e) -> {
            Throwable t = unwrap(e);
            if (t == null || t instanceof DatabaseException d && CopyExchange.answersAbort(d)) {
                return null; // the server's answer to CopyFail: query_canceled
            }
            throw t instanceof RuntimeException r ? r : new InterfaceException("the COPY abort failed", t);
        });
        finishStage = aborted.thenApply(v -> exchange.rowcount());
        return aborted;
    }

    // ---- COPY TO STDOUT

    @Override
    public CompletionStage<byte[]> read() {
        if (codec.writing()) {
            return CompletableFuture.failedFuture(CopyCodec.notReading());
        }
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        readInto(f);
        return f;
    }

    private void readInto(CompletableFuture<byte[]> f) {
        byte[] b = nextChunk();
        if (b != null) {
            f.complete(b);
        } else if (incoming.finished()) {
            Throwable e = failure;
            if (e != null) {
                f.completeExceptionally(e);
            } else {
                f.complete(null);
            }
        } else {
            // Called on the loop when data comes: the rest runs on the executor.
            incoming.whenReady(() -> executor.execute(() -> readInto(f)));
        }
    }

    /** What the exchange holds, joined up to about {@link CopyCodec#CHUNK} bytes; null when it holds nothing. */
    private byte[] nextChunk() {
        byte[] b = exchange.poll(CopyCodec.CHUNK);
        resumeIfReleased();
        return b;
    }

    /** The exchange waited for the reader and no longer does: the session reads on. */
    private void resumeIfReleased() {
        if (exchange.released()) {
            session.resume(exchange);
        }
    }

    @Override
    public CompletionStage<Object[]> readRow() {
        if (codec.writing()) {
            return conn.deliver(CompletableFuture.failedFuture(CopyCodec.notReading()));
        }
        return conn.deliver(nextRow());
    }

    /**
     * The next whole row: from what was read already, else after reading more (a row may come in
     * pieces). After the binary trailer the rest is read to the end, so that the COPY completes.
     */
    private CompletableFuture<Object[]> nextRow() {
        Object[] row;
        try {
            synchronized (rowLock) {
                row = codec.nextRow();
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (row != null) {
            return CompletableFuture.completedFuture(row);
        }
        return read().toCompletableFuture().thenCompose(chunk -> {
            synchronized (rowLock) {
                if (chunk == null) {
                    return CompletableFuture.completedFuture(codec.lastRow());
                }
                codec.add(chunk);
            }
            return nextRow();
        });
    }

    /** What the reader of COPY TO STDOUT's data waits on. */
    private interface Incoming {
        boolean finished();

        Throwable error();

        void whenReady(Runnable r);
    }

    /** The reader's view of the exchange's data: ready when data is held or the COPY ended. */
    private final Incoming incoming = new Incoming() {
        @Override
        public boolean finished() {
            return ended && !exchange.hasData();
        }

        @Override
        public Throwable error() {
            return failure;
        }

        @Override
        public void whenReady(Runnable r) {
            synchronized (readerLock) {
                if (!ended && !exchange.hasData()) {
                    reader = r;
                    return;
                }
            }
            r.run();
        }
    };

    /** Data or the end came (on the loop): the waiting reader goes on. */
    private void wakeReader() {
        Runnable r;
        synchronized (readerLock) {
            r = reader;
            reader = null;
        }
        if (r != null) {
            r.run();
        }
    }

    @Override
    public Flow.Publisher<byte[]> chunks() {
        return subscriber -> {
            synchronized (this) {
                if (codec.writing() || subscribed) {
                    subscriber.onSubscribe(new Flow.Subscription() {
                        @Override
                        public void request(long n) {
                        }

                        @Override
                        public void cancel() {
                        }
                    });
                    subscriber.onError(new IllegalStateException(codec.writing() ? "chunks() is for COPY TO STDOUT; this COPY reads"
                            + " data from the client" : "chunks() takes one subscriber: subscribe once per COPY"));
                    return;
                }
                subscribed = true;
            }
            new DemandSubscription<byte[]>(subscriber, executor) {
                @Override
                protected byte[] next() {
                    return nextChunk();
                }

                @Override
                protected boolean finished() {
                    return incoming.finished();
                }

                @Override
                protected Throwable error() {
                    return incoming.error();
                }

                @Override
                protected void await() {
                    incoming.whenReady(this::signal);
                }

                @Override
                protected void cancelled() {
                    finish();
                }
            }.start();
        };
    }

    @Override
    public boolean binary() {
        return codec.binary();
    }

    @Override
    public boolean writing() {
        return codec.writing();
    }

    @Override
    public long rowcount() {
        return exchange.rowcount();
    }
}
