package io.tusk.internal.largeobject;

import java.io.OutputStream;

/** Writes to a large object at its current position, gathering small writes into chunks. */
final class LoOutputStream extends OutputStream {
    private final LargeObjectImpl lo;
    private final byte[] buf = new byte[LargeObjectImpl.CHUNK];
    private int len;

    LoOutputStream(LargeObjectImpl lo) {
        this.lo = lo;
    }

    @Override
    public void write(int b) {
        if (len == buf.length) {
            flush();
        }
        buf[len++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int n) {
        if (n >= buf.length) {
            flush();
            lo.write(b, off, n);
            return;
        }
        if (len + n > buf.length) {
            flush();
        }
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    @Override
    public void flush() {
        if (len > 0) {
            lo.write(buf, 0, len);
            len = 0;
        }
    }

    @Override
    public void close() {
        flush();
    }
}
