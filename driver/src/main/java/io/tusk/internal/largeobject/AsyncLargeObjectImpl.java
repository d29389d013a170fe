package io.tusk.internal.largeobject;

import io.tusk.LargeObject;
import io.tusk.TransactionStatus;
import io.tusk.async.AsyncLargeObject;
import io.tusk.errors.OperationalException;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.connection.AsyncConnectionImpl;
import io.tusk.internal.async.AsyncSession;
import io.tusk.internal.protocol.frontend.FunctionCall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link AsyncLargeObject} over the same fast-path calls as {@link LargeObjectImpl}: each call is
 * a {@link FastPathExchange} queued on the asynchronous session (with the implicit BEGIN when
 * one is due), so calls made one after another run in that order without waiting in between.
 * The checks are those of the blocking object, made when a call is issued.
 */
public final class AsyncLargeObjectImpl implements AsyncLargeObject {
    private final AsyncConnectionImpl conn;
    private final AsyncSession session;
    private final LoFunctions fn;
    private final long oid;
    private final LoMode mode;
    private volatile int fd = -1;
    private volatile boolean closed;

    private AsyncLargeObjectImpl(AsyncConnectionImpl conn, LoFunctions fn, long oid, LoMode mode) {
        this.conn = conn;
        this.session = conn.session();
        this.fn = fn;
        this.oid = oid;
        this.mode = mode;
    }

    /** As {@link LargeObjectImpl#open}: opens {@code oid}, or with oid 0 creates an object and opens it for writing. */
    public static CompletionStage<AsyncLargeObject> open(AsyncConnectionImpl conn, long oid, String mode) {
        CompletableFuture<AsyncLargeObject> opened;
        try {
            LoMode m = LoMode.parse(mode);
            checkTransactional(conn);
            opened = LoFunctions.of(conn.session()).thenCompose(fn -> {
                if (oid != 0) {
                    return new AsyncLargeObjectImpl(conn, fn, oid, m).openDescriptor();
                }
                return call(conn, fn.call("lo_creat", LoFunctions.int4(LoFunctions.INV_READ | LoFunctions.INV_WRITE)))
                        .thenCompose(r -> new AsyncLargeObjectImpl(conn, fn, LoFunctions.toOid(r), m.forNewObject()).openDescriptor());
            });
        } catch (RuntimeException e) {
            opened = CompletableFuture.failedFuture(e);
        }
        return conn.deliver(opened);
    }

    private CompletableFuture<AsyncLargeObject> openDescriptor() {
        if (mode.flags() == 0) {
            return CompletableFuture.completedFuture(this);
        }
        return call(conn, fn.call("lo_open", LoFunctions.oid(oid), LoFunctions.int4(mode.flags()))).thenApply(r -> {
            fd = LoFunctions.toInt4(r);
            return this;
        });
    }

    private static CompletableFuture<byte[]> call(AsyncConnectionImpl conn, FunctionCall call) {
        return conn.session().submit(st -> {
            String begin = conn.beginFor(st);
            return new AsyncSession.Planned<>(new FastPathExchange(begin, call), begin != null ? TransactionStatus.INTRANS : null);
        });
    }

    private static void checkTransactional(AsyncConnectionImpl conn) {
        if (conn.autocommit()) {
            throw LoRules.outsideTransaction();
        }
    }

    /**
     * A call on the descriptor: open, not in autocommit, and still in the transaction that opened
     * it. The transaction is checked when the call's turn comes on the session (a commit issued
     * before it without waiting ends the descriptor too), and no BEGIN is ever sent for it: in a
     * new transaction the descriptor's number could name another object.
     */
    private CompletableFuture<byte[]> onDescriptor(FunctionCall call) {
        try {
            checkOpen();
            checkTransactional(conn);
            if (fd < 0) {
                throw LoRules.noDescriptor(oid);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return conn.session().submit(st -> {
            if (conn.session() != session || st == TransactionStatus.IDLE || st == TransactionStatus.UNKNOWN) {
                throw LoRules.notValidAnymore(oid, mode);
            }
            return new AsyncSession.Planned<>(new FastPathExchange(null, call), null);
        });
    }

    @Override
    public long oid() {
        return oid;
    }

    @Override
    public String mode() {
        return mode.toString();
    }

    @Override
    public CompletionStage<byte[]> read(int size) {
        CompletableFuture<byte[]> r;
        if (size < 0) {
            r = tellRaw().thenCompose(here -> seekRaw(0, LargeObject.SEEK_END).thenCompose(end -> seekRaw(here, LargeObject.SEEK_SET)
                    .thenCompose(back -> {
                        long left = end - here;
                        if (left > Integer.MAX_VALUE - 8) {
                            throw LoRules.tooLarge(oid, left);
                        }
                        return readFrom(new ByteArrayOutputStream(), (int) Math.max(0, left));
                    })));
        } else {
            r = readFrom(new ByteArrayOutputStream(Math.min(size, LargeObjectImpl.CHUNK)), size);
        }
        return conn.deliver(r);
    }

    /** Reads chunk after chunk until {@code size} bytes are in {@code out} or the object ends. */
    private CompletableFuture<byte[]> readFrom(ByteArrayOutputStream out, int size) {
        int want = Math.min(LargeObjectImpl.CHUNK, size - out.size());
        if (want <= 0 && out.size() > 0) {
            return CompletableFuture.completedFuture(out.toByteArray());
        }
        return onDescriptor(fn.call("loread", LoFunctions.int4(fd), LoFunctions.int4(Math.max(want, 0)))).thenCompose(part -> {
            int n = part == null ? 0 : part.length;
            out.write(part == null ? new byte[0] : part, 0, n);
            return n == 0 || out.size() >= size ? CompletableFuture.completedFuture(out.toByteArray()) : readFrom(out, size);
        });
    }

    @Override
    public CompletionStage<String> readString(int size) {
        return read(size).thenApply(b -> new String(b, conn.session().charset()));
    }

    @Override
    public CompletionStage<Integer> write(byte[] data) {
        return conn.deliver(writeFrom(data, 0, 0));
    }

    private CompletableFuture<Integer> writeFrom(byte[] data, int from, int written) {
        if (from >= data.length && (data.length > 0 || from > 0)) {
            return CompletableFuture.completedFuture(written);
        }
        int n = Math.min(LargeObjectImpl.CHUNK, data.length - from);
        byte[] part = from == 0 && n == data.length ? data : Arrays.copyOfRange(data, from, from + n);
        return onDescriptor(fn.call("lowrite", LoFunctions.int4(fd), part)).thenCompose(r -> {
            int total = written + LoFunctions.toInt4(r);
            return from + n >= data.length ? CompletableFuture.completedFuture(total) : writeFrom(data, from + n, total);
        });
    }

    @Override
    public CompletionStage<Integer> write(String text) {
        return write(text.getBytes(conn.session().charset()));
    }

    @Override
    public CompletionStage<Long> seek(long offset, int whence) {
        if (whence < LargeObject.SEEK_SET || whence > LargeObject.SEEK_END) {
            return conn.deliver(CompletableFuture.failedFuture(new ProgrammingException("bad whence " + whence
                    + ": use SEEK_SET (0), SEEK_CUR (1) or SEEK_END (2)")));
        }
        return conn.deliver(seekRaw(offset, whence));
    }

    private CompletableFuture<Long> seekRaw(long offset, int whence) {
        return onDescriptor(fn.call("lo_lseek64", LoFunctions.int4(fd), LoFunctions.int8(offset), LoFunctions.int4(whence)))
                .thenApply(LoFunctions::toInt8);
    }

    @Override
    public CompletionStage<Long> tell() {
        return conn.deliver(tellRaw());
    }

    private CompletableFuture<Long> tellRaw() {
        return onDescriptor(fn.call("lo_tell64", LoFunctions.int4(fd))).thenApply(LoFunctions::toInt8);
    }

    @Override
    public CompletionStage<Void> truncate(long length) {
        return conn.deliver(onDescriptor(fn.call("lo_truncate64", LoFunctions.int4(fd), LoFunctions.int8(length)))
                .thenApply(r -> (Void) null));
    }

    /** libpq's {@code lo_export}: a descriptor of its own, read in chunks into the file. */
    @Override
    public CompletionStage<Void> export(Path file) {
        CompletableFuture<Void> done;
        try {
            checkOpen();
            checkTransactional(conn);
            OutputStream out = Files.newOutputStream(file);
            done = call(conn, fn.call("lo_open", LoFunctions.oid(oid), LoFunctions.int4(LoFunctions.INV_READ)))
                    .thenCompose(r -> copyOut(LoFunctions.toInt4(r), out, file))
                    .whenComplete((v, e) -> {
                        try {
                            out.close();
                        } catch (IOException closing) {
                            throw new UncheckedIOException("could not write large object " + oid + " to " + file, closing);
                        }
                    });
        } catch (IOException e) {
            done = CompletableFuture.failedFuture(new UncheckedIOException("could not write large object " + oid + " to "
                    + file + ": " + e.getMessage(), e));
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        return conn.deliver(done);
    }

    private CompletableFuture<Void> copyOut(int own, OutputStream out, Path file) {
        return call(conn, fn.call("loread", LoFunctions.int4(own), LoFunctions.int4(LargeObjectImpl.CHUNK))).thenCompose(part -> {
            if (part == null || part.length == 0) {
                return call(conn, fn.call("lo_close", LoFunctions.int4(own))).thenApply(r -> (Void) null);
            }
            try {
                out.write(part);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write large object " + oid + " to " + file + ": " + e.getMessage(), e);
            }
            return copyOut(own, out, file);
        });
    }

    @Override
    public CompletionStage<Void> unlink() {
        CompletableFuture<Void> done;
        try {
            checkOpen();
            checkTransactional(conn);
            done = closeDescriptor().thenCompose(v -> call(conn, fn.call("lo_unlink", LoFunctions.oid(oid)))).thenApply(r -> {
                if (r == null || LoFunctions.toInt4(r) < 0) {
                    throw new OperationalException("could not remove large object " + oid);
                }
                return (Void) null;
            });
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        return conn.deliver(done);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public CompletionStage<Void> close() {
        return conn.deliver(closeDescriptor());
    }

    /** As the blocking object: nothing is sent when the connection or the transaction is gone. */
    private CompletableFuture<Void> closeDescriptor() {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        closed = true;
        int open = fd;
        fd = -1;
        if (open < 0 || conn.session() != session || conn.isClosed() || conn.isBroken() || conn.autocommit()
                || conn.transactionStatus() != TransactionStatus.INTRANS) {
            return CompletableFuture.completedFuture(null);
        }
        return call(conn, fn.call("lo_close", LoFunctions.int4(open))).thenApply(r -> (Void) null);
    }

    private void checkOpen() {
        LoRules.checkOpen(oid, closed, conn.closedByUser());
    }

    @Override
    public String toString() {
        return "AsyncLargeObject[oid=" + oid + ", mode=" + mode + (closed ? ", closed" : "") + "]";
    }
}
