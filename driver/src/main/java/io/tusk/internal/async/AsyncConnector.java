package io.tusk.internal.async;

import io.tusk.Notify;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.OperationalException;
import io.tusk.errors.TuskException;
import io.tusk.internal.connection.ConnectSpec;
import io.tusk.internal.connection.QueryExchange;
import io.tusk.internal.connection.TargetSessionAttrs;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.protocol.frontend.Query;
import io.tusk.internal.net.TlsSettings;
import io.tusk.internal.net.TlsUpgrade;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.SubmissionPublisher;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Opens an asynchronous session as the blocking {@code Connector} does: each host in turn (each
 * of its addresses in turn), TLS as sslmode says, with libpq's fallbacks for allow and prefer.
 * Name resolution and reading certificate files block, so they run on the executor, never on
 * an I/O thread; the attempts themselves run on the event loop.
 */
public final class AsyncConnector {
    private final ConnectSpec spec;
    private final EventLoop loop;
    private final Executor executor;
    private final Supplier<SubmissionPublisher<Notify>> notifications;

    public AsyncConnector(ConnectSpec spec, EventLoop loop, Executor executor, Supplier<SubmissionPublisher<Notify>> notifications) {
        this.spec = spec;
        this.loop = loop;
        this.executor = executor;
        this.notifications = notifications;
    }

    private record Target(ConnectSpec.HostAttempt host, InetSocketAddress address) {
    }

    public CompletableFuture<AsyncSession> open() {
        if (spec.gss().encMode() == io.tusk.internal.auth.GssSettings.EncMode.REQUIRE) {
            // GSSAPI encryption is implemented by the blocking front end only; prefer means disable here.
            return CompletableFuture.failedFuture(new io.tusk.errors.NotSupportedException("gssencmode=require is not"
                    + " supported by the asynchronous connection: connect with Tusk.connect (blocking), or use"
                    + " sslmode=verify-full with gssencmode=disable or prefer"));
        }
        List<String> failures = new ArrayList<>();
        return CompletableFuture.supplyAsync(() -> resolve(failures), executor)
                .thenCompose(targets -> {
                    SSLContext ctx;
                    try {
                        ctx = spec.tls().mode() == TlsSettings.Mode.DISABLE ? null : TlsUpgrade.context(spec.tls());
                    } catch (IOException e) {
                        return CompletableFuture.failedFuture(new OperationalException(e.getMessage(), e));
                    }
                    return attemptFrom(targets, 0, ctx, failures, null);
                });
    }

    private List<Target> resolve(List<String> failures) {
        List<Target> out = new ArrayList<>();
        for (ConnectSpec.HostAttempt h : spec.hosts()) {
            if (h.isUnixSocket()) {
                out.add(new Target(h, null));
                continue;
            }
            try {
                for (InetAddress a : InetAddress.getAllByName(h.hostaddr() != null ? h.hostaddr() : h.host())) {
                    out.add(new Target(h, new InetSocketAddress(a, h.port())));
                }
            } catch (UnknownHostException e) {
                failures.add("could not translate host name \"" + h.host() + "\" to address: unknown host");
            }
        }
        return out;
    }

    private CompletableFuture<AsyncSession> attemptFrom(List<Target> targets, int i, SSLContext ctx, List<String> failures,
            Throwable last) {
        if (i >= targets.size()) {
            return CompletableFuture.failedFuture(failure(failures, last));
        }
        Target t = targets.get(i);
        return attempt(t, ctx).thenCompose(this::checkTarget).handle((s, e) -> {
            if (e == null) {
                return CompletableFuture.completedFuture(s);
            }
            Throwable cause = unwrap(e);
            if (cause instanceof NotTheTarget) {
                failures.add("connection to " + SessionOpener.describe(t.host(), t.address()) + ": " + cause.getMessage());
            } else {
                failures.add("connection to " + SessionOpener.describe(t.host(), t.address()) + " failed: " + cause.getMessage());
            }
            return attemptFrom(targets, i + 1, ctx, failures, cause);
        }).thenCompose(f -> f);
    }

    /** A session that is not what target_session_attrs asks for; the next host is tried. */
    private static final class NotTheTarget extends OperationalException {
        NotTheTarget(String message) {
            super(message);
        }
    }

    /**
     * The session if it is what target_session_attrs asks for (libpq's check, shared with the
     * blocking connector): from the start-up parameters, or from one query for servers before 14.
     * Otherwise the session is closed and the attempt fails with {@link NotTheTarget}.
     */
    private CompletableFuture<AsyncSession> checkTarget(AsyncSession s) {
        String wanted = spec.targetSessionAttrs();
        Boolean known = TargetSessionAttrs.fromParameters(wanted, s.parameters());
        CompletableFuture<Boolean> accepted = known != null ? CompletableFuture.completedFuture(known)
                : s.submit(st -> new AsyncSession.Planned<>(new QueryExchange(
                        List.<FrontendMessage>of(new Query(TargetSessionAttrs.question(wanted))), 1), null))
                        .thenApply(results -> {
                            DataRow row = results.get(0).rows().get(0);
                            String answer = row.isNull(0) ? null
                                    : new String(row.buffer(), row.offset(0), row.length(0), s.charset());
                            return TargetSessionAttrs.acceptsAnswer(wanted, answer);
                        });
        return accepted.thenCompose(ok -> {
            if (ok) {
                return CompletableFuture.completedFuture(s);
            }
            return s.close().handle((v, e) -> null)
                    .thenCompose(v -> CompletableFuture.failedFuture(new NotTheTarget(TargetSessionAttrs.refusal(wanted))));
        });
    }

    /** One address, with sslmode's allow/prefer fallback on the same address. */
    private CompletableFuture<AsyncSession> attempt(Target t, SSLContext ctx) {
        long deadline = System.nanoTime() + (spec.connectTimeout() == null ? 0 : spec.connectTimeout().toNanos());
        TlsSettings.Mode mode = spec.tls().mode();
        if (t.host().isUnixSocket() || mode == TlsSettings.Mode.DISABLE) {
            return start(t, false, ctx, deadline);
        }
        if (mode == TlsSettings.Mode.ALLOW) {
            return start(t, false, ctx, deadline).exceptionallyCompose(e -> unwrap(e) instanceof DatabaseException d && retriable(d)
                    ? start(t, true, ctx, deadline) : CompletableFuture.failedFuture(e));
        }
        if (mode == TlsSettings.Mode.PREFER) {
            return start(t, true, ctx, deadline).exceptionallyCompose(e -> {
                Throwable c = unwrap(e);
                boolean retry = c instanceof SessionOpener.TlsRefused
                        || c instanceof DatabaseException d && retriable(d);
                return retry ? start(t, false, ctx, deadline) : CompletableFuture.failedFuture(e);
            });
        }
        return start(t, true, ctx, deadline);
    }

    /** A server error worth the other sslmode: not a wrong password, nor a server breaking the protocol. */
    private static boolean retriable(DatabaseException e) {
        return !"28P01".equals(e.sqlstate()) && !(e instanceof io.tusk.internal.protocol.ProtocolViolation);
    }

    private CompletableFuture<AsyncSession> start(Target t, boolean tls, SSLContext ctx, long deadline) {
        return SessionOpener.open(spec, t.host(), t.address(), tls, ctx, loop, notifications.get(), deadline);
    }

    private static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static TuskException failure(List<String> failures, Throwable last) {
        if (failures.size() == 1 && last instanceof DatabaseException d && !(last instanceof NotTheTarget)) {
            return d; // the server's own error, with its SQLSTATE
        }
        // Each failure is a whole phrase, as in the blocking Connector (libpq's wording):
        // "connection to server at ... failed: ..." or "could not translate host name ... to address: ...".
        String message = failures.isEmpty() ? "no host to connect to"
                : failures.size() == 1 ? failures.get(0)
                : "could not connect to any host:\n  - " + String.join("\n  - ", failures);
        return new OperationalException(message, last);
    }
}
