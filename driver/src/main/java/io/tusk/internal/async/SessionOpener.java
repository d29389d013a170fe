package io.tusk.internal.async;

import io.tusk.Notify;
import io.tusk.internal.connection.Authenticator;
import io.tusk.internal.connection.ConnectPlan;
import io.tusk.internal.connection.ConnectSpec;
import io.tusk.internal.connection.StartupExchange;
import io.tusk.internal.net.TlsRequest;
import io.tusk.internal.net.TlsUpgrade;
import io.tusk.internal.net.Transport;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.frontend.SslRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * One connection attempt of a {@link ConnectPlan} on one address, without blocking: connect,
 * the TLS request and handshake as the attempt says (protocol "SSL Session Encryption", or
 * direct TLS with ALPN "postgresql"), then the same {@link StartupExchange} and
 * {@link Authenticator} as the blocking connector, driven by the event loop. Completes with a
 * ready {@link AsyncSession}; which attempt comes next is the plan's business
 * ({@code AsyncConnector}).
 */
public final class SessionOpener implements NioPipe.Listener {

    private enum Phase { CONNECTING, SSL_ANSWER, HANDSHAKE, RUNNING }

    private final ConnectSpec spec;
    private final ConnectSpec.HostAttempt host;
    private final SocketAddress address;
    private final boolean tls;
    private final boolean direct;
    private final SSLContext sslContext;
    private final AsyncSession session;
    private final NioPipe pipe;
    private final CompletableFuture<AsyncSession> result = new CompletableFuture<>();
    private Phase phase = Phase.CONNECTING;

    private SessionOpener(ConnectSpec spec, ConnectPlan.Attempt attempt, SocketAddress address,
            SSLContext sslContext, EventLoop loop, SubmissionPublisher<Notify> notifications) throws IOException {
        this.spec = spec;
        this.host = attempt.host();
        this.address = address;
        this.tls = attempt.tls() && !host.isUnixSocket();
        this.direct = attempt.direct();
        this.sslContext = sslContext;
        this.session = new AsyncSession(loop, notifications);
        SocketChannel ch = host.isUnixSocket() ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        if (!host.isUnixSocket()) {
            try {
                spec.keepAlive().apply(ch);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }
        this.pipe = new NioPipe(loop, ch, this);
        session.attach(pipe, describe(host, address), address);
    }

    static String describe(ConnectSpec.HostAttempt host, SocketAddress address) {
        return host.isUnixSocket() ? host.socketFile().toString() : host.host() + ":" + host.port();
    }

    /** Starts the attempt on {@code loop}; the future fails with the reason the attempt failed. */
    public static CompletableFuture<AsyncSession> open(ConnectSpec spec, ConnectPlan.Attempt attempt, SSLContext ctx,
            EventLoop loop, SubmissionPublisher<Notify> notifications, long deadlineNanos) {
        CompletableFuture<AsyncSession> f = new CompletableFuture<>();
        ConnectSpec.HostAttempt host = attempt.host();
        loop.execute(() -> {
            try {
                SocketAddress target = host.isUnixSocket() ? UnixDomainSocketAddress.of(host.socketFile()) : attempt.address();
                SessionOpener o = new SessionOpener(spec, attempt, target, ctx, loop, notifications);
                o.result.whenComplete((s, e) -> {
                    if (e != null) {
                        f.completeExceptionally(e);
                    } else {
                        f.complete(s);
                    }
                });
                Duration timeout = spec.connectTimeout();
                if (timeout != null && !timeout.isZero()) {
                    // One deadline for the whole attempt on this address (connect, TLS, start-up,
                    // authentication, and sslmode's second try), as libpq's connect_timeout.
                    long left = Math.max(0, deadlineNanos - System.nanoTime());
                    java.util.concurrent.CompletableFuture.delayedExecutor(left, java.util.concurrent.TimeUnit.NANOSECONDS)
                            .execute(() -> {
                                if (f.completeExceptionally(ConnectPlan.timeout(timeout, null))) {
                                    loop.execute(o.pipe::close);
                                }
                            });
                }
                o.pipe.connect(target);
            } catch (IOException | RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public void connected() throws IOException {
        if (!tls) {
            startup();
        } else if (direct) {
            handshake();
        } else {
            WriteBuffer out = new WriteBuffer(16);
            SslRequest.INSTANCE.encode(out);
            phase = Phase.SSL_ANSWER;
            pipe.send(out.array(), 0, out.size());
        }
    }

    private void handshake() throws IOException {
        phase = Phase.HANDSHAKE;
        pipe.startTls(engine());
    }

    /** A client TLS engine for this host as the settings ask (also for the cancel request's connection). */
    private SSLEngine engine() {
        SSLEngine engine = sslContext.createSSLEngine(host.host(), host.port());
        engine.setUseClientMode(true);
        engine.setSSLParameters(TlsUpgrade.parameters(engine.getSSLParameters(), engine.getSupportedProtocols(),
                host.host(), spec.tls()));
        return engine;
    }

    @Override
    public void tlsReady() throws IOException {
        if (phase != Phase.HANDSHAKE) {
            return;
        }
        TlsUpgrade.checkAlpn(pipe.tls().engine().getApplicationProtocol(), spec.tls());
        startup();
    }

    @Override
    public void data(ByteBuffer plain) throws IOException {
        if (phase == Phase.RUNNING) {
            session.data(plain);
            return;
        }
        if (phase != Phase.SSL_ANSWER) {
            throw new IOException("the server sent data during the TLS handshake");
        }
        byte answer = plain.get();
        if (TlsRequest.handshake(answer & 0xff, plain.hasRemaining(), spec.tls().mode())) {
            handshake();
        } else {
            startup();
        }
    }

    private void startup() {
        phase = Phase.RUNNING;
        StartupExchange startup = new StartupExchange(spec.maxProtocolVersion(), spec.minProtocolVersion(),
                spec.startupParameters(), new Authenticator(spec, host, new TlsView()));
        CompletableFuture<StartupExchange> f = new CompletableFuture<>();
        f.whenComplete((s, e) -> {
            if (e != null) {
                pipe.close();
                result.completeExceptionally(e);
            } else {
                session.cancelTarget(new CancelSender.Target(address, pipe.tls() == null ? null : this::engine, direct));
                session.started(s.keyData(), s.status());
                session.socketTimeout(spec.socketTimeout());
                result.complete(session);
            }
        });
        session.send(startup, f);
    }

    @Override
    public void closed(Throwable cause) {
        if (result.isDone()) {
            session.lost(cause);
            return;
        }
        if (phase == Phase.HANDSHAKE || phase == Phase.SSL_ANSWER && cause instanceof javax.net.ssl.SSLException) {
            result.completeExceptionally(new ConnectPlan.TlsHandshakeFailed("TLS handshake failed: " + cause.getMessage(), cause));
        } else if (phase == Phase.RUNNING) {
            // Start-up in flight: the session fails the exchange with the cause (or the server's FATAL error came first).
            session.lost(cause);
            if (!result.isDone()) {
                result.completeExceptionally(cause);
            }
        } else {
            result.completeExceptionally(cause);
        }
    }

    /** What the authenticator asks of the transport: whether TLS is on, and the server's certificate. */
    private final class TlsView implements Transport {
        @Override
        public InputStream in() {
            throw new UnsupportedOperationException("asynchronous transport");
        }

        @Override
        public OutputStream out() {
            throw new UnsupportedOperationException("asynchronous transport");
        }

        @Override
        public boolean isTls() {
            return pipe.tls() != null;
        }

        @Override
        public X509Certificate serverCertificate() {
            return pipe.tls() == null ? null : pipe.tls().serverCertificate();
        }

        @Override
        public void readTimeout(Duration timeout) {
        }

        @Override
        public String describe() {
            return session.describe();
        }

        @Override
        public void close() {
            pipe.close();
        }
    }
}
