package io.tusk.internal.protocol;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A growable byte buffer that frontend messages are encoded into.
 *
 * <p>Every message of one exchange (Parse/Bind/Describe/Execute/Sync, a whole pipeline) is
 * appended to the same buffer and leaves in one write. {@link #beginMessage(byte)} reserves the
 * length word and {@link #endMessage()} fills it in, so encoders never compute lengths by hand
 * (protocol "Message Formats": the length counts itself but not the type byte).
 *
 * <p>A large value ({@value #BY_REFERENCE} bytes or more: a big bytea or text parameter, a big
 * COPY chunk) is not copied in: the buffer keeps a reference to the caller's array and
 * {@link #writeTo} sends it between the bytes before and after it. A 500 MB parameter then
 * costs its own array and nothing more, instead of a buffer grown by doubling around a copy
 * of it. The caller must not change such an array until the buffer is written or cleared.
 * Positions ({@link #size()}, marks) count those bytes as if they were copied.
 */
public final class WriteBuffer {
    /** Arrays from this size on are sent from where they are, not copied. */
    public static final int BY_REFERENCE = 64 * 1024;

    /** Where the bytes go: a socket's stream, the reply checker, a channel. */
    @FunctionalInterface
    public interface Sink {
        void write(byte[] b, int off, int len) throws IOException;
    }

    /** A large array sent from where it is, after the first {@code at} bytes of {@code buf}. */
    private record Extern(int at, byte[] array, int off, int len) {
    }

    private byte[] buf;
    /** Bytes used in {@code buf}; {@link #size()} adds the external ones. */
    private int fill;
    /** Bytes held by reference. */
    private long external;
    private final List<Extern> externs = new ArrayList<>(0);
    private int messageStart = -1;
    /** Where the current message's first byte (its type byte, if any) is, as a size(): the rollback point. */
    private int messageFirstByte = -1;
    private Charset charset = StandardCharsets.UTF_8;

    public WriteBuffer() {
        this(8192);
    }

    public WriteBuffer(int initialCapacity) {
        buf = new byte[Math.max(64, initialCapacity)];
    }

    /** The encoding of strings: the session's client_encoding (UTF-8 until told otherwise). */
    public void charset(Charset charset) {
        this.charset = charset;
    }

    public Charset charset() {
        return charset;
    }

    /** Starts a message with a type byte; its length is filled in by {@link #endMessage()}. */
    public WriteBuffer beginMessage(byte type) {
        checkNoMessage();
        int first = size();
        int1(type);
        beginUntypedMessage();
        messageFirstByte = first;
        return this;
    }

    /** Starts a message without type byte (StartupMessage, SSLRequest, CancelRequest). */
    public WriteBuffer beginUntypedMessage() {
        checkNoMessage();
        messageFirstByte = size();
        messageStart = size();
        int32(0);
        return this;
    }

    private void checkNoMessage() {
        // A message begun and never ended: its encoder failed (a dumper threw, memory ran out)
        // and nothing of it was sent. It is dropped, so one failure never poisons the buffer.
        abortMessage();
    }

    public WriteBuffer endMessage() {
        if (messageStart < 0) {
            throw new IllegalStateException("no message begun");
        }
        putInt(physical(messageStart), size() - messageStart);
        messageStart = -1;
        messageFirstByte = -1;
        return this;
    }

    /**
     * Drops the message begun but not ended, so the messages before it (a pipeline) stay
     * intact and the buffer stays usable. The buffer does it itself before it throws for a
     * value it cannot encode, so an encoder that fails never leaves half a message behind.
     */
    public void abortMessage() {
        if (messageStart >= 0) {
            rewind(messageFirstByte);
        }
    }

    /**
     * Goes back to {@code mark} (a {@link #size()} taken before), dropping what was encoded
     * since, ended or not: an exchange whose encoding failed half-way sends none of its
     * messages.
     */
    public void rewind(int mark) {
        if (mark < 0 || mark > size()) {
            throw new IllegalArgumentException("cannot rewind to " + mark + " of " + size());
        }
        while (!externs.isEmpty()) {
            Extern last = externs.get(externs.size() - 1);
            if (last.at() + external - last.len() < mark) {
                break; // it starts before the mark (marks never fall inside one)
            }
            externs.remove(externs.size() - 1);
            external -= last.len();
        }
        fill = (int) (mark - external);
        messageStart = -1;
        messageFirstByte = -1;
    }

    /** True when a message was begun and not ended (an encoder failed half-way). */
    public boolean inMessage() {
        return messageStart >= 0;
    }

    public WriteBuffer int1(int b) {
        ensure(1);
        buf[fill++] = (byte) b;
        return this;
    }

    public WriteBuffer int16(int v) {
        ensure(2);
        buf[fill++] = (byte) (v >>> 8);
        buf[fill++] = (byte) v;
        return this;
    }

    public WriteBuffer int32(int v) {
        ensure(4);
        putInt(fill, v);
        fill += 4;
        return this;
    }

    public WriteBuffer int64(long v) {
        int32((int) (v >>> 32));
        return int32((int) v);
    }

    public WriteBuffer bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public WriteBuffer bytes(byte[] b, int off, int len) {
        if (len >= BY_REFERENCE) {
            if ((long) size() + len > Integer.MAX_VALUE - 8) {
                throw fail("cannot send a message of more than 2 GiB");
            }
            externs.add(new Extern(fill, b, off, len));
            external += len;
            return this;
        }
        ensure(len);
        System.arraycopy(b, off, buf, fill, len);
        fill += len;
        return this;
    }

    /**
     * A count sent as Int16 (parameters, format codes, arguments): the server reads it as an
     * unsigned 16-bit number, so 65535 is the most a message can carry. Writing more would
     * silently wrap and desynchronise the server's reading of the message.
     */
    public WriteBuffer count16(int n, String what) {
        if (n < 0 || n > 0xffff) {
            throw fail("cannot send " + n + " " + what + ": the protocol allows at most 65535 in one message");
        }
        return int16(n);
    }

    /** A NUL-terminated string in the session encoding; a NUL inside cannot be sent. */
    public WriteBuffer cstring(String s) {
        if (charset == StandardCharsets.UTF_8 && writeAscii(s)) {
            return int1(0);
        }
        byte[] b = s.getBytes(charset);
        for (byte x : b) {
            if (x == 0) {
                throw fail("a string sent to the server cannot contain a NUL character");
            }
        }
        bytes(b);
        return int1(0);
    }

    /**
     * Writes {@code s} byte for byte when it is all ASCII without NUL (statement and portal names,
     * most SQL): what UTF-8 would give, without encoding it into a new array first. False, with
     * nothing written, for any other string.
     */
    private boolean writeAscii(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == 0 || c >= 0x80) {
                return false;
            }
        }
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[fill + i] = (byte) s.charAt(i);
        }
        fill += n;
        return true;
    }

    /** Reserves {@code n} bytes and returns their offset in {@link #array()}, for values whose length is known later. */
    public int reserve(int n) {
        ensure(n);
        int at = fill;
        fill += n;
        return at;
    }

    public void putInt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    /** Every byte written, those held by reference included. */
    public int size() {
        return (int) (fill + external);
    }

    /**
     * The backing array; valid bytes are {@code [0, size())}. Large arrays held by reference are
     * copied in first (only small requests use this: cancel, start-up; the rest use {@link #writeTo}).
     */
    public byte[] array() {
        if (!externs.isEmpty()) {
            buf = toByteArray();
            fill = buf.length;
            externs.clear();
            external = 0;
        }
        return buf;
    }

    public byte[] toByteArray() {
        byte[] all = new byte[size()];
        int[] at = {0};
        try {
            writeTo((b, off, len) -> {
                System.arraycopy(b, off, all, at[0], len);
                at[0] += len;
            });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return all;
    }

    /** Hands every byte to {@code sink} in order, large arrays from where they are. */
    public void writeTo(Sink sink) throws IOException {
        int pos = 0;
        for (int i = 0, n = externs.size(); i < n; i++) { // no iterator: this runs on every flush
            Extern e = externs.get(i);
            if (e.at() > pos) {
                sink.write(buf, pos, e.at() - pos);
            }
            sink.write(e.array(), e.off(), e.len());
            pos = e.at();
        }
        if (fill > pos) {
            sink.write(buf, pos, fill - pos);
        }
    }

    /** The index in {@code buf} of the byte at position {@code at} (not inside an external array). */
    private int physical(int at) {
        long ext = 0;
        for (Extern e : externs) {
            if (e.at() + ext >= at) {
                break;
            }
            ext += e.len();
        }
        return (int) (at - ext);
    }

    /** Forgets the content, keeping the capacity (shrinking a buffer grown by a huge exchange). */
    public void clear() {
        fill = 0;
        externs.clear();
        external = 0;
        messageStart = -1;
        messageFirstByte = -1;
        if (buf.length > 1 << 20) {
            buf = new byte[8192];
        }
    }

    private void ensure(int n) {
        // In long arithmetic: size + n can overflow an int for a value near 2 GiB.
        long need = (long) fill + n;
        if (need + external > Integer.MAX_VALUE - 8) {
            throw fail("cannot send a message of more than 2 GiB");
        }
        if (need > buf.length) {
            if (need > Integer.MAX_VALUE - 8) {
                throw fail("cannot send a message of more than 2 GiB");
            }
            long want = Math.min(Math.max((long) buf.length * 2, need), Integer.MAX_VALUE - 8);
            buf = Arrays.copyOf(buf, (int) want);
        }
    }

    private IllegalArgumentException fail(String message) {
        abortMessage();
        return new IllegalArgumentException(message);
    }
}
