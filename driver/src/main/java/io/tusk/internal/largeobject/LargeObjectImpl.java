package io.tusk.internal.largeobject;

import io.tusk.LargeObject;
import io.tusk.TransactionStatus;
import io.tusk.errors.OperationalException;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.connection.ConnectionImpl;
import io.tusk.internal.connection.Session;
import io.tusk.internal.protocol.frontend.FunctionCall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * psycopg2's {@code lobject} over the fast-path large-object functions ({@link LoFunctions}).
 * The descriptor belongs to the transaction that opened it: every call checks that the session
 * is still in a transaction, so that a descriptor number is never used in a later transaction,
 * where it could name another object.
 */
public final class LargeObjectImpl implements LargeObject {
    /** Data moves in calls of at most this many bytes (one message each way). */
    static final int CHUNK = 1 << 20;

    private final ConnectionImpl conn;
    private final Session session;
    private final LoFunctions fn;
    private final long oid;
    private final LoMode mode;
    private int fd = -1;
    private boolean closed;

    private LargeObjectImpl(ConnectionImpl conn, LoFunctions fn, long oid, LoMode mode) {
        this.conn = conn;
        this.session = conn.session();
        this.fn = fn;
        this.oid = oid;
        this.mode = mode;
    }

    /**
     * psycopg2's {@code connection.lobject(oid, mode, new_oid, new_file)}: opens {@code oid}, or
     * with oid 0 creates an object (as {@code newOid} when not 0, or from the client-side file
     * {@code newFile}) and opens it for writing.
     */
    public static LargeObjectImpl open(ConnectionImpl conn, long oid, String mode, long newOid, Path newFile) {
        LoMode m = LoMode.parse(mode);
        checkTransactional(conn);
        LoFunctions fn = LoFunctions.of(conn);
        if (oid == 0) {
            long created = newOid != 0 ? LoFunctions.toOid(call(conn, fn.call("lo_create", LoFunctions.oid(newOid))))
                    : LoFunctions.toOid(call(conn, fn.call("lo_creat", LoFunctions.int4(LoFunctions.INV_READ | LoFunctions.INV_WRITE))));
            LargeObjectImpl lo = new LargeObjectImpl(conn, fn, created, m.forNewObject());
            lo.openDescriptor();
            if (newFile != null) {
                lo.importFile(newFile);
            }
            return lo;
        }
        LargeObjectImpl lo = new LargeObjectImpl(conn, fn, oid, m);
        lo.openDescriptor();
        return lo;
    }

    private void openDescriptor() {
        if (mode.flags() != 0) {
            fd = LoFunctions.toInt4(call(conn, fn.call("lo_open", LoFunctions.oid(oid), LoFunctions.int4(mode.flags()))));
        }
    }

    /** libpq's {@code lo_import}, on the client: the file's bytes are written in chunks, then the position goes back to 0. */
    private void importFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[CHUNK];
            for (int n; (n = in.readNBytes(buf, 0, buf.length)) > 0; ) {
                write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + " to import it as large object " + oid + ": "
                    + e.getMessage(), e);
        }
        seek(0, SEEK_SET);
    }

    private static byte[] call(ConnectionImpl conn, FunctionCall call) {
        return conn.runWithImplicitBegin(begin -> new FastPathExchange(begin, call));
    }

    private static void checkTransactional(ConnectionImpl conn) {
        if (conn.autocommit()) {
            throw LoRules.outsideTransaction();
        }
    }

    /** Before a call on the descriptor: open, not in autocommit, and still in the transaction that opened it. */
    private byte[] onDescriptor(FunctionCall call) {
        checkOpen();
        checkTransactional(conn);
        if (fd < 0) {
            throw LoRules.noDescriptor(oid);
        }
        TransactionStatus st = conn.session().transactionStatus();
        if (conn.session() != session || st == TransactionStatus.IDLE || st == TransactionStatus.UNKNOWN) {
            throw LoRules.notValidAnymore(oid, mode);
        }
        return call(conn, call);
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
    public byte[] read(int size) {
        if (size < 0) {
            long here = tell();
            long end = seek(0, SEEK_END);
            seek(here, SEEK_SET);
            long left = end - here;
            if (left > Integer.MAX_VALUE - 8) {
                throw LoRules.tooLarge(oid, left);
            }
            size = (int) Math.max(0, left);
        }
        if (size <= CHUNK) {
            return readChunk(size);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        while (out.size() < size) {
            byte[] part = readChunk(Math.min(CHUNK, size - out.size()));
            if (part.length == 0) {
                break;
            }
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private byte[] readChunk(int size) {
        byte[] r = onDescriptor(fn.call("loread", LoFunctions.int4(fd), LoFunctions.int4(size)));
        return r == null ? new byte[0] : r;
    }

    @Override
    public String readString(int size) {
        return new String(read(size), conn.session().charset());
    }

    @Override
    public int write(byte[] data) {
        return write(data, 0, data.length);
    }

    @Override
    public int write(byte[] data, int offset, int length) {
        int written = 0;
        while (written < length) {
            int n = Math.min(CHUNK, length - written);
            byte[] part = offset + written == 0 && n == data.length ? data
                    : Arrays.copyOfRange(data, offset + written, offset + written + n);
            written += LoFunctions.toInt4(onDescriptor(fn.call("lowrite", LoFunctions.int4(fd), part)));
        }
        return written;
    }

    @Override
    public int write(String text) {
        return write(text.getBytes(conn.session().charset()));
    }

    @Override
    public long seek(long offset, int whence) {
        if (whence < SEEK_SET || whence > SEEK_END) {
            throw new IllegalArgumentException("bad whence " + whence + ": use SEEK_SET (0), SEEK_CUR (1) or SEEK_END (2)");
        }
        return LoFunctions.toInt8(onDescriptor(fn.call("lo_lseek64", LoFunctions.int4(fd), LoFunctions.int8(offset),
                LoFunctions.int4(whence))));
    }

    @Override
    public long seek(long offset) {
        return seek(offset, SEEK_SET);
    }

    @Override
    public long tell() {
        return LoFunctions.toInt8(onDescriptor(fn.call("lo_tell64", LoFunctions.int4(fd))));
    }

    @Override
    public void truncate(long length) {
        onDescriptor(fn.call("lo_truncate64", LoFunctions.int4(fd), LoFunctions.int8(length)));
    }

    @Override
    public void truncate() {
        truncate(0);
    }

    /** libpq's {@code lo_export}, on the client: a descriptor of its own, read in chunks into the file. */
    @Override
    public void export(Path file) {
        checkOpen();
        checkTransactional(conn);
        int own = LoFunctions.toInt4(call(conn, fn.call("lo_open", LoFunctions.oid(oid), LoFunctions.int4(LoFunctions.INV_READ))));
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                byte[] part = call(conn, fn.call("loread", LoFunctions.int4(own), LoFunctions.int4(CHUNK)));
                if (part == null || part.length == 0) {
                    break;
                }
                out.write(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write large object " + oid + " to " + file + ": " + e.getMessage(), e);
        } finally {
            if (session.transactionStatus() == TransactionStatus.INTRANS) {
                call(conn, fn.call("lo_close", LoFunctions.int4(own)));
            }
        }
    }

    @Override
    public InputStream inputStream() {
        checkOpen();
        return new LoInputStream(this);
    }

    @Override
    public OutputStream outputStream() {
        checkOpen();
        return new LoOutputStream(this);
    }

    @Override
    public void unlink() {
        checkOpen();
        checkTransactional(conn);
        close();
        byte[] r = call(conn, fn.call("lo_unlink", LoFunctions.oid(oid)));
        if (r == null || LoFunctions.toInt4(r) < 0) {
            throw new OperationalException("could not remove large object " + oid);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** psycopg2: nothing is sent when the connection or the transaction is gone; the descriptor died with it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Session s = conn.session();
        if (fd < 0 || s != session || s.isClosed() || s.isBroken() || conn.autocommit()
                || s.transactionStatus() != TransactionStatus.INTRANS) {
            return;
        }
        call(conn, fn.call("lo_close", LoFunctions.int4(fd)));
        fd = -1;
    }

    private void checkOpen() {
        LoRules.checkOpen(oid, closed, conn.closedByUser());
    }

    @Override
    public String toString() {
        return "LargeObject[oid=" + oid + ", mode=" + mode + (closed ? ", closed" : "") + "]";
    }
}
