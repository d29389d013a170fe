package io.tusk.internal.async;

import io.tusk.TransactionStatus;
import io.tusk.adapt.AdaptContext;
import io.tusk.async.AsyncCopy;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.copy.CopyRowEncoder;
import io.tusk.internal.protocol.backend.CopyResponse;
import io.tusk.internal.protocol.frontend.CopyData;
import io.tusk.internal.protocol.frontend.CopyDone;
import io.tusk.internal.protocol.frontend.CopyFail;
import io.tusk.internal.query.ParsedQuery;
import io.tusk.internal.query.QueryParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The asynchronous COPY: a {@link CopyExchange} in flight on the session, with the rows encoded
 * by the blocking COPY's {@link CopyRowEncoder} and gathered into 64 KB CopyData messages as
 * {@code CopyImpl} does; only the waiting differs. Outgoing: a message's stage completes when
 * the socket took it and less than {@link #HIGH_WATER} bytes wait in the output queue, else when
 * the queue drained. Incoming: an {@link InboundBuffer} that pauses reading above its bound.
 *
 * <p>The gathering side is guarded by this object's lock (writes may come from any thread);
 * the fields marked "loop" are touched on the I/O thread only.
 */
final class AsyncCopyImpl implements AsyncCopy, CopyExchange.Listener {
    /** Outgoing data per CopyData message, as the blocking COPY sends it. */
    static final int CHUNK = 64 * 1024;
    /** A write waits while this much output is queued above what the socket took. */
    static final long HIGH_WATER = 1 << 20;
    /** Incoming COPY data held for a slow reader before reading pauses. */
    static final int MAX_CHUNKS = 8192;
    static final long MAX_BYTES = 1 << 20;

    private static final CompletableFuture<Void> ACCEPTED = CompletableFuture.completedFuture(null);

    private final AsyncConnectionImpl conn;
    private final AsyncSession session;
    private final Transformer transformer;
    private final CompletableFuture<AsyncCopy> opened = new CompletableFuture<>();
    private CopyExchange exchange;
    private volatile CompletableFuture<Long> done;
    private volatile boolean writing;
    private volatile boolean binary;
    private volatile InboundBuffer<byte[]> inbound;
    /** The exchange ended (ReadyForQuery, or the connection was lost): nothing more may be sent. */
    private volatile boolean ended;
    private volatile Throwable failure;
    private volatile long rowcount = -1;
    // loop
    private final List<CompletableFuture<Void>> waitingWrites = new ArrayList<>();
    // guarded by this
    private CopyRowEncoder encoder;
    private byte[] chunk;
    private int chunkLength;
    private boolean writeFailed;
    private CompletionStage<Long> finishStage;
    private boolean subscribed;

    private AsyncCopyImpl(AsyncConnectionImpl conn, Transformer transformer) {
        this.conn = conn;
        this.session = conn.session();
        this.transformer = transformer;
    }

    /**
     * Sends the COPY statement (after the implicit BEGIN when one is due); the stage completes
     * once the server entered copy mode. {@code params} are quoted into the statement on the
     * client with the connection's adapters, as {@code cursor.copy(sql, params)} does: COPY takes
     * no server-side parameters.
     */
    static CompletionStage<AsyncCopy> start(AsyncConnectionImpl conn, String sql, Object[] params) {
        AsyncSession s = conn.session();
        Transformer tx = new Transformer(conn.adapters(), AdaptContext.of(s.charset(), s.parameters()));
        String statement = sql;
        try {
            if (params != null && params.length > 0) {
                ParsedQuery q = QueryParser.parse(sql);
                statement = q.bindLiterals(q.order(params), tx::quote);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        AsyncCopyImpl copy = new AsyncCopyImpl(conn, tx);
        String st = statement;
        copy.done = s.submitHolding(status -> {
            String begin = conn.beginFor(status);
            copy.exchange = new CopyExchange(begin, st, copy);
            return new AsyncSession.Planned<>(copy.exchange, begin != null ? TransactionStatus.INTRANS : null);
        });
        copy.done.whenCompleteAsync(copy::ended, s.loop());
        return conn.deliver(copy.opened);
    }

    // ---- what the exchange reports, on the loop

    @Override
    public void started(CopyResponse response) {
        binary = response.format() == 1;
        writing = response.direction() == CopyResponse.Direction.IN;
        if (writing) {
            encoder = new CopyRowEncoder(transformer, binary);
            chunk = new byte[CHUNK];
        } else {
            inbound = new InboundBuffer<>(session, b -> b.length + 16, MAX_CHUNKS, MAX_BYTES);
            session.releaseHold(exchange); // copy-out mode reads no client data: later commands may go
        }
        opened.complete(this);
    }

    @Override
    public void data(byte[] data) {
        InboundBuffer<byte[]> in = inbound;
        if (in != null) {
            in.add(data);
        }
    }

    /** The exchange is over (on the loop): held commands go out, waiting writes and reads learn the end. */
    private void ended(Long count, Throwable error) {
        Throwable e = AsyncConnectionImpl.unwrap(error);
        if (count != null) {
            rowcount = count;
        }
        failure = e;
        ended = true;
        if (exchange != null) {
            session.releaseHold(exchange);
        }
        for (CompletableFuture<Void> w : waitingWrites) {
            complete(w, e);
        }
        waitingWrites.clear();
        InboundBuffer<byte[]> in = inbound;
        if (in != null) {
            in.end(e);
        }
        if (!opened.isDone()) {
            opened.completeExceptionally(e != null ? e : new InterfaceException("the COPY did not start"));
        }
    }

    private void complete(CompletableFuture<Void> f, Throwable e) {
        conn.executor().execute(() -> {
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
    public synchronized CompletionStage<Void> write(byte[] data, int offset, int length) {
        RuntimeException refused = checkWritable();
        return refused != null ? CompletableFuture.failedFuture(refused) : append(data, offset, length);
    }

    @Override
    public synchronized CompletionStage<Void> write(String data) {
        RuntimeException refused = checkWritable();
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        byte[] b = data.getBytes(session.charset());
        return append(b, 0, b.length);
    }

    @Override
    public synchronized CompletionStage<Void> writeRow(Object... values) {
        RuntimeException refused = checkWritable();
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        try {
            encoder.encode(values);
        } catch (RuntimeException e) {
            writeFailed = true; // as the blocking COPY: finish() then aborts rather than store a part
            return CompletableFuture.failedFuture(e);
        }
        return append(encoder.array(), 0, encoder.size());
    }

    @Override
    public synchronized io.tusk.async.AsyncCopy setTypes(String... typeNames) {
        return setTypes(CopyRowEncoder.oidsOf(transformer, typeNames));
    }

    @Override
    public synchronized io.tusk.async.AsyncCopy setTypes(int... oids) {
        if (encoder != null) {
            encoder.declare(oids); // psycopg's set_types governs writing too
        }
        return this;
    }

    /** Gathers into the current message, sending each full one; the stage of the last one sent, if any. */
    private CompletionStage<Void> append(byte[] b, int off, int len) {
        CompletionStage<Void> last = ACCEPTED;
        while (len > 0) {
            if (chunkLength == CHUNK) {
                last = sendChunk();
            }
            int n = Math.min(len, CHUNK - chunkLength);
            System.arraycopy(b, off, chunk, chunkLength, n);
            chunkLength += n;
            off += n;
            len -= n;
        }
        return last;
    }

    private CompletionStage<Void> sendChunk() {
        byte[] c = chunk;
        int n = chunkLength;
        chunk = new byte[CHUNK];
        chunkLength = 0;
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        session.loop().execute(() -> {
            if (ended) {
                complete(accepted, endError());
                return;
            }
            session.sendNow(new CopyData(c, 0, n));
            if (session.queuedBytes() < HIGH_WATER) {
                complete(accepted, null);
            } else {
                waitingWrites.add(accepted);
                session.whenDrained(this::drained);
            }
        });
        return accepted;
    }

    /** The socket took all queued output (on the loop): the writes that waited may go on. */
    private void drained() {
        for (CompletableFuture<Void> w : waitingWrites) {
            complete(w, null);
        }
        waitingWrites.clear();
    }

    private RuntimeException checkWritable() {
        if (!writing) {
            return new ProgrammingException("this COPY sends data to the client (COPY TO STDOUT): use read() or chunks()");
        }
        if (finishStage != null) {
            return new InterfaceException("the COPY has ended: start a new one");
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
        if (!writing) {
            // The rest must be read to keep the session in step; it is dropped as it comes.
            inbound.discard();
            finishStage = result();
            return finishStage;
        }
        if (writeFailed) {
            finishStage = abort("a write to the COPY failed in the client").thenApply(v -> {
                throw new InterfaceException("a write to the COPY failed, so the COPY was aborted and no row stored: fix the"
                        + " value that failed and run the COPY again");
            });
            return finishStage;
        }
        encoder.trailer();
        append(encoder.array(), 0, encoder.size());
        byte[] c = chunk;
        int n = chunkLength;
        chunk = null;
        session.loop().execute(() -> {
            if (!ended) {
                if (n > 0) {
                    session.sendNow(new CopyData(c, 0, n));
                }
                session.sendNow(CopyDone.INSTANCE);
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
        if (!writing) {
            return finish().thenApply(n -> null);
        }
        if (finishStage != null) {
            return finishStage.handle((n, e) -> null);
        }
        String why = reason == null ? "aborted by the client" : reason.replace('\0', ' ');
        chunk = null;
        session.loop().execute(() -> {
            if (!ended) {
                session.sendNow(new CopyFail(why));
            }
            session.releaseHold(exchange);
        });
        CompletionStage<Void> aborted = conn.deliver(done).handle((n, e) -> {
            Throwable t = AsyncConnectionImpl.unwrap(e);
            if (t == null || t instanceof DatabaseException d && "57014".equals(d.sqlstate())) {
                return null; // the server's answer to CopyFail: query_canceled
            }
            throw t instanceof RuntimeException r ? r : new InterfaceException("the COPY abort failed", t);
        });
        finishStage = aborted.thenApply(v -> rowcount);
        return aborted;
    }

    // ---- COPY TO STDOUT

    @Override
    public CompletionStage<byte[]> read() {
        if (writing) {
            return CompletableFuture.failedFuture(new ProgrammingException(
                    "this COPY receives data from the client (COPY FROM STDIN): use write() or writeRow()"));
        }
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        readInto(f);
        return f;
    }

    private void readInto(CompletableFuture<byte[]> f) {
        byte[] b = nextChunk();
        if (b != null) {
            f.complete(b);
        } else if (inbound.finished()) {
            Throwable e = inbound.error();
            if (e != null) {
                f.completeExceptionally(e);
            } else {
                f.complete(null);
            }
        } else {
            // Called on the loop when data comes: the rest runs on the executor.
            inbound.whenReady(() -> conn.executor().execute(() -> readInto(f)));
        }
    }

    /** What is buffered, joined up to about {@link #CHUNK} bytes; null when nothing is. */
    private byte[] nextChunk() {
        byte[] first = inbound.poll();
        if (first == null) {
            return null;
        }
        int size = inbound.peekSize();
        if (size < 0 || first.length + size > CHUNK) {
            return first;
        }
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream(CHUNK);
        joined.write(first, 0, first.length);
        while ((size = inbound.peekSize()) >= 0 && joined.size() + size <= CHUNK) {
            byte[] b = inbound.poll();
            joined.write(b, 0, b.length);
        }
        return joined.toByteArray();
    }

    @Override
    public Flow.Publisher<byte[]> chunks() {
        return subscriber -> {
            synchronized (this) {
                if (writing || subscribed) {
                    subscriber.onSubscribe(new Flow.Subscription() {
                        @Override
                        public void request(long n) {
                        }

                        @Override
                        public void cancel() {
                        }
                    });
                    subscriber.onError(new IllegalStateException(writing ? "chunks() is for COPY TO STDOUT; this COPY reads"
                            + " data from the client" : "chunks() takes one subscriber: subscribe once per COPY"));
                    return;
                }
                subscribed = true;
            }
            new BufferSubscription<>(subscriber, conn.executor(), inbound, this::nextChunk, this::finish).start();
        };
    }

    @Override
    public boolean binary() {
        return binary;
    }

    @Override
    public boolean writing() {
        return writing;
    }

    @Override
    public long rowcount() {
        return rowcount;
    }
}
