package io.tusk.internal.connection;

import io.tusk.TransactionStatus;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.OperationalException;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendKeyData;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.ParameterStatus;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.frontend.Terminate;
import java.io.IOException;
import java.time.Duration;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The live session: the stream to the server, what the server told us about itself, and the
 * loop that drives {@link Exchange}s over the stream one at a time.
 *
 * <p>Commands are serialised with a lock (DB-API thread safety level 2). Asynchronous messages
 * are taken out of the stream here, whatever exchange is running: notices go to handlers and
 * a bounded list, notifications to a bounded queue, parameter statuses to the parameter map.
 * Any I/O failure or protocol violation marks the session broken and closes the socket, so a
 * broken session never hangs and never resumes out of step.
 */
public final class Session {

    private final ReentrantLock lock = new ReentrantLock();
    /** Notices, notifications and parameter statuses: the same rules as the async session's. */
    private final ServerReports reports;
    private final PgStream stream;
    /** Where notices and notifications wait for the user (handlers, bounded queues). */
    private final ReportQueues queues = new ReportQueues();
    private volatile TransactionStatus transactionStatus = TransactionStatus.IDLE;
    private ReadyForQuery drivenReady;
    private volatile boolean broken;
    private volatile boolean closed;
    private volatile BackendKeyData keyData;
    private volatile int protocolVersion;
    /** What drives the session message by message (a COPY), or null: no other command may start meanwhile. */
    private volatile String drivenBy;
    /** Syncs an open pipeline before another command runs on this session, or null. */
    private volatile Runnable pipelineDrain;

    public Session(PgStream stream) {
        this.stream = stream;
        this.reports = new ServerReports(stream.charset(), queues, stream::charset);
    }

    public ReentrantLock lock() {
        return lock;
    }

    public PgStream stream() {
        return stream;
    }

    /**
     * Runs one exchange to completion: encodes its request, writes it in one write, and feeds it
     * every message until it is done. The server's error, if any, is thrown after the session is
     * back in step (ReadyForQuery).
     */
    public <T> T run(Exchange<T> exchange) {
        lock.lock();
        try {
            Runnable drain = pipelineDrain;
            if (drain != null && !closed && !broken) {
                // A command outside the pipeline (COMMIT, COPY, executemany) on the pipeline's
                // thread: the pipeline's answers come first, so it is synced before.
                drain.run();
            }
            checkUsable();
            checkQuiet();
            WriteBuffer out = stream.buffer();
            int mark = out.size();
            try {
                exchange.start(out);
            } catch (RuntimeException | Error e) {
                // Nothing left yet: forget the whole request (a BEGIN in front too), so the
                // connection stays usable and in step.
                out.rewind(mark);
                throw encodeFailure(e);
            }
            transactionStatus = TransactionStatus.ACTIVE;
            try {
                stream.flush();
                boolean done = false;
                ReadyForQuery last = null;
                while (!done) {
                    BackendMessage m = readSync();
                    if (m == null) {
                        continue;
                    }
                    if (m instanceof ReadyForQuery rfq) {
                        // An exchange may hold several (an implicit BEGIN rides in front): the
                        // session stays ACTIVE until the last one, so other threads never see a
                        // running statement as idle.
                        last = rfq;
                    }
                    done = exchange.handle(m, out);
                    if (stream.hasPendingOutput()) {
                        stream.flush();
                    }
                }
                transactionStatus = toStatus(last);
                checkEncoding();
            } catch (IOException e) {
                throw lost(e);
            } catch (RuntimeException | Error e) {
                // Part of the request left, or part of the answer is unread: the stream is out
                // of step for good, so the connection ends here.
                throw brokenBy(e);
            }
            try {
                return exchange.result();
            } catch (DatabaseException e) {
                if (ServerErrors.endsSession(e.diag())) {
                    markBroken();
                }
                throw e;
            }
        } finally {
            if (transactionStatus == TransactionStatus.ACTIVE && (broken || closed)) {
                transactionStatus = TransactionStatus.UNKNOWN;
            }
            lock.unlock();
        }
    }

    /**
     * Reads what arrived while no exchange ran: only asynchronous messages may (notices,
     * notifications, parameter statuses). Anything else, a ReadyForQuery or rows nobody asked
     * for, would be taken for the answer to the next request: the session breaks instead.
     */
    private void checkQuiet() {
        try {
            BackendMessage m;
            while ((m = stream.poll()) != null) {
                m = readAsyncMessage(m);
                if (m != null) {
                    throw new ProtocolViolation("unexpected " + m.getClass().getSimpleName() + " while no command runs");
                }
            }
        } catch (IOException e) {
            throw lost(e);
        } catch (RuntimeException e) {
            throw brokenBy(e);
        }
    }

    /**
     * Ends the session after a failure in the middle of an exchange; returns what to throw: a
     * Tusk exception as it is, an Error as it is, anything else (a malformed message the
     * decoder tripped on) as a {@link ProtocolViolation} with it as the cause.
     */
    public RuntimeException brokenBy(Throwable e) {
        markBroken();
        if (e instanceof Error err) {
            throw err;
        }
        if (e instanceof io.tusk.errors.TuskException t) {
            return t;
        }
        return new ProtocolViolation("the server's answer could not be read (" + e + ")", e);
    }

    /** What to throw when encoding a request failed before any byte of it left: the connection stays usable. */
    public static RuntimeException encodeFailure(Throwable e) {
        if (e instanceof Error err) {
            throw err;
        }
        if (e instanceof io.tusk.errors.TuskException t) {
            return t;
        }
        return new InterfaceException("could not encode the request: " + e.getMessage()
                + " (nothing was sent; the connection is still usable)", e);
    }

    /**
     * Reads the next message for an exchange, consuming asynchronous ones. Returns null after
     * consuming one, so the caller loops. A FATAL error from the server (the backend was
     * terminated) arrives as an ErrorResponse followed by the end of the stream: it is returned
     * to the exchange first.
     */
    private BackendMessage readSync() throws IOException {
        return consumeAsync(stream.read());
    }

    private BackendMessage consumeAsync(BackendMessage m) {
        if (m instanceof ErrorResponse e && !e.notice() && ServerErrors.endsSession(e.diagnostic()) && !closed) {
            // A FATAL error: the server is about to close the connection.
            broken = true;
        }
        return reports.take(m);
    }

    /** The exchange its caller paces ({@link #open}), until it is done or the session broke. */
    private Exchange<?> paced;

    /**
     * Starts an exchange its caller paces (COPY, a streamed result, a pipeline): sends its
     * request and feeds it the server's messages until it is done or awaits its caller
     * ({@link Exchange#awaitsCaller()}). The caller holds {@link #lock()} from before this call
     * until the exchange is done or the session broke; meanwhile no other command may start,
     * even on the caller's thread ({@code what} names the operation in that refusal). Returns
     * true when the exchange is already done; then {@link #result} gives its outcome.
     */
    public boolean open(Exchange<?> x, String what) {
        requireLock();
        Runnable drain = pipelineDrain;
        if (drain != null && !closed && !broken) {
            drain.run(); // as in run(): the open pipeline's answers come first
        }
        checkUsable();
        checkQuiet();
        WriteBuffer out = stream.buffer();
        int mark = out.size();
        try {
            x.start(out);
        } catch (RuntimeException | Error e) {
            out.rewind(mark); // nothing left: the connection stays usable
            throw encodeFailure(e);
        }
        paced = x;
        drivenBy = what;
        transactionStatus = TransactionStatus.ACTIVE;
        try {
            stream.flush();
        } catch (IOException e) {
            throw endPaced(lost(e));
        }
        return resume(x);
    }

    /**
     * Feeds the paced exchange the server's messages until it is done (true; its ReadyForQuery
     * then sets the transaction status) or awaits its caller again (false). Returns at once
     * while it still awaits its caller. Output the exchange queues while handling a message
     * is written at once.
     */
    public boolean resume(Exchange<?> x) {
        requirePaced(x);
        WriteBuffer out = stream.buffer();
        try {
            while (!x.awaitsCaller()) {
                BackendMessage m = readSync();
                if (m == null) {
                    continue;
                }
                if (m instanceof ReadyForQuery rfq) {
                    drivenReady = rfq; // the exchange is ACTIVE until it is done
                }
                int before = out.size();
                boolean done = x.handle(m, out);
                if (out.size() != before) {
                    stream.flush(); // what the exchange answered (input the caller queued leaves when it says)
                }
                if (done) {
                    paced = null;
                    drivenBy = null;
                    transactionStatus = toStatus(drivenReady);
                    drivenReady = null;
                    checkEncoding();
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw endPaced(lost(e));
        } catch (RuntimeException | Error e) {
            throw endPaced(brokenBy(e));
        }
    }

    /**
     * Writes the caller's input for the paced exchange (COPY data, the next pipelined
     * statement): {@code input} encodes messages into the stream's buffer. They leave when
     * {@code flush} is true or enough bytes are queued to be worth a write. A value that cannot
     * be encoded leaves nothing behind and is thrown with the session still usable.
     */
    public void send(Exchange<?> x, Consumer<WriteBuffer> input, boolean flush) {
        requirePaced(x);
        WriteBuffer out = stream.buffer();
        int mark = out.size();
        try {
            input.accept(out);
        } catch (RuntimeException | Error e) {
            out.rewind(mark);
            throw encodeFailure(e);
        }
        if (flush || out.size() >= FLUSH_AT) {
            try {
                stream.flush();
            } catch (IOException e) {
                throw endPaced(lost(e));
            }
        }
    }

    /** Bytes queued by {@link #send} that are worth one write (COPY's rows are small). */
    private static final int FLUSH_AT = 1 << 16;

    /** The paced exchange's outcome once done; a FATAL error ends the session as in {@link #run}. */
    public <T> T result(Exchange<T> x) {
        try {
            return x.result();
        } catch (DatabaseException e) {
            if (ServerErrors.endsSession(e.diag())) {
                markBroken();
            }
            throw e;
        }
    }

    /** Whether {@code x} is the exchange this session is pacing (false once done or broken). */
    public boolean isPacing(Exchange<?> x) {
        return paced == x && !broken && !closed;
    }

    private RuntimeException endPaced(RuntimeException failure) {
        paced = null;
        drivenBy = null;
        drivenReady = null;
        transactionStatus = TransactionStatus.UNKNOWN;
        return failure;
    }

    private void requirePaced(Exchange<?> x) {
        requireLock();
        if (paced != x) {
            checkUsable(); // broken or closed meanwhile: say so
            throw new IllegalStateException("the exchange is not in progress on this session");
        }
        if (broken || closed) {
            paced = null;
            drivenBy = null;
            checkUsable();
        }
    }

    private void requireLock() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("the session lock must be held");
        }
    }

    /**
     * Waits up to {@code timeout} for one message while no command runs (LISTEN: notifications
     * come on their own), consuming it as {@link #readAsync()} does. Returns false when the
     * timeout passed with no complete message. The caller holds the lock.
     *
     * <p>A read timeout leaves the stream in step: {@link PgStream} reads into the framer's
     * buffer, which keeps a partial message for the next read, so a timeout in the middle of a
     * message loses nothing. The transport's timeout goes back to "none" afterwards, the setting
     * every command runs with.
     */
    public boolean awaitAsync(java.time.Duration timeout) {
        checkUsable();
        try {
            if (!stream.hasBufferedMessage()) {
                stream.transport().readTimeout(timeout);
            }
            try {
                BackendMessage m = readAsync();
                if (m != null) {
                    throw new ProtocolViolation("unexpected " + m.getClass().getSimpleName() + " while no command runs");
                }
                return true;
            } finally {
                stream.transport().readTimeout(socketTimeout);
            }
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (InterruptedIOException e) {
            // The Unix-socket transport reports an interrupt this way, before reading anything.
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            throw lost(e);
        } catch (RuntimeException e) {
            throw brokenBy(e);
        }
    }

    /** Sets what sees the tag of every completed command (one observer: the statement cache). */
    public void observeTags(Consumer<String> observer) {
        reports.observeTags(observer);
    }

    /**
     * Sets what syncs the open pipeline before {@link #run} starts another command, or null
     * when pipeline mode ends. The pipeline's thread holds the lock meanwhile.
     */
    public void pipelineDrain(Runnable drain) {
        pipelineDrain = drain;
    }


    /** Reads messages that arrive while no command runs (notifications), for up to the stream's timeout. */
    public BackendMessage readAsync() throws IOException {
        return readAsyncMessage(readSync());
    }

    private BackendMessage readAsyncMessage(BackendMessage read) {
        BackendMessage m = consumeAsync(read);
        if (m instanceof ErrorResponse e) {
            broken = ServerErrors.endsSession(e.diagnostic()) || broken;
            throw ServerErrors.of(e.diagnostic());
        }
        return m;
    }

    private void checkEncoding() {
        io.tusk.errors.NotSupportedException e = reports.unreadableEncoding(true);
        if (e != null) {
            markBroken();
            throw e;
        }
    }

    /** The user's side of notices and notifications: handlers and the bounded queues. */
    public ReportQueues queues() {
        return queues;
    }

    /** Records what start-up learned. */
    public void started(StartupExchange s) {
        stream.checkReplyOrder();
        keyData = s.keyData();
        protocolVersion = s.protocolVersion();
        transactionStatus = toStatus(s.status());
        io.tusk.errors.NotSupportedException e = reports.unreadableEncoding(false);
        if (e != null) {
            // client_encoding asked for (or defaulted to) an encoding Java cannot read.
            markBroken();
            throw e;
        }
    }

    /** socket_timeout: how long each read of an answer may block; null waits for ever. */
    private volatile Duration socketTimeout;

    /** Sets socket_timeout for every read from now on (null for none). */
    public void socketTimeout(Duration timeout) throws IOException {
        socketTimeout = timeout;
        stream.transport().readTimeout(timeout);
    }

    /** Takes the parameter statuses read during start-up. */
    public void parameter(String name, String value) {
        reports.take(new ParameterStatus(name, value));
    }

    public Map<String, String> parameters() {
        return reports.parameters();
    }

    public BackendKeyData keyData() {
        return keyData;
    }

    public int protocolVersion() {
        return protocolVersion;
    }

    public Charset charset() {
        return reports.charset();
    }

    public TransactionStatus transactionStatus() {
        return closed || broken ? TransactionStatus.UNKNOWN : transactionStatus;
    }

    public boolean isBroken() {
        return broken;
    }

    public boolean isClosed() {
        return closed;
    }

    private void checkUsable() {
        if (drivenBy != null && lock.isHeldByCurrentThread()) {
            throw new io.tusk.errors.ProgrammingException(drivenBy + " is in progress on this connection: finish or close it"
                    + " before running another command");
        }
        if (closed) {
            throw new InterfaceException("the connection is closed");
        }
        if (broken) {
            throw new OperationalException("the connection is broken: the server or the network ended it; open a new one or call reset()");
        }
    }

    public OperationalException lost(IOException e) {
        markBroken();
        Duration limit = socketTimeout;
        if (e instanceof java.net.SocketTimeoutException && limit != null) {
            // A read timed out mid-exchange: the answer's remainder may still come, so the stream
            // can no longer be trusted to be in step; the connection is broken.
            return new OperationalException("the server at " + stream.transport().describe() + " sent nothing for "
                    + limit.toSeconds() + " s (socket_timeout): the connection is broken; open a new one,"
                    + " or raise socket_timeout for statements that take longer", e);
        }
        String what = e instanceof InterruptedIOException ? "timed out or was interrupted" : "was lost";
        return new OperationalException("the connection to " + stream.transport().describe() + " " + what + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }

    public void markBroken() {
        broken = true;
        stream.close();
    }

    /** Says goodbye (Terminate) and closes the socket; idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        // Close even when another thread holds the lock in a long command: the socket closes under it.
        boolean locked = lock.tryLock();
        try {
            closed = true;
            if (!broken && locked) {
                // A request half encoded by a failed call never left: it must not go out now.
                stream.buffer().clear();
                try {
                    stream.send(Terminate.INSTANCE);
                    stream.flush();
                } catch (IOException ignored) {
                    // the server may already be gone
                }
            }
            stream.close();
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    /** The transaction status a ReadyForQuery reports (IDLE before the first one). */
    public static TransactionStatus toStatus(ReadyForQuery r) {
        if (r == null) {
            return TransactionStatus.IDLE;
        }
        return switch (r) {
            case IDLE -> TransactionStatus.IDLE;
            case IN_TRANSACTION -> TransactionStatus.INTRANS;
            case IN_ERROR -> TransactionStatus.INERROR;
        };
    }
}
