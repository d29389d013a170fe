package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.Bytes;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.ReadBuffer;

/**
 * DataRow ('D'): one row's values, kept as the raw payload plus each column's offset and
 * length (-1 for NULL). Values are decoded only when the application asks for them, by the
 * loader chosen once for the column.
 */
public final class DataRow implements BackendMessage {
    private final byte[] data;
    /** For column i: offsets[2i] is where its bytes start, offsets[2i+1] its length or -1. */
    private final int[] offsets;

    private DataRow(byte[] data, int[] offsets) {
        this.data = data;
        this.offsets = offsets;
    }

    public static DataRow decode(ReadBuffer in) {
        int n = in.int16();
        if (n < 0) {
            throw new ProtocolViolation("DataRow has a negative column count " + n);
        }
        // Each column takes at least its 4-byte length: check before allocating for n columns.
        if (in.remaining() < 4 * n) {
            throw new ProtocolViolation("DataRow announces " + n + " columns but has only " + in.remaining()
                    + " bytes for them");
        }
        // The payload is copied once; the columns index into the copy. Offsets in error
        // messages count from the start of the payload, where the column count is.
        byte[] data = in.rest();
        int[] offsets = new int[n * 2];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            if (data.length - pos < 4) {
                throw new ProtocolViolation("DataRow is truncated at column " + i + " of " + n);
            }
            int len = Bytes.int32(data, pos);
            pos += 4;
            if (len < -1) {
                throw new ProtocolViolation("DataRow column " + i + " has a negative length " + len
                        + " (only -1, for NULL, is allowed)");
            }
            if (len > data.length - pos) {
                throw new ProtocolViolation("DataRow column " + i + " has length " + len + " but only "
                        + (data.length - pos) + " bytes remain");
            }
            offsets[2 * i] = pos;
            offsets[2 * i + 1] = len;
            if (len > 0) {
                pos += len;
            }
        }
        if (pos != data.length) {
            throw new ProtocolViolation("DataRow has " + (data.length - pos) + " unexpected trailing bytes at offset "
                    + (2 + pos));
        }
        return new DataRow(data, offsets);
    }

    public int size() {
        return offsets.length / 2;
    }

    public boolean isNull(int column) {
        return offsets[2 * column + 1] < 0;
    }

    /** The buffer holding every value of the row. */
    public byte[] buffer() {
        return data;
    }

    public int offset(int column) {
        return offsets[2 * column];
    }

    /** The value's length in bytes, or -1 for NULL. */
    public int length(int column) {
        return offsets[2 * column + 1];
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

    @Override
    public String toString() {
        return "DataRow[" + size() + " columns]";
    }
}
