package io.tusk.internal.tx;

import io.tusk.TransactionStatus;
import io.tusk.internal.connection.QueryResult;
import java.util.List;
import java.util.function.Function;

/**
 * One statement a transaction rule decided to send, and what to make of its answer: the
 * sans-I/O half of {@link Transactions} and {@link TwoPhase}. The blocking connection runs it
 * ({@link TxRunner}); the asynchronous one submits it and applies {@link #done} or
 * {@link #failed} when the answer comes, so both front ends decide alike.
 *
 * @param <R> what the statement's answer is made into
 */
public final class TxStep<R> {
    private final String sql;
    private final TransactionStatus after;
    private final Function<List<QueryResult>, R> done;
    private final Function<RuntimeException, RuntimeException> failed;

    private TxStep(String sql, TransactionStatus after, Function<List<QueryResult>, R> done,
            Function<RuntimeException, RuntimeException> failed) {
        this.sql = sql;
        this.after = after;
        this.done = done;
        this.failed = failed;
    }

    /**
     * @param sql the statement, sent as it is with the simple-query protocol (never behind an implicit BEGIN)
     * @param after the transaction status it leaves, or null when only the server's answer tells
     * @param done what the results are made into; may throw the rule's error (e.g. COMMIT answered ROLLBACK)
     * @param failed the error to raise when the statement fails (the server's, or a clearer one); may update state
     */
    public static <R> TxStep<R> of(String sql, TransactionStatus after, Function<List<QueryResult>, R> done,
            Function<RuntimeException, RuntimeException> failed) {
        return new TxStep<>(sql, after, done, failed);
    }

    /** A statement whose answer carries nothing and whose error is raised as it is. */
    public static TxStep<Void> plain(String sql, TransactionStatus after) {
        return new TxStep<>(sql, after, r -> null, e -> e);
    }

    public String sql() {
        return sql;
    }

    public TransactionStatus after() {
        return after;
    }

    public R done(List<QueryResult> results) {
        return done.apply(results);
    }

    public RuntimeException failed(RuntimeException e) {
        return failed.apply(e);
    }

    /** The command tag of the last result ("COMMIT", or "ROLLBACK" when the server rolled back instead). */
    static String tag(List<QueryResult> results) {
        return results.isEmpty() ? null : results.get(results.size() - 1).statusMessage();
    }
}
