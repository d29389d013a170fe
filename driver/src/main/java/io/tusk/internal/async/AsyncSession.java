package io.tusk.internal.async;

import io.tusk.Notify;
import io.tusk.TransactionStatus;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.Diagnostic;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.OperationalException;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.connection.ServerErrors;
import io.tusk.internal.connection.StartupExchange;
import io.tusk.internal.protocol.backend.MessageFramer;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendKeyData;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.frontend.Terminate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.function.Function;

/**
 * The asynchronous session: the same {@link Exchange} state machines as the blocking
 * {@code Session}, driven by the bytes an {@link EventLoop} reads instead of by a thread that
 * waits (psycopg's "one protocol, two ways to wait").
 *
 * <p>Exchanges are pipelined: each one's request is written as soon as it is submitted, and
 * the server's replies are routed, in order, to the oldest exchange not yet done (every
 * exchange ends with its own Sync or Query, so its answers end with its own ReadyForQuery:
 * protocol "Pipelining"). Asynchronous messages (notices, notifications, parameter statuses)
 * are taken out of the stream first, as the blocking session does.
 *
 * <p>All state is touched on the loop thread only; the volatile fields are read by others.
 */
public final class AsyncSession {
    /** An exchange to send, made on the loop when it is its turn: it may depend on the transaction status. */
    public record Planned<T>(Exchange<T> exchange, TransactionStatus after) {
    }

    private static final System.Logger LOG = System.getLogger("io.tusk.async");

    private final EventLoop loop;
    private final MessageFramer framer = new MessageFramer();
    private final WriteBuffer out = new WriteBuffer();
    /** Checks the order of the server's answers against the requests sent, once start-up is over. */
    private io.tusk.internal.protocol.backend.ReplyOrder order;
    private final ArrayDeque<Op<?>> inFlight = new ArrayDeque<>();
    /** Notices, notifications and parameter statuses: the same rules as the blocking session's. */
    private final io.tusk.internal.connection.ServerReports reports;
    private final SubmissionPublisher<Notify> notifications;
    private NioPipe pipe;
    private java.net.SocketAddress remote;
    private boolean started;
    private String describe = "the server";
    /** The status the last queued exchange will leave, while exchanges are in flight. */
    private TransactionStatus predicted = TransactionStatus.IDLE;
    private volatile TransactionStatus status = TransactionStatus.IDLE;
    private volatile BackendKeyData keyData;
    private volatile boolean broken;
    /** The violation that broke the session, if one did: later commands name it. */
    private volatile io.tusk.internal.protocol.ProtocolViolation brokenBy;
    private volatile boolean closed;
    private java.util.function.Consumer<Diagnostic> noticeHandler = d -> { };
    /**
     * While a COPY may be in copy-in mode, the requests of later commands wait here: the server
     * would take them for a part of the COPY (protocol "COPY Operations": only CopyData, CopyDone
     * and CopyFail are expected then). One segment per holding COPY, in order: releasing a COPY
     * sends what followed its request, up to the next COPY's hold.
     */
    private final ArrayDeque<Hold> held = new ArrayDeque<>();

    /** The requests written after {@code owner}'s, held until it releases them. */
    private record Hold(Exchange<?> owner, WriteBuffer buffer) {
    }

    private volatile CancelSender.Target cancelTarget;

    private static final class Op<T> {
        final Exchange<T> exchange;
        final CompletableFuture<T> future;

        Op(Exchange<T> exchange, CompletableFuture<T> future) {
            this.exchange = exchange;
            this.future = future;
        }

        void finish() {
            try {
                future.complete(exchange.result());
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        }
    }

    AsyncSession(EventLoop loop, SubmissionPublisher<Notify> notifications) {
        this.loop = loop;
        this.notifications = notifications;
        this.reports = new io.tusk.internal.connection.ServerReports(StandardCharsets.UTF_8,
                new io.tusk.internal.connection.ServerReports.Listener() {
                    @Override
                    public void notice(Diagnostic d) {
                        try {
                            noticeHandler.accept(d);
                        } catch (RuntimeException ex) {
                            LOG.log(System.Logger.Level.WARNING, "notice handler failed", ex);
                        }
                    }

                    @Override
                    public void notification(Notify n) {
                        // Bounded per subscriber: a slow subscriber loses the oldest it has not asked for,
                        // as the blocking session's bounded queue does; reading the socket never stops for it.
                        notifications.offer(n, null);
                    }
                }, framer::charset);
    }

    void attach(NioPipe pipe, String describe, java.net.SocketAddress remote) {
        this.pipe = pipe;
        this.describe = describe;
        this.remote = remote;
    }

    /** Where the session is connected (for the CancelRequest's own connection). */
    public java.net.SocketAddress remoteAddress() {
        return remote;
    }

    /** How a CancelRequest reaches the server: the session's address, over TLS when it is encrypted. */
    CancelSender.Target cancelTarget() {
        CancelSender.Target t = cancelTarget;
        return t != null ? t : new CancelSender.Target(remote, null, false);
    }

    /** Sends a CancelRequest on a connection of its own (over TLS when the session is encrypted). */
    public CompletableFuture<Void> sendCancel(java.time.Duration timeout) {
        return CancelSender.send(loop, cancelTarget(), keyData, timeout);
    }

    void cancelTarget(CancelSender.Target target) {
        cancelTarget = target;
    }

    public EventLoop loop() {
        return loop;
    }

    /**
     * Queues an exchange: {@code plan} runs on the loop with the status the session will be in
     * when the exchange's request reaches the server, so an implicit BEGIN is decided in order.
     * The future completes on the loop thread.
     */
    public <T> CompletableFuture<T> submit(Function<TransactionStatus, Planned<T>> plan) {
        return submit(plan, false);
    }

    /**
     * As {@link #submit(Function)} for an exchange that takes over the stream after its request
     * (COPY): the requests of later commands are held until {@link #releaseHold()}; the
     * exchange's own messages go out with {@link #sendNow}.
     */
    public <T> CompletableFuture<T> submitHolding(Function<TransactionStatus, Planned<T>> plan) {
        return submit(plan, true);
    }

    private <T> CompletableFuture<T> submit(Function<TransactionStatus, Planned<T>> plan, boolean hold) {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            if (closed || broken) {
                f.completeExceptionally(unusable());
                return;
            }
            Planned<T> p;
            try {
                p = plan.apply(expected());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
                return;
            }
            if (p.exchange() == null) {
                f.complete(null); // nothing to send (COMMIT with no transaction open)
                return;
            }
            send(p.exchange(), f);
            if (!f.isDone()) {
                if (p.after() != null) {
                    predicted = p.after();
                }
                if (hold) {
                    held.add(new Hold(p.exchange(), new WriteBuffer()));
                }
            }
        });
        return f;
    }

    private TransactionStatus expected() {
        return inFlight.isEmpty() ? status : predicted;
    }

    /** Writes an exchange's request and puts it in flight (on the loop). */
    <T> void send(Exchange<T> x, CompletableFuture<T> f) {
        out.clear();
        out.charset(reports.charset());
        try {
            x.start(out);
        } catch (RuntimeException | Error e) {
            out.clear(); // a value that cannot be encoded, memory ran out: nothing was sent
            f.completeExceptionally(e instanceof Error ? e : io.tusk.internal.connection.Session.encodeFailure(e));
            return;
        }
        if (inFlight.isEmpty()) {
            predicted = status;
        }
        if (inFlight.isEmpty()) {
            lastReadNanos = System.nanoTime(); // socket_timeout counts from the first request on
        }
        inFlight.add(new Op<>(x, f));
        status = TransactionStatus.ACTIVE;
        write();
    }

    /**
     * Writes more messages for the exchange in flight: a pipeline's segment stays in flight from
     * its first statement to its Sync and appends its later statements here. On the loop.
     */
    public void sendMore(java.util.function.Consumer<WriteBuffer> encoder) {
        if (closed || broken) {
            return; // the exchange in flight was failed by lost() or close()
        }
        out.clear();
        out.charset(reports.charset());
        try {
            encoder.accept(out);
        } catch (RuntimeException | Error e) {
            out.clear(); // none of these messages left: the caller fails what they were for
            throw e;
        }
        write();
    }

    private void write() {
        if (out.size() == 0) {
            return;
        }
        lastReadNanos = System.nanoTime(); // a COPY FROM that keeps sending is not idle
        if (!held.isEmpty()) {
            held.peekLast().buffer().bytes(out.array(), 0, out.size());
            out.clear();
            return;
        }
        writeOut();
    }

    private void writeOut() {
        try {
            sending(out);
            out.writeTo(pipe::send);
        } catch (IOException e) {
            lost(e);
        } finally {
            out.clear();
        }
    }

    /** Sends a message of the exchange that holds the stream (COPY data), ahead of held requests; on the loop. */
    public void sendNow(io.tusk.internal.protocol.frontend.FrontendMessage m) {
        if (closed || broken) {
            return;
        }
        out.clear();
        out.charset(reports.charset());
        m.encode(out);
        writeOut();
    }

    /** Sends the requests held during a COPY (it ended, or left copy-in mode); on the loop. */
    public void releaseHold(Exchange<?> owner) {
        Hold first = held.peek();
        if (first == null || first.owner() != owner) {
            return; // released already (or never held: the COPY was not sent)
        }
        held.poll();
        WriteBuffer h = first.buffer();
        if (h.size() > 0 && !closed && !broken) {
            try {
                sending(h);
                h.writeTo(pipe::send);
            } catch (IOException e) {
                lost(e);
            }
        }
    }

    /** Tells the reply checker what leaves now (complete messages, in the order the server gets them). */
    private void sending(WriteBuffer b) {
        b.abortMessage(); // a message whose encoder failed half-way never leaves
        if (order != null) {
            try {
                b.writeTo(order::sent);
            } catch (IOException e) {
                throw new AssertionError(e); // the checker does no I/O
            }
        }
    }

    /** Outgoing bytes the socket has not taken yet; on the loop. */
    public long queuedBytes() {
        return pipe.queuedBytes();
    }

    /** Runs {@code r} on the loop once the socket took every queued byte. */
    public void whenDrained(Runnable r) {
        pipe.whenDrained(r);
    }

    /** Plaintext from the server: cut into messages and dispatched. */
    void data(ByteBuffer plain) {
        lastReadNanos = System.nanoTime();
        while (plain.hasRemaining()) {
            int n = Math.min(plain.remaining(), Math.max(framer.writableLength(), 8192));
            byte[] dst = framer.writableArray(n);
            plain.get(dst, framer.writeOffset(), n);
            framer.written(n);
        }
        drain();
    }

    /** Dispatches the messages already framed, unless an exchange awaits its caller. */
    private void drain() {
        BackendMessage m;
        while (!closed && stalled == null && (m = framer.next()) != null) {
            dispatch(m);
        }
    }

    /**
     * The exchange in flight that awaits its caller ({@link Exchange#awaitsCaller()}), or null:
     * while it does, nothing more is dispatched and the socket is not read, so the server's
     * replies wait in the kernel's buffers (back-pressure) and keep their order.
     */
    private Exchange<?> stalled;

    /**
     * Goes on feeding {@code x} once its caller took what it handed over or gave what it
     * needed; nothing happens while it still awaits its caller. Callable from any thread.
     */
    public void resume(Exchange<?> x) {
        loop.execute(() -> {
            if (stalled != x || x.awaitsCaller() || closed || broken) {
                return;
            }
            stalled = null;
            lastReadNanos = System.nanoTime(); // socket_timeout counts from now: nothing was awaited meanwhile
            pipe.pauseReading(false);
            drain();
        });
    }

    private void dispatch(BackendMessage m) {
        if (!started && inFlight.peek() != null && inFlight.peek().exchange instanceof StartupExchange s) {
            // Before AuthenticationOk the server may not send parameters or notifications, and its
            // notices are cleaned before anyone sees them.
            try {
                m = s.screen(m);
            } catch (RuntimeException e) {
                lost(e);
                return;
            }
        }
        try {
            m = reports.take(m);
        } catch (RuntimeException e) {
            lost(e); // a parameter status beyond the session's bounds
            return;
        }
        if (m == null) {
            return;
        }
        if (m instanceof BackendKeyData k) {
            keyData = k;
        }
        if (order != null) {
            try {
                order.received(m);
            } catch (io.tusk.internal.protocol.ProtocolViolation e) {
                lost(e); // a reply out of place: it must never become another command's answer
                return;
            }
        }
        Op<?> op = inFlight.peek();
        if (op == null) {
            if (m instanceof ErrorResponse e) {
                // A FATAL error while idle (the backend was terminated): the stream ends after it.
                lost(ServerErrors.of(e.diagnostic()));
                return;
            }
            lost(new io.tusk.internal.protocol.ProtocolViolation("unexpected " + m.getClass().getSimpleName()
                    + " while no command runs"));
            return;
        }
        out.clear();
        boolean done;
        try {
            done = op.exchange.handle(m, out);
        } catch (RuntimeException | Error e) {
            lost(e); // a protocol violation: the stream is out of step
            return;
        }
        write();
        if (m instanceof ErrorResponse e && ServerErrors.endsSession(e.diagnostic())) {
            broken = true;
        }
        if (!done && op.exchange.awaitsCaller() && !broken) {
            stalled = op.exchange;
            pipe.pauseReading(true);
        }
        if (done) {
            inFlight.poll();
            if (m instanceof ReadyForQuery r) {
                status = inFlight.isEmpty() ? io.tusk.internal.connection.Session.toStatus(r) : TransactionStatus.ACTIVE;
                if (inFlight.isEmpty()) {
                    predicted = status;
                }
            }
            io.tusk.errors.NotSupportedException unreadable = reports.unreadableEncoding(started);
            if (unreadable != null) {
                // The answer was read with the old charset; nothing after it can be. The session is
                // broken before the command's stage fails, so its caller sees isBroken() at once.
                lost(unreadable);
                op.future.completeExceptionally(unreadable);
                return;
            }
            op.finish();
            if (broken) {
                lost(new IOException("the server ended the session"));
            }
        }
    }

    /** The connection is gone: every exchange in flight fails, the socket is closed. */
    void lost(Throwable cause) {
        boolean wasClosed = closed;
        broken = true;
        if (cause instanceof io.tusk.internal.protocol.ProtocolViolation v && brokenBy == null) {
            brokenBy = v;
        }
        held.clear();
        stalled = null;
        pipe.close();
        RuntimeException e;
        if (cause instanceof DatabaseException d) {
            e = d;
        } else if (wasClosed) {
            e = new InterfaceException("the connection is closed");
        } else if (cause instanceof io.tusk.errors.TuskException t) {
            e = t; // a ProtocolViolation, or an error decoding the answer: the stream is out of step either way
        } else if (cause instanceof RuntimeException r && !(cause instanceof java.io.UncheckedIOException)) {
            // Not ours: a message the decoder tripped on.
            e = new io.tusk.internal.protocol.ProtocolViolation("the server's answer could not be read (" + r + ")", r);
        } else {
            e = new OperationalException("the connection to " + describe + " was lost: "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        }
        Op<?> op;
        while ((op = inFlight.poll()) != null) {
            op.future.completeExceptionally(e);
        }
        if (started) {
            notifications.close();
        }
    }

    /** Says goodbye (Terminate) after what is in flight, then closes; the future completes when it is closed. */
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            if (closed) {
                done.complete(null);
                return;
            }
            closed = true;
            held.clear(); // commands that waited behind a COPY fail below; Terminate ends the COPY too
            if (!broken) {
                out.clear();
                Terminate.INSTANCE.encode(out);
                write();
            }
            pipe.close();
            Op<?> op;
            while ((op = inFlight.poll()) != null) {
                op.future.completeExceptionally(new InterfaceException("the connection was closed before the command finished"));
            }
            notifications.close();
            done.complete(null);
        });
        return done;
    }

    /** Stops or resumes reading the socket (back-pressure from a slow consumer); on the loop. */
    public void pauseReading(boolean pause) {
        loop.execute(() -> pipe.pauseReading(pause));
    }

    private RuntimeException unusable() {
        if (closed) {
            return new InterfaceException("the connection is closed");
        }
        io.tusk.internal.protocol.ProtocolViolation v = brokenBy;
        if (v != null) {
            // It broke between commands (a reply nobody asked for): say why, with the violation as the cause.
            return new OperationalException("the connection is broken: the server broke the protocol (" + v.getMessage()
                    + "); open a new one", v);
        }
        return new OperationalException("the connection is broken: the server or the network ended it; open a new one");
    }

    /** When bytes last came, or the first request was sent while none was waiting; on the loop. */
    private long lastReadNanos;

    /**
     * socket_timeout on the asynchronous front end, where no read blocks: while an answer is
     * awaited and nothing has come for {@code timeout}, the session is broken, as a blocking
     * read would be. Checked on the loop at a quarter of the timeout.
     */
    void socketTimeout(java.time.Duration timeout) {
        if (timeout == null) {
            return;
        }
        long period = Math.max(50, timeout.toMillis() / 4);
        java.util.concurrent.CompletableFuture.delayedExecutor(period, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> loop.execute(() -> {
                    if (closed || broken) {
                        return;
                    }
                    if (!inFlight.isEmpty() && stalled == null && System.nanoTime() - lastReadNanos >= timeout.toNanos()) {
                        lost(new OperationalException("the server at " + describe + " sent nothing for "
                                + timeout.toSeconds() + " s (socket_timeout): the connection is broken; open a new"
                                + " one, or raise socket_timeout for statements that take longer"));
                        return;
                    }
                    socketTimeout(timeout);
                }));
    }

    void started(BackendKeyData key, ReadyForQuery ready) {
        if (key != null) {
            keyData = key;
        }
        status = io.tusk.internal.connection.Session.toStatus(ready);
        predicted = status;
        started = true;
        order = new io.tusk.internal.protocol.backend.ReplyOrder();
    }

    /** Sets what sees the tag of every completed command, as the blocking session's {@code observeTags}. */
    public void observeTags(java.util.function.Consumer<String> observer) {
        reports.observeTags(observer);
    }

    public void noticeHandler(java.util.function.Consumer<Diagnostic> h) {
        noticeHandler = h;
    }

    public Map<String, String> parameters() {
        return reports.parameters();
    }

    public BackendKeyData keyData() {
        return keyData;
    }

    public TransactionStatus transactionStatus() {
        return closed || broken ? TransactionStatus.UNKNOWN : status;
    }

    public Charset charset() {
        return reports.charset();
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean isBroken() {
        return broken;
    }

    public String describe() {
        return describe;
    }
}
