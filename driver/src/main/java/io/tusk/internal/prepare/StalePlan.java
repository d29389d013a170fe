package io.tusk.internal.prepare;

import io.tusk.errors.DatabaseException;

/**
 * Recognises the error a prepared statement raises when a table it reads changed shape since
 * it was prepared: "cached plan must not change result type" (SQLSTATE 0A000,
 * feature_not_supported, from the server's plancache.c). The statement failed before doing
 * anything, so it can be prepared again and run once more when no transaction was spoiled.
 */
public final class StalePlan {
    static final String MESSAGE = "cached plan must not change result type";

    private StalePlan() {
    }

    public static boolean is(DatabaseException e) {
        return e.diag() != null && "0A000".equals(e.diag().sqlstate()) && e.diag().messagePrimary() != null
                && e.diag().messagePrimary().contains(MESSAGE);
    }
}
