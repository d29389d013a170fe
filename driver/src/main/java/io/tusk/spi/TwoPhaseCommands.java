package io.tusk.spi;

import io.tusk.internal.tx.TwoPhaseSql;

/**
 * The SQL of PostgreSQL's two-phase commit exactly as the driver's own {@code tpc*} methods
 * send it, for modules that end transactions from outside the application (the XA resource):
 * one definition of the statements and of the transaction id's limit. This is a
 * service-provider interface, not for applications.
 */
public final class TwoPhaseCommands {
    /** PostgreSQL's limit: a transaction id has at most 199 bytes (GIDSIZE is 200 with the terminating zero). */
    public static final int MAX_ID_BYTES = TwoPhaseSql.MAX_GID_BYTES;

    private TwoPhaseCommands() {
    }

    /**
     * Checks that PostgreSQL can hold {@code gid} as a transaction id.
     *
     * @throws IllegalArgumentException when it is longer than {@link #MAX_ID_BYTES} bytes in UTF-8
     */
    public static void checkLength(String gid) {
        TwoPhaseSql.checkLength(gid);
    }

    /** {@code PREPARE TRANSACTION '<gid>'}. */
    public static String prepare(String gid) {
        return TwoPhaseSql.prepare(gid);
    }

    /** {@code COMMIT PREPARED '<gid>'}. */
    public static String commitPrepared(String gid) {
        return TwoPhaseSql.commitPrepared(gid);
    }

    /** {@code ROLLBACK PREPARED '<gid>'}. */
    public static String rollbackPrepared(String gid) {
        return TwoPhaseSql.rollbackPrepared(gid);
    }
}
