package io.tusk.internal.async;

import io.tusk.errors.CancellationTimeout;
import io.tusk.errors.OperationalException;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendKeyData;
import io.tusk.internal.protocol.frontend.CancelRequest;
import io.tusk.internal.protocol.frontend.SslRequest;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;

/**
 * Sends a CancelRequest on a new non-blocking connection to the same server (protocol
 * "Canceling Requests in Progress"): the server reads the process id and secret key, answers
 * nothing and closes the connection once the request is processed, which completes the future.
 *
 * <p>Why over TLS when the session uses it: the request carries the session's secret key, and
 * a connection the application wanted encrypted should not leak it (libpq's {@code
 * PQcancelCreate} of PostgreSQL 17 negotiates encryption as the session did; the blocking
 * connection's dialer does the same). The negotiation is the session's: an SSLRequest answered
 * 'S' then the handshake, or the handshake at once with direct TLS.
 */
public final class CancelSender {
    /**
     * How to reach the server again: its address, and a maker of a TLS engine set up as the
     * session's was (null when the session is not encrypted); {@code direct} for direct TLS.
     */
    record Target(SocketAddress address, Supplier<SSLEngine> tls, boolean direct) {
    }

    private enum Phase { CONNECTING, SSL_ANSWER, HANDSHAKE, SENT }

    private CancelSender() {
    }

    /**
     * Sends the request; with a {@code timeout}, the future fails with a {@link CancellationTimeout}
     * at the deadline (the connection is then closed), else it waits as long as the server takes.
     */
    static CompletableFuture<Void> send(EventLoop loop, Target target, BackendKeyData key, Duration timeout) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SocketAddress address = target.address();
        loop.execute(() -> {
            try {
                SocketChannel ch = address instanceof UnixDomainSocketAddress ? SocketChannel.open(StandardProtocolFamily.UNIX)
                        : SocketChannel.open();
                NioPipe[] pipe = new NioPipe[1];
                Phase[] phase = {Phase.CONNECTING};
                pipe[0] = new NioPipe(loop, ch, new NioPipe.Listener() {
                    @Override
                    public void connected() throws IOException {
                        if (target.tls() == null || address instanceof UnixDomainSocketAddress) {
                            request();
                        } else if (target.direct()) {
                            handshake();
                        } else {
                            WriteBuffer out = new WriteBuffer(16);
                            SslRequest.INSTANCE.encode(out);
                            phase[0] = Phase.SSL_ANSWER;
                            pipe[0].send(out.array(), 0, out.size());
                        }
                    }

                    private void handshake() throws IOException {
                        phase[0] = Phase.HANDSHAKE;
                        pipe[0].startTls(target.tls().get());
                    }

                    private void request() throws IOException {
                        phase[0] = Phase.SENT;
                        WriteBuffer out = new WriteBuffer(64);
                        new CancelRequest(key.processId(), key.secretKey()).encode(out);
                        pipe[0].send(out.array(), 0, out.size());
                    }

                    @Override
                    public void tlsReady() throws IOException {
                        if (phase[0] == Phase.HANDSHAKE) {
                            request();
                        }
                    }

                    @Override
                    public void data(ByteBuffer plain) throws IOException {
                        if (phase[0] != Phase.SSL_ANSWER) {
                            return; // the server sends nothing back to a cancel request
                        }
                        byte answer = plain.get();
                        if (answer != 'S' || plain.hasRemaining()) {
                            // The session was encrypted: do not send its key in the clear.
                            throw new IOException("the server did not accept TLS for the cancel request (answer "
                                    + (char) answer + ") although the session uses it");
                        }
                        handshake();
                    }

                    @Override
                    public void closed(Throwable cause) {
                        // The end of the stream, once the request is written, is the server's
                        // acknowledgement (over TLS it may come without close_notify).
                        if (cause instanceof java.io.EOFException || phase[0] == Phase.SENT && cause instanceof IOException) {
                            done.complete(null);
                        } else {
                            done.completeExceptionally(new OperationalException("could not send the cancel request to " + address
                                    + ": " + cause.getMessage(), cause));
                        }
                    }
                });
                if (timeout != null) {
                    done.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((r, e) -> {
                        if (e != null) {
                            loop.execute(pipe[0]::close); // the server stalls: free the socket
                        }
                    });
                }
                pipe[0].connect(address);
            } catch (IOException e) {
                done.completeExceptionally(new OperationalException("could not send the cancel request to " + address
                        + ": " + e.getMessage(), e));
            }
        });
        if (timeout == null) {
            return done;
        }
        return done.handle((r, e) -> {
            Throwable c = e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
            if (c instanceof java.util.concurrent.TimeoutException) {
                throw new CancellationTimeout("the cancel request to " + address + " was not acknowledged within "
                        + timeout.toMillis() + " ms: the statement may still be running; check the network to the server,"
                        + " or close the connection");
            }
            if (c != null) {
                throw c instanceof RuntimeException re ? re : new OperationalException(c.toString(), c);
            }
            return null;
        });
    }
}
