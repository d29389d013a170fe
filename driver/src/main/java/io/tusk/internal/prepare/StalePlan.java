package io.tusk.internal.prepare;

import io.tusk.TransactionStatus;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.Diagnostic;
import io.tusk.errors.Errors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognises the errors of a prepared statement that failed before doing anything, because the
 * server can no longer run it as prepared: "cached plan must not change result type" (SQLSTATE
 * 0A000, feature_not_supported, from the server's plancache.c: a table or type it reads changed
 * shape since it was prepared) and "prepared statement ... does not exist" (26000,
 * invalid_sql_statement_name: the server dropped it, e.g. a {@code DEALLOCATE ALL} pipelined in
 * front of it). Either way the statement can be prepared again and run once more when no
 * transaction was spoiled; both front ends and both pipelines decide with these same tests.
 */
public final class StalePlan {
    static final String MESSAGE = "cached plan must not change result type";

    /** The hint of a stale plan that cannot be retried: what happened and what to do. */
    static final String IN_TRANSACTION_HINT = "the columns of a table (or type) this prepared statement reads changed"
            + " after it was prepared; the statement is prepared again at its next execution, but the transaction is"
            + " aborted: roll back and run the transaction again";

    private StalePlan() {
    }

    /** "cached plan must not change result type" (0A000). */
    public static boolean is(DatabaseException e) {
        return e.diag() != null && "0A000".equals(e.diag().sqlstate()) && e.diag().messagePrimary() != null
                && e.diag().messagePrimary().contains(MESSAGE);
    }

    /** A stale plan (0A000) or a statement the server no longer has (26000): prepare it again and retry. */
    public static boolean isRetriable(DatabaseException e) {
        return is(e) || (e.diag() != null && "26000".equals(e.diag().sqlstate()));
    }

    /**
     * The error to raise for a stale plan that could not be run again, because it failed inside
     * a transaction block the application opened (the server aborted it: a retry would run
     * outside what the application meant to be atomic). The same class and every field the
     * server sent, with a HINT that says what happened and what to do (the server sends none
     * for this error; one it sent is kept). Other errors come back as they are.
     */
    public static DatabaseException explained(DatabaseException e) {
        if (!is(e) || e.diag().messageHint() != null) {
            return e;
        }
        Map<Character, String> fields = new LinkedHashMap<>(e.diag().fields());
        fields.put('H', IN_TRANSACTION_HINT);
        DatabaseException out = Errors.fromDiagnostic(Diagnostic.of(fields));
        out.setStackTrace(e.getStackTrace());
        return out;
    }

    /** What to do after an execution failed ({@link #afterFailure}). */
    public enum Retry {
        /** Raise the error as it is. */
        NO,
        /** Run the statement once more: nothing was spoiled (no transaction, or autocommit). */
        AGAIN,
        /** Send ROLLBACK (and the implicit BEGIN again) in front of the second try: the failed exchange's own BEGIN opened the transaction. */
        AFTER_ROLLBACK,
        /** Raise {@link #explained} of the error: a stale plan in the application's transaction. */
        EXPLAIN
    }

    /**
     * The stale-plan rule both front ends and their cursors follow, after an execution planned
     * with {@code decision} failed with {@code e}: the cache is told (a failed preparation is
     * forgotten), and a prepared statement the server can no longer run ({@link #isRetriable})
     * is dropped and run once more when that spoils no transaction: when the session is idle,
     * or when the failed exchange's own BEGIN opened the transaction now failed (it is rolled
     * back first). Inside the application's transaction it cannot: the error says why.
     *
     * @param cache the statement cache, or null when the statement ran unnamed
     * @param mayRetry false on the second try, and when more was queued behind the failed exchange
     * @param sentBegin whether the failed exchange carried the implicit BEGIN
     * @param status the transaction status the failed exchange left
     */
    public static Retry afterFailure(StatementCache cache, StatementKey key, StatementCache.Decision decision, boolean usesPrepared,
            DatabaseException e, boolean mayRetry, boolean sentBegin, TransactionStatus status) {
        if (cache == null || key == null) {
            return Retry.NO;
        }
        cache.failed(key, decision);
        if (!usesPrepared || !isRetriable(e)) {
            return Retry.NO;
        }
        cache.forget(key, decision.statement());
        if (mayRetry && status == TransactionStatus.IDLE) {
            return Retry.AGAIN;
        }
        if (mayRetry && sentBegin && status == TransactionStatus.INERROR) {
            return Retry.AFTER_ROLLBACK;
        }
        return status == TransactionStatus.INERROR ? Retry.EXPLAIN : Retry.NO;
    }
}
