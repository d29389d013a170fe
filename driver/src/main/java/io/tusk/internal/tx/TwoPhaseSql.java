package io.tusk.internal.tx;

import java.nio.charset.StandardCharsets;

/**
 * The SQL of two-phase commit on PostgreSQL, for both front ends and {@code tusk-xa} (through
 * {@code io.tusk.spi.TwoPhaseCommands}): PREPARE TRANSACTION, COMMIT PREPARED and ROLLBACK
 * PREPARED with the transaction id as a string literal, and the check of its length.
 */
public final class TwoPhaseSql {
    /** PostgreSQL's GIDSIZE (twophase.c) is 200 bytes with the terminating zero: an id has at most 199. */
    public static final int MAX_GID_BYTES = 199;

    private TwoPhaseSql() {
    }

    /**
     * Raises unless PostgreSQL can hold {@code gid} as a transaction id; checked before anything
     * is sent, so that a too long id never opens a transaction it could not prepare.
     */
    public static void checkLength(String gid) {
        int n = gid.getBytes(StandardCharsets.UTF_8).length;
        if (n > MAX_GID_BYTES) {
            throw new IllegalArgumentException("a PostgreSQL transaction id must be shorter than 200 bytes, not " + n
                    + ": use a shorter id (XA ids of 64-byte parts fit)");
        }
    }

    public static String prepare(String gid) {
        return "PREPARE TRANSACTION " + literal(gid);
    }

    public static String commitPrepared(String gid) {
        return "COMMIT PREPARED " + literal(gid);
    }

    public static String rollbackPrepared(String gid) {
        return "ROLLBACK PREPARED " + literal(gid);
    }

    /** A string literal: an XA id is digits, Base64 and '_', but a plain id may hold quotes or backslashes. */
    static String literal(String s) {
        return io.tusk.internal.adapt.Literals.quoteString(s);
    }
}
