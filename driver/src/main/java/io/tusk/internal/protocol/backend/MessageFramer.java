package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.Bytes;
import io.tusk.internal.protocol.ProtocolViolation;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts the byte stream from the server into messages, without doing any I/O: the transport
 * reads into {@link #writableArray()} at {@link #writeOffset()}, reports how much it read with
 * {@link #written(int)}, and calls {@link #next()} until it returns null (more bytes needed).
 *
 * <p>Every header is checked before anything is allocated: an unknown type byte, a length
 * below 4, above the type's own limit (ReadyForQuery is always 5) or above
 * {@code maxMessageLength} is a {@link ProtocolViolation} as soon as the 5-byte header is in.
 * Room for a partial message is reserved in proportion to the bytes already received, never
 * for the whole declared length at once, so a corrupt stream can neither hang the reader nor
 * make it allocate gigabytes it will never fill.
 */
public final class MessageFramer {
    /** PostgreSQL's own limit on a field is 1 GB; a message may carry a little more. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = (1 << 30) + (1 << 20);

    private byte[] buf;
    private int start;
    private int end;
    private Charset charset = StandardCharsets.UTF_8;
    private final int maxMessageLength;

    public MessageFramer() {
        this(65536, DEFAULT_MAX_MESSAGE_LENGTH);
    }

    public MessageFramer(int initialCapacity, int maxMessageLength) {
        this.buf = new byte[initialCapacity];
        this.maxMessageLength = maxMessageLength;
    }

    public void charset(Charset charset) {
        this.charset = charset;
    }

    /** Makes room for at least {@code min} more bytes and returns the array to read into. */
    public byte[] writableArray(int min) {
        if (buf.length - end < min) {
            int live = end - start;
            if (start > 0 && buf.length - live >= min) {
                System.arraycopy(buf, start, buf, 0, live);
            } else {
                byte[] bigger = new byte[Math.max(buf.length * 2, live + min)];
                System.arraycopy(buf, start, bigger, 0, live);
                buf = bigger;
            }
            start = 0;
            end = live;
        }
        return buf;
    }

    public byte[] writableArray() {
        return writableArray(1);
    }

    public int writeOffset() {
        return end;
    }

    public int writableLength() {
        return buf.length - end;
    }

    public void written(int n) {
        end += n;
    }

    /** Feeds bytes that were read elsewhere (tests, a non-blocking transport). */
    public void feed(byte[] b, int off, int len) {
        writableArray(len);
        System.arraycopy(b, off, buf, end, len);
        end += len;
    }

    /**
     * How many bytes the next complete message still needs, 0 if one is complete. While the
     * 5-byte header is incomplete it is the rest of the header; the body's size is known after.
     */
    public int missing() {
        int avail = end - start;
        if (avail == 0) {
            return 5;
        }
        int limit = checkedType();
        if (avail < 5) {
            return 5 - avail;
        }
        int len = checkedLength(limit);
        return Math.max(0, len + 1 - avail);
    }

    /** The next complete message, or null when more bytes are needed. */
    public BackendMessage next() {
        int avail = end - start;
        if (avail == 0) {
            return null;
        }
        int limit = checkedType();
        if (avail < 5) {
            return null;
        }
        int len = checkedLength(limit);
        if (avail < len + 1) {
            // Reserve room for more of this message so the reader fills it in few reads, but no
            // more than what has arrived (at least 8 KiB): the buffer grows geometrically with
            // the bytes that really come, and a bogus length of 1 GiB allocates nothing big.
            writableArray(Math.min(len + 1 - avail, Math.max(avail, 8192)));
            return null;
        }
        byte type = buf[start];
        int payload = start + 5;
        start += len + 1;
        if (start == end) {
            start = end = 0;
        }
        return BackendDecoder.decode(type, buf, payload, len - 4, charset);
    }

    /** True when no partial message is buffered. */
    public boolean isEmpty() {
        return start == end;
    }

    /** The largest length the buffered message's type allows; throws for an unknown type. */
    private int checkedType() {
        byte type = buf[start];
        int limit = BackendDecoder.lengthLimit(type);
        if (limit == 0) {
            throw new ProtocolViolation("unknown message type " + BackendDecoder.describe(type)
                    + " from the server: the stream is out of step, or the peer is not a PostgreSQL server");
        }
        return Math.min(limit, maxMessageLength);
    }

    private int checkedLength(int limit) {
        int len = Bytes.int32(buf, start + 1);
        if (len < 4 || len > limit) {
            throw new ProtocolViolation(BackendDecoder.name(buf[start]) + " has an invalid length " + len
                    + " (allowed: 4 to " + limit + ")");
        }
        return len;
    }

    /** Drops buffered bytes (after the connection is closed). */
    public void clear() {
        start = end = 0;
        if (buf.length > 1 << 20) {
            buf = Arrays.copyOf(buf, 65536);
        }
    }
}
