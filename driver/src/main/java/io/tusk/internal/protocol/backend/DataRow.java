package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.Bytes;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.ReadBuffer;

/**
 * DataRow ('D'): one row's values (protocol "Message Formats": Int16 column count, then per
 * column an Int32 length, -1 for NULL, and that many bytes).
 *
 * <p>Decoded from the framer it is a <em>view</em> of the framer's buffer: checked once, but
 * nothing is copied, because a result keeps its rows in shared chunks ({@link RowSet#add}
 * copies the payload there) and a streamed row is loaded at once. The view is valid only until
 * the framer is read again; whoever keeps a row keeps it in a {@link RowSet}. Column offsets
 * are found when a column is first asked for.
 */
public final class DataRow implements BackendMessage {
    private final byte[] data;
    /** Where the column count is; the columns follow it. */
    private final int start;
    private final int end;
    private final int columns;
    /** For column i: offsets[2i] is where its bytes start, offsets[2i+1] its length or -1; made on first use. */
    private int[] offsets;

    DataRow(byte[] data, int start, int end, int columns) {
        this.data = data;
        this.start = start;
        this.end = end;
        this.columns = columns;
    }

    /** Checks the payload {@code buf[off, off + len)} and returns a view of it (no copy). */
    public static DataRow decode(byte[] buf, int off, int len) {
        if (len < 2) {
            throw new ProtocolViolation("DataRow is truncated: expected an Int16 at offset 0 but only " + len
                    + " bytes remain");
        }
        int n = (short) (((buf[off] & 0xff) << 8) | (buf[off + 1] & 0xff));
        if (n < 0) {
            throw new ProtocolViolation("DataRow has a negative column count " + n);
        }
        int end = off + len;
        // Each column takes at least its 4-byte length: check before walking n columns.
        if (len - 2 < 4 * n) {
            throw new ProtocolViolation("DataRow announces " + n + " columns but has only " + (len - 2)
                    + " bytes for them");
        }
        int pos = off + 2;
        for (int i = 0; i < n; i++) {
            if (end - pos < 4) {
                throw new ProtocolViolation("DataRow is truncated at column " + i + " of " + n);
            }
            int vlen = Bytes.int32(buf, pos);
            pos += 4;
            if (vlen < -1) {
                throw new ProtocolViolation("DataRow column " + i + " has a negative length " + vlen
                        + " (only -1, for NULL, is allowed)");
            }
            if (vlen > end - pos) {
                throw new ProtocolViolation("DataRow column " + i + " has length " + vlen + " but only "
                        + (end - pos) + " bytes remain");
            }
            if (vlen > 0) {
                pos += vlen;
            }
        }
        if (pos != end) {
            // Offsets in error messages count from the start of the payload, where the column count is.
            throw new ProtocolViolation("DataRow has " + (end - pos) + " unexpected trailing bytes at offset "
                    + (pos - off));
        }
        return new DataRow(buf, off, end, n);
    }

    /** The same, from a message's payload (tests and generic decoding). */
    public static DataRow decode(ReadBuffer in) {
        int len = in.remaining();
        DataRow d = decode(in.array(), in.position(), len);
        in.skip(len);
        return d;
    }

    /**
     * This row, checked against the width its RowDescription announced (a prepared statement's
     * cached one included): a row of another width is a protocol violation, caught as the row
     * arrives, before any value is read by column number.
     */
    public DataRow requireColumns(int columns) {
        if (size() != columns) {
            throw new ProtocolViolation("DataRow has " + size() + " columns but its RowDescription announced " + columns);
        }
        return this;
    }

    public int size() {
        return columns;
    }

    public boolean isNull(int column) {
        return offsets()[2 * column + 1] < 0;
    }

    /** The buffer holding every value of the row (shared: index it with {@link #offset}). */
    public byte[] buffer() {
        return data;
    }

    public int offset(int column) {
        return offsets()[2 * column];
    }

    /** The value's length in bytes, or -1 for NULL. */
    public int length(int column) {
        return offsets()[2 * column + 1];
    }

    /** A copy of one value's bytes, or null. */
    public byte[] bytes(int column) {
        int len = length(column);
        if (len < 0) {
            return null;
        }
        byte[] b = new byte[len];
        System.arraycopy(data, offset(column), b, 0, len);
        return b;
    }

    /**
     * A row that owns its bytes, for one kept after the framer reads on outside a
     * {@link RowSet} (a stream's rows waiting for their subscriber's demand).
     */
    public DataRow copy() {
        byte[] own = java.util.Arrays.copyOfRange(data, start, end);
        return new DataRow(own, 0, own.length, columns);
    }

    /** Where the payload starts (at the column count) in {@link #buffer()}. */
    int payloadStart() {
        return start;
    }

    /** The payload's length in bytes, column count included. */
    int payloadLength() {
        return end - start;
    }

    private int[] offsets() {
        int[] o = offsets;
        if (o == null) {
            // The payload was checked by decode (or is a copy of one that was): no bounds checks here.
            o = new int[columns * 2];
            int pos = start + 2;
            for (int i = 0; i < columns; i++) {
                int len = Bytes.int32(data, pos);
                pos += 4;
                o[2 * i] = pos;
                o[2 * i + 1] = len;
                if (len > 0) {
                    pos += len;
                }
            }
            offsets = o;
        }
        return o;
    }

    @Override
    public String toString() {
        return "DataRow[" + size() + " columns]";
    }
}
