package io.tusk.internal.connection;

import io.tusk.Notify;
import io.tusk.errors.OperationalException;
import io.tusk.internal.async.AsyncSession;
import io.tusk.internal.async.EventLoop;
import io.tusk.internal.async.SessionOpener;
import io.tusk.internal.net.TlsSettings;
import io.tusk.internal.net.TlsUpgrade;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.protocol.frontend.Query;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.SubmissionPublisher;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Opens an asynchronous session as the blocking {@link Connector} does, with the same
 * {@link ConnectPlan}: this class performs each step without blocking an I/O thread. Name
 * resolution and reading certificate files block, so they run on the executor; each attempt
 * runs on the event loop ({@link SessionOpener}).
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

    public CompletableFuture<AsyncSession> open() {
        if (spec.gss().encMode() == io.tusk.internal.auth.GssSettings.EncMode.REQUIRE) {
            // GSSAPI encryption is implemented by the blocking front end only; prefer means disable here.
            return CompletableFuture.failedFuture(new io.tusk.errors.NotSupportedException("gssencmode=require is not"
                    + " supported by the asynchronous connection: connect with Tusk.connect (blocking), or use"
                    + " sslmode=verify-full with gssencmode=disable or prefer"));
        }
        return CompletableFuture.supplyAsync(this::tlsContext, executor)
                .thenCompose(ctx -> new Run(new ConnectPlan(spec), ctx).next());
    }

    private SSLContext tlsContext() {
        if (spec.tls().mode() == TlsSettings.Mode.DISABLE) {
            return null;
        }
        try {
            return TlsUpgrade.context(spec.tls());
        } catch (IOException e) {
            throw new OperationalException(e.getMessage(), e);
        }
    }

    /** One run of the plan; its steps follow each other, each completing before the next starts. */
    private final class Run {
        private final ConnectPlan plan;
        private final SSLContext ctx;
        private long deadlineNanos;

        Run(ConnectPlan plan, SSLContext ctx) {
            this.plan = plan;
            this.ctx = ctx;
        }

        CompletableFuture<AsyncSession> next() {
            ConnectPlan.Step step = plan.next();
            if (step instanceof ConnectPlan.Failed f) {
                return CompletableFuture.failedFuture(f.error());
            }
            if (step instanceof ConnectPlan.Resolve r) {
                return CompletableFuture.runAsync(() -> {
                    try {
                        plan.resolved(InetAddress.getAllByName(r.target()));
                    } catch (UnknownHostException e) {
                        plan.unresolved();
                    }
                }, executor).thenCompose(v -> next());
            }
            ConnectPlan.Attempt a = (ConnectPlan.Attempt) step;
            if (a.firstOnAddress()) {
                // connect_timeout: one deadline for the address, both sslmode tries included.
                deadlineNanos = System.nanoTime() + (spec.connectTimeout() == null ? 0 : spec.connectTimeout().toNanos());
            }
            return SessionOpener.open(spec, a, ctx, loop, notifications.get(), deadlineNanos)
                    .handle((s, e) -> {
                        if (e != null) {
                            plan.failed(unwrap(e));
                            return next();
                        }
                        return check(s);
                    }).thenCompose(f -> f);
        }

        /** The session if target_session_attrs accepts it; otherwise it is closed and the next step runs. */
        private CompletableFuture<AsyncSession> check(AsyncSession s) {
            String question = plan.question(s.parameters());
            CompletableFuture<String> answer = question == null ? CompletableFuture.completedFuture(null)
                    : s.submit(st -> new AsyncSession.Planned<>(new QueryExchange(
                            List.<FrontendMessage>of(new Query(question)), 1), null))
                            .thenApply(results -> {
                                DataRow row = results.get(0).rows().get(0);
                                return row.isNull(0) ? null : new String(row.buffer(), row.offset(0), row.length(0), s.charset());
                            });
            return answer.handle((value, e) -> {
                if (e != null) {
                    plan.failed(unwrap(e));
                } else if (plan.accepts(s.parameters(), value)) {
                    return CompletableFuture.completedFuture(s);
                }
                return s.close().handle((v, x) -> null).thenCompose(v -> next());
            }).thenCompose(f -> f);
        }
    }

    private static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
