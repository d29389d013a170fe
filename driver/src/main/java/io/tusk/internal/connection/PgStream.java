package io.tusk.internal.connection;

import io.tusk.internal.net.Transport;
import io.tusk.internal.protocol.backend.MessageFramer;
import io.tusk.internal.protocol.backend.ReplyOrder;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * The blocking front end of the protocol core: queues frontend messages in one buffer, writes
 * them in one go at {@link #flush()}, and reads backend messages through the
 * {@link MessageFramer}. It knows nothing of what the messages mean.
 */
public final class PgStream {
    private final Transport transport;
    private final WriteBuffer out = new WriteBuffer();
    private final MessageFramer framer = new MessageFramer();
    /** Checks the order of the server's answers once start-up is over; null before. */
    private ReplyOrder order;

    public PgStream(Transport transport) {
        this.transport = transport;
    }

    /**
     * From now on every message read is checked against the requests written (start-up is
     * over, nothing is owed): one out of place is a {@link io.tusk.internal.protocol.ProtocolViolation}.
     */
    public void checkReplyOrder() {
        order = new ReplyOrder();
    }

    public Transport transport() {
        return transport;
    }

    public void charset(Charset cs) {
        out.charset(cs);
        framer.charset(cs);
    }

    public Charset charset() {
        return out.charset();
    }

    /** The buffer the next messages are encoded into (for encoders that write directly). */
    public WriteBuffer buffer() {
        return out;
    }

    public PgStream send(FrontendMessage m) {
        m.encode(out);
        return this;
    }

    /** Writes every queued message in one write. */
    public void flush() throws IOException {
        out.abortMessage(); // a message whose encoder failed half-way never leaves
        if (out.size() == 0) {
            return;
        }
        if (order != null) {
            out.writeTo(order::sent);
        }
        OutputStream os = transport.out();
        out.writeTo(os::write); // large values straight from their arrays, never copied into the buffer
        os.flush();
        out.clear();
    }

    public boolean hasPendingOutput() {
        return out.size() > 0;
    }

    /** Reads until one whole message is available. */
    public BackendMessage read() throws IOException {
        BackendMessage m;
        while ((m = framer.next()) == null) {
            fill();
        }
        if (order != null) {
            order.received(m);
        }
        return m;
    }

    /**
     * A message that can be had without waiting (already buffered, or its bytes already
     * arrived), or null: what the server sent while no exchange ran.
     */
    public BackendMessage poll() throws IOException {
        while (framer.missing() != 0) {
            if (transport.in().available() <= 0) {
                return null;
            }
            fill();
        }
        return read();
    }

    /** True when a complete message is already buffered (no read would block for it). */
    public boolean hasBufferedMessage() {
        return framer.missing() == 0;
    }

    private void fill() throws IOException {
        byte[] b = framer.writableArray(Math.max(1, Math.min(framer.missing(), 1 << 20)));
        int n = transport.in().read(b, framer.writeOffset(), framer.writableLength());
        if (n < 0) {
            throw new EOFException("the server closed the connection");
        }
        framer.written(n);
    }

    /** Reads the single byte the server answers to SSLRequest or GSSENCRequest. */
    public int readRawByte() throws IOException {
        if (!framer.isEmpty()) {
            // Anything buffered before TLS starts could be injected by a man in the middle (CVE-2021-23222).
            throw new IOException("the server sent unexpected data before TLS started");
        }
        int b = transport.in().read();
        if (b < 0) {
            throw new EOFException("the server closed the connection");
        }
        return b;
    }

    public void close() {
        transport.close();
    }
}
