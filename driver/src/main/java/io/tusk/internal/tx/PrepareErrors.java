package io.tusk.internal.tx;

import io.tusk.errors.DatabaseException;
import io.tusk.errors.NotSupportedException;

/**
 * Turns the server's refusal of {@code PREPARE TRANSACTION} into an error that says what to
 * change. With {@code max_prepared_transactions = 0} (the server's default) PostgreSQL answers
 * SQLSTATE 55000 "prepared transactions are disabled", hint "Set max_prepared_transactions to a
 * nonzero value" (the hint names the setting in every language, so it is what is matched).
 */
public final class PrepareErrors {
    static final String DISABLED = "max_prepared_transactions is 0 on the server: set it above 0 in postgresql.conf "
            + "(at least max_connections is usual) and restart the server to use two-phase commit";

    private PrepareErrors() {
    }

    /** The exception to throw for {@code e}, raised by PREPARE TRANSACTION: {@code e} itself or a clearer one caused by it. */
    public static RuntimeException map(DatabaseException e) {
        if ("55000".equals(e.sqlstate()) && (contains(e.diag().messageHint(), "max_prepared_transactions")
                || contains(e.diag().messagePrimary(), "prepared transactions are disabled"))) {
            return new NotSupportedException(DISABLED, e);
        }
        return e;
    }

    private static boolean contains(String s, String part) {
        return s != null && s.contains(part);
    }
}
