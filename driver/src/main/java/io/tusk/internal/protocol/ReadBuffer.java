package io.tusk.internal.protocol;

import java.nio.charset.Charset;

/**
 * A cursor over the payload of one backend message. Every read checks the bounds and a
 * short or malformed payload raises {@link ProtocolViolation} naming what was missing, never an
 * {@code IndexOutOfBoundsException}.
 */
public final class ReadBuffer {
    private final byte[] buf;
    private final int start;
    private final int end;
    private int pos;
    private final Charset charset;
    private final String messageName;

    public ReadBuffer(byte[] buf, int off, int len, Charset charset, String messageName) {
        this.buf = buf;
        this.start = off;
        this.pos = off;
        this.end = off + len;
        this.charset = charset;
        this.messageName = messageName;
    }

    public int remaining() {
        return end - pos;
    }

    public int position() {
        return pos;
    }

    public byte[] array() {
        return buf;
    }

    public int int1() {
        need(1, "a byte");
        return buf[pos++] & 0xff;
    }

    public int int16() {
        need(2, "an Int16");
        int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
        pos += 2;
        return (short) v;
    }

    public int int32() {
        need(4, "an Int32");
        int v = Bytes.int32(buf, pos);
        pos += 4;
        return v;
    }

    public byte[] bytes(int n) {
        if (n < 0) {
            throw new ProtocolViolation(messageName + " has a negative length " + n);
        }
        need(n, null);
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    public void skip(int n) {
        if (n < 0) {
            throw new ProtocolViolation(messageName + " has a negative length " + n);
        }
        need(n, null);
        pos += n;
    }

    /** A NUL-terminated string. */
    public String cstring() {
        int from = pos;
        for (int i = pos; i < end; i++) {
            if (buf[i] == 0) {
                pos = i + 1;
                return new String(buf, from, i - from, charset);
            }
        }
        throw new ProtocolViolation(messageName + " has a string without its terminating NUL");
    }

    public byte[] rest() {
        return bytes(remaining());
    }

    /** Asserts the whole payload was consumed: trailing bytes mean we misread the message. */
    public void expectEnd() {
        if (pos != end) {
            throw new ProtocolViolation(messageName + " has " + (end - pos) + " unexpected trailing bytes");
        }
    }

    private void need(int n, String what) {
        if (end - pos < n) {
            // The offset counts from the start of the payload (after the length word), as a
            // reader of the protocol documentation would count, not from the framer's buffer.
            // The text is made only on failure: this check runs for every value of every row.
            throw new ProtocolViolation(messageName + " is truncated: expected " + (what == null ? n + " bytes" : what) + " at offset "
                    + (pos - start) + " but only " + (end - pos) + " bytes remain");
        }
    }
}
