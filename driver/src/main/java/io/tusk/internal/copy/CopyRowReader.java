package io.tusk.internal.copy;

import io.tusk.adapt.Loader;
import io.tusk.errors.DataException;
import java.nio.charset.Charset;
import java.util.function.Supplier;

/**
 * Rows of a COPY TO STDOUT from chunks that arrive when they arrive (the asynchronous
 * {@code AsyncCopy.readRow()}): chunks are added as they come, and {@link #next()} gives a row
 * only once all of its bytes are there, so a row cut across CopyData messages (allowed by the
 * protocol, though the server sends one row per message) waits for the rest instead of failing.
 * Text rows end at a newline; a binary tuple's length is known from its field count and field
 * lengths, after the PGCOPY header. The parsing itself is the blocking Copy's
 * ({@link TextRows}, {@link BinaryRows}).
 */
public final class CopyRowReader {
    private final boolean binary;
    private final Charset charset;
    private final ByteSink pending = new ByteSink();
    private final ByteSink scratch = new ByteSink();
    private int pos;
    private boolean headerRead;
    private boolean finished;

    public CopyRowReader(boolean binary, Charset charset) {
        this.binary = binary;
        this.charset = charset;
    }

    /** Adds a chunk of COPY data as received. */
    public void add(byte[] chunk) {
        if (pos > 0) {
            // Keep only the part of a row still waiting for its rest (usually nothing).
            byte[] rest = java.util.Arrays.copyOfRange(pending.array(), pos, pending.size());
            pending.clear();
            pending.put(rest, 0, rest.length);
            pos = 0;
        }
        pending.put(chunk, 0, chunk.length);
    }

    /** True after the binary trailer was read: no row follows. */
    public boolean finished() {
        return finished;
    }

    /**
     * The next complete row, or null when its bytes have not all arrived yet (or after the
     * binary trailer: see {@link #finished()}).
     */
    public Object[] next(Loader<?>[] loaders) {
        if (finished) {
            return null;
        }
        return binary ? nextBinary(loaders) : nextText(loaders);
    }

    /** At the end of the data: the last text row without a newline, or null. */
    public Object[] last(Loader<?>[] loaders) {
        if (binary || pos >= pending.size()) {
            if (binary && !finished && pos < pending.size()) {
                throw new DataException("the COPY data ended in the middle of a row");
            }
            return null;
        }
        Object[] r = TextRows.parse(pending.array(), pos, pending.size(), loaders, charset, scratch);
        pos = pending.size();
        return r;
    }

    private Object[] nextText(Loader<?>[] loaders) {
        byte[] a = pending.array();
        int nl = TextRows.indexOf(a, pos, pending.size(), (byte) '\n');
        if (nl < 0) {
            return null;
        }
        Object[] r = TextRows.parse(a, pos, nl, loaders, charset, scratch);
        pos = nl + 1;
        return r;
    }

    private Object[] nextBinary(Loader<?>[] loaders) {
        int at = pos;
        if (!headerRead) {
            int fixed = BinaryRows.SIGNATURE.length + 8;
            if (available(at) < fixed) {
                return null;
            }
            int extension = int32(at + BinaryRows.SIGNATURE.length + 4);
            if (extension < 0 || available(at) < fixed + (long) extension) {
                return extension < 0 ? bad() : null;
            }
            at += fixed + extension;
        }
        if (available(at) < 2) {
            return null;
        }
        int fields = (short) (((pending.array()[at] & 0xff) << 8) | (pending.array()[at + 1] & 0xff));
        long end = at + 2L;
        if (fields == -1) {
            finished = true;
            pos = (int) end;
            return null;
        }
        if (fields < 0) {
            return bad();
        }
        for (int i = 0; i < fields; i++) {
            if (pending.size() - end < 4) {
                return null;
            }
            int len = int32((int) end);
            end += 4 + Math.max(len, 0);
            if (end > pending.size()) {
                return null;
            }
        }
        // All of the tuple is here: parse it (header included, the first time) as the blocking Copy does.
        byte[] slice = java.util.Arrays.copyOfRange(pending.array(), pos, (int) end);
        boolean[] given = {false};
        Supplier<byte[]> once = () -> {
            if (given[0]) {
                return null;
            }
            given[0] = true;
            return slice;
        };
        ChunkInput in = new ChunkInput(once);
        if (!headerRead) {
            BinaryRows.readHeader(in);
            headerRead = true;
        }
        Object[] row = BinaryRows.readRow(in, loaders);
        pos = (int) end;
        return row;
    }

    private long available(int at) {
        return (long) pending.size() - at;
    }

    private int int32(int at) {
        byte[] a = pending.array();
        return ((a[at] & 0xff) << 24) | ((a[at + 1] & 0xff) << 16) | ((a[at + 2] & 0xff) << 8) | (a[at + 3] & 0xff);
    }

    private static Object[] bad() {
        throw new DataException("the binary COPY data has a negative length or field count: it is not PostgreSQL's binary COPY format");
    }
}
