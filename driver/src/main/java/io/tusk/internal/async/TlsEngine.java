package io.tusk.internal.async;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * TLS over a non-blocking socket: an {@link SSLEngine} with its network and application
 * buffers. Bytes from the socket go in through {@link #unwrap}, which also drives the handshake;
 * plaintext to send goes through {@link #wrap} into TLS records (RFC 8446 section 5). The
 * engine's delegated tasks (certificate checks) run inline: they are short, and the loop
 * thread is the only one touching this connection.
 */
final class TlsEngine {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    /** Network bytes not yet unwrapped, in write mode. */
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private boolean handshakeDone;

    TlsEngine(SSLEngine engine) {
        this.engine = engine;
        this.netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    void begin(Consumer<ByteBuffer> netOut) throws SSLException {
        engine.beginHandshake();
        step(netOut);
    }

    boolean handshakeDone() {
        return handshakeDone;
    }

    SSLEngine engine() {
        return engine;
    }

    /** Room to read network bytes into (write mode). */
    ByteBuffer netIn() {
        if (!netIn.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(netIn.capacity() * 2);
            netIn.flip();
            bigger.put(netIn);
            netIn = bigger;
        }
        return netIn;
    }

    /**
     * Unwraps what {@link #netIn()} holds: handshake records answer through {@code netOut},
     * application data goes to {@code plain}. Returns false when the peer closed TLS.
     */
    boolean unwrap(Consumer<ByteBuffer> netOut, Consumer<ByteBuffer> plain) throws SSLException {
        netIn.flip();
        try {
            while (netIn.hasRemaining()) {
                SSLEngineResult r = engine.unwrap(netIn, appIn);
                switch (r.getStatus()) {
                    case BUFFER_OVERFLOW -> {
                        ByteBuffer bigger = ByteBuffer.allocate(appIn.capacity() * 2);
                        appIn.flip();
                        bigger.put(appIn);
                        appIn = bigger;
                        continue;
                    }
                    case BUFFER_UNDERFLOW -> {
                        return true; // half a record: wait for more bytes
                    }
                    case CLOSED -> {
                        return false;
                    }
                    default -> {
                    }
                }
                if (appIn.position() > 0) {
                    appIn.flip();
                    plain.accept(appIn);
                    appIn.clear();
                }
                step(netOut);
                if (r.bytesConsumed() == 0 && r.bytesProduced() == 0 && needsNothingFromNetwork()) {
                    break;
                }
            }
            return true;
        } finally {
            netIn.compact();
        }
    }

    private boolean needsNothingFromNetwork() {
        SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
        return hs != SSLEngineResult.HandshakeStatus.NEED_UNWRAP;
    }

    /** Runs what the handshake needs besides unwrapping: tasks and records to send. */
    private void step(Consumer<ByteBuffer> netOut) throws SSLException {
        while (true) {
            SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
            switch (hs) {
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                }
                case NEED_WRAP -> wrap(EMPTY, netOut);
                case NOT_HANDSHAKING, FINISHED -> {
                    handshakeDone = true;
                    return;
                }
                default -> {
                    return; // NEED_UNWRAP: wait for the peer
                }
            }
        }
    }

    /** Wraps plaintext into TLS records, handing each to {@code netOut}. */
    void wrap(ByteBuffer src, Consumer<ByteBuffer> netOut) throws SSLException {
        do {
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            SSLEngineResult r = engine.wrap(src, out);
            if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLException("the TLS session is closed");
            }
            out.flip();
            if (out.hasRemaining()) {
                netOut.accept(out);
            }
            if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                Runnable task;
                while ((task = engine.getDelegatedTask()) != null) {
                    task.run();
                }
            }
            if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                break;
            }
        } while (src.hasRemaining() || engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP);
    }

    /** The server's leaf certificate (for SCRAM channel binding tls-server-end-point), or null. */
    X509Certificate serverCertificate() {
        try {
            Certificate[] chain = engine.getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? x : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    void close(Consumer<ByteBuffer> netOut) {
        engine.closeOutbound();
        try {
            wrap(EMPTY, netOut);
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
