package io.tusk.internal.async;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import javax.net.ssl.SSLEngine;

/**
 * The bytes of one connection over a non-blocking {@link SocketChannel} (TCP or Unix-domain),
 * optionally through TLS: it connects, writes what it is given (queueing what the socket does
 * not take at once and waiting for OP_WRITE), and hands what it reads to its {@link Listener}.
 * Every method runs on the connection's {@link EventLoop}.
 *
 * <p>Reading can be paused ({@link #pauseReading}): OP_READ is dropped from the interest set, so
 * the kernel's buffer fills and TCP flow control slows the server (back-pressure).
 */
final class NioPipe implements EventLoop.Handler {
    /** What the pipe reports, on the loop thread. */
    interface Listener {
        void connected() throws IOException;

        void tlsReady() throws IOException;

        /** Plaintext from the server, valid during the call. */
        void data(ByteBuffer plain) throws IOException;

        void closed(Throwable cause);
    }

    private final EventLoop loop;
    private final SocketChannel channel;
    private final Listener listener;
    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    private final ByteBuffer plainIn = ByteBuffer.allocate(64 * 1024);
    private SelectionKey key;
    private TlsEngine tls;
    private boolean paused;
    private boolean closed;
    /** Bytes queued in {@link #out} that the socket has not taken yet (flow control of COPY FROM STDIN). */
    private long queuedBytes;
    /** Run once when {@link #out} is empty again. */
    private final ArrayDeque<Runnable> drained = new ArrayDeque<>();

    NioPipe(EventLoop loop, SocketChannel channel, Listener listener) {
        this.loop = loop;
        this.channel = channel;
        this.listener = listener;
    }

    void connect(SocketAddress address) throws IOException {
        channel.configureBlocking(false);
        if (channel.connect(address)) {
            key = loop.register(channel, SelectionKey.OP_READ, this);
            listener.connected();
        } else {
            key = loop.register(channel, SelectionKey.OP_CONNECT, this);
        }
    }

    /** Starts TLS on the connected socket; {@link Listener#tlsReady} follows the handshake. */
    void startTls(SSLEngine engine) throws IOException {
        tls = new TlsEngine(engine);
        tls.begin(this::queue);
        flush();
    }

    TlsEngine tls() {
        return tls;
    }

    /** Sends bytes (through TLS when it is on). */
    void send(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new EOFException("the connection is closed");
        }
        ByteBuffer src = ByteBuffer.wrap(b, off, len);
        if (tls != null) {
            tls.wrap(src, this::queue);
        } else if (out.isEmpty()) {
            // Write straight from the caller's array; copy only what the socket did not take.
            channel.write(src);
            if (src.hasRemaining()) {
                queue(copy(b, src.position(), src.remaining()));
            }
        } else {
            queue(copy(b, off, len));
        }
        flush();
    }

    private static ByteBuffer copy(byte[] b, int off, int len) {
        byte[] c = new byte[len];
        System.arraycopy(b, off, c, 0, len);
        return ByteBuffer.wrap(c);
    }

    private void queue(ByteBuffer b) {
        queuedBytes += b.remaining();
        out.add(b);
    }

    private void flush() throws IOException {
        while (!out.isEmpty()) {
            ByteBuffer b = out.peek();
            queuedBytes -= channel.write(b);
            if (b.hasRemaining()) {
                interest();
                return;
            }
            out.poll();
        }
        interest();
        Runnable r;
        while ((r = drained.poll()) != null) {
            r.run();
        }
    }

    /** What the socket has not taken yet: the kernel's send buffer is full when it grows. */
    long queuedBytes() {
        return queuedBytes;
    }

    /** Runs {@code r} (on the loop) once everything queued was written, at once if nothing is queued. */
    void whenDrained(Runnable r) {
        if (out.isEmpty()) {
            r.run();
        } else {
            drained.add(r);
        }
    }

    void pauseReading(boolean pause) {
        if (paused != pause) {
            paused = pause;
            interest();
        }
    }

    private void interest() {
        if (key == null || !key.isValid() || closed) {
            return;
        }
        int ops = 0;
        if (!paused) {
            ops |= SelectionKey.OP_READ;
        }
        if (!out.isEmpty()) {
            ops |= SelectionKey.OP_WRITE;
        }
        key.interestOps(ops);
    }

    @Override
    public void ready(SelectionKey k) {
        try {
            if (k.isConnectable()) {
                channel.finishConnect();
                interest();
                listener.connected();
                return;
            }
            if (k.isWritable()) {
                flush();
            }
            if (k.isValid() && k.isReadable()) {
                read();
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void read() throws IOException {
        // Bounded turns per wake-up, so one busy connection cannot starve the loop's others.
        for (int turn = 0; turn < 16 && !paused && !closed; turn++) {
            int n;
            if (tls == null) {
                plainIn.clear();
                n = channel.read(plainIn);
                if (n > 0) {
                    plainIn.flip();
                    listener.data(plainIn);
                }
            } else {
                n = channel.read(tls.netIn());
                if (n > 0) {
                    boolean wasDone = tls.handshakeDone();
                    boolean open = tls.unwrap(this::queue, p -> {
                        try {
                            listener.data(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                    flush();
                    if (!open) {
                        n = -1;
                    } else if (!wasDone && tls.handshakeDone()) {
                        listener.tlsReady();
                    }
                }
            }
            if (n < 0) {
                fail(new EOFException("the server closed the connection"));
                return;
            }
            if (n == 0) {
                return;
            }
        }
    }

    @Override
    public void failed(Throwable error) {
        fail(error);
    }

    private void fail(Throwable error) {
        if (closed) {
            return;
        }
        close();
        Throwable cause = error instanceof java.io.UncheckedIOException u ? u.getCause() : error;
        listener.closed(cause);
    }

    /** Closes the socket at once (after a TLS close_notify when TLS is on); idempotent. */
    void close() {
        if (closed) {
            return;
        }
        if (tls != null) {
            tls.close(this::queue);
            try {
                flush();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    boolean isClosed() {
        return closed;
    }
}
