package io.tusk.internal.tx;

import io.tusk.internal.connection.AsyncConnectionImpl;

import io.tusk.async.AsyncConnection;
import io.tusk.internal.tx.TransactionBlock;
import io.tusk.internal.tx.Transactions;
import io.tusk.internal.tx.TxStep;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Submits the transaction rules' steps ({@link Transactions}, {@link io.tusk.internal.tx.TwoPhase})
 * on the asynchronous connection: the same decisions as the blocking connection's
 * {@code TxRunner}, waited on with futures. A step's checks run when it is asked for, so a
 * refused call fails its stage without sending anything.
 */
public final class AsyncTransaction {
    private final AsyncConnectionImpl conn;
    private final Transactions rules;

    public AsyncTransaction(AsyncConnectionImpl conn, Transactions rules) {
        this.conn = conn;
        this.rules = rules;
    }

    /** Decides a step now and submits it; a refusal fails the stage. */
    public <R> CompletionStage<R> submit(Supplier<TxStep<R>> decide) {
        TxStep<R> step;
        try {
            step = decide.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return submit(step);
    }

    private <R> CompletionStage<R> submit(TxStep<R> step) {
        return conn.deliver(conn.run(step.sql(), step.after())).handle((results, e) -> {
            if (e != null) {
                throw step.failed(runtime(e));
            }
            return step.done(results);
        });
    }

    /**
     * One {@code transaction(work)} block (psycopg's {@code async with conn.transaction()}):
     * entered, then ended by COMMIT (RELEASE SAVEPOINT) once the work's stage completes, or
     * rolled back when it fails; the stage then fails with the work's own error, unless that is
     * a {@link io.tusk.Rollback} stopping here (the block's value is null then).
     */
    public <T> CompletionStage<T> block(Function<AsyncConnection, CompletionStage<T>> work) {
        TransactionBlock b = rules.open(null, null, false);
        return enter(b).thenCompose(v -> {
            CompletionStage<T> w;
            try {
                w = work.apply(conn);
            } catch (RuntimeException e) {
                w = CompletableFuture.failedFuture(e);
            }
            CompletionStage<CompletionStage<T>> next = w.handle((r, e) -> e == null
                    ? submit(() -> rules.exit(b)).thenApply(x -> r)
                    : this.<T>rollback(b, AsyncConnectionImpl.unwrap(e)));
            return next.thenCompose(Function.identity());
        });
    }

    private CompletionStage<Void> enter(TransactionBlock b) {
        CompletionStage<CompletionStage<Void>> next = submit(rules.enter(b)).handle((v, e) -> {
            if (e == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            String undo = rules.abandon(b);
            if (undo == null) {
                return CompletableFuture.<Void>failedFuture(e);
            }
            return conn.deliver(conn.run(undo, null)).<Void>handle((x, e2) -> {
                if (e2 != null) {
                    AsyncConnectionImpl.unwrap(e).addSuppressed(AsyncConnectionImpl.unwrap(e2));
                }
                throw runtime(e);
            });
        });
        return next.thenCompose(Function.identity());
    }

    private <T> CompletionStage<T> rollback(TransactionBlock b, Throwable t) {
        TxStep<Boolean> step;
        try {
            step = rules.exitOnError(b, t);
        } catch (RuntimeException e) {
            t.addSuppressed(e);
            return CompletableFuture.failedFuture(t);
        }
        if (step == null) {
            return CompletableFuture.failedFuture(t);
        }
        return conn.deliver(conn.run(step.sql(), step.after())).handle((results, e) -> {
            if (e != null) {
                step.failed(runtime(e));
            } else if (step.done(results)) {
                return null;
            }
            throw runtime(t);
        });
    }

    private static RuntimeException runtime(Throwable e) {
        Throwable c = AsyncConnectionImpl.unwrap(e);
        return c instanceof RuntimeException r ? r : new CompletionException(c);
    }
}
