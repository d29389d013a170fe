package io.tusk.internal.largeobject;

import java.io.InputStream;

/**
 * Reads a large object from its current position in chunks of {@link LargeObjectImpl#CHUNK}:
 * the object's position runs ahead of what was read from the stream by up to one chunk.
 */
final class LoInputStream extends InputStream {
    private final LargeObjectImpl lo;
    private byte[] buf = new byte[0];
    private int pos;
    private boolean eof;

    LoInputStream(LargeObjectImpl lo) {
        this.lo = lo;
    }

    private boolean fill() {
        if (pos < buf.length) {
            return true;
        }
        if (eof) {
            return false;
        }
        buf = lo.read(LargeObjectImpl.CHUNK);
        pos = 0;
        eof = buf.length < LargeObjectImpl.CHUNK;
        return buf.length > 0;
    }

    @Override
    public int read() {
        return fill() ? buf[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buf.length - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return buf.length - pos;
    }
}
