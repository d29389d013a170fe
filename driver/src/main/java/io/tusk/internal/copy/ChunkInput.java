package io.tusk.internal.copy;

import io.tusk.errors.DataException;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The chunks of a COPY TO STDOUT seen as one byte stream, for parsing that may cross CopyData
 * boundaries (binary COPY may send its header apart from the first row). Only the current chunk
 * and a partial value are held, so any amount of data parses in constant memory.
 */
final class ChunkInput {
    private final Supplier<byte[]> next;
    private byte[] buf = new byte[0];
    private int pos;
    private boolean ended;

    ChunkInput(Supplier<byte[]> next) {
        this.next = next;
    }

    private final ByteSink carry = new ByteSink();
    private byte[] lineArray;
    private int lineFrom;
    private int lineTo;

    /**
     * Moves to the next newline-ended line (a text-format row); false at the end. In text
     * format the server sends one row per CopyData, so the line is usually a slice of the chunk
     * itself; a row cut across chunks is joined in a reused buffer.
     */
    boolean nextLine() {
        boolean carrying = false;
        while (true) {
            if (pos < buf.length) {
                int nl = TextRows.indexOf(buf, pos, buf.length, (byte) '\n');
                if (nl >= 0) {
                    if (!carrying) {
                        lineArray = buf;
                        lineFrom = pos;
                        lineTo = nl;
                    } else {
                        carry.put(buf, pos, nl - pos);
                        lineArray = carry.array();
                        lineFrom = 0;
                        lineTo = carry.size();
                    }
                    pos = nl + 1;
                    return true;
                }
                if (!carrying) {
                    carry.clear();
                    carrying = true;
                }
                carry.put(buf, pos, buf.length - pos);
                pos = buf.length;
            }
            byte[] chunk = ended ? null : next.get();
            if (chunk == null) {
                ended = true;
                if (carrying && carry.size() > 0) {
                    lineArray = carry.array();
                    lineFrom = 0;
                    lineTo = carry.size();
                    return true;
                }
                return false;
            }
            buf = chunk;
            pos = 0;
        }
    }

    byte[] lineArray() {
        return lineArray;
    }

    int lineFrom() {
        return lineFrom;
    }

    int lineTo() {
        return lineTo;
    }

    /** True when at least one more byte is available. */
    boolean more() {
        return ensure(1);
    }

    int int16() {
        require(2);
        int v = (short) (((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff));
        pos += 2;
        return v;
    }

    int int32() {
        require(4);
        int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8) | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    byte[] bytes(int n) {
        require(n);
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    private void require(int n) {
        if (!ensure(n)) {
            throw new DataException("the COPY data ended in the middle of a row");
        }
    }

    private boolean ensure(int n) {
        while (buf.length - pos < n) {
            if (ended) {
                return false;
            }
            byte[] chunk = next.get();
            if (chunk == null) {
                ended = true;
                return false;
            }
            int rest = buf.length - pos;
            if (rest == 0) {
                buf = chunk;
            } else {
                byte[] joined = Arrays.copyOfRange(buf, pos, pos + rest + chunk.length);
                System.arraycopy(chunk, 0, joined, rest, chunk.length);
                buf = joined;
            }
            pos = 0;
        }
        return true;
    }
}
