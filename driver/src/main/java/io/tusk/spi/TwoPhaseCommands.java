package io.tusk.spi;


/**
 * The SQL of PostgreSQL's two-phase commit exactly as the driver's own {@code tpc*} methods
 * send it, for modules that end transactions from outside the application (the XA resource):
 * one definition of the statements and of the transaction id's limit, which the driver's
 * two-phase rules ({@code internal.tx.TwoPhase}) use too. This is a
 * service-provider interface, not for applications.
 */
public final class TwoPhaseCommands {
    /** PostgreSQL's limit: a transaction id has at most 199 bytes (GIDSIZE is 200 with the terminating zero). */
    public static final int MAX_ID_BYTES = 199;

    private TwoPhaseCommands() {
    }

    /**
     * Checks that PostgreSQL can hold {@code gid} as a transaction id.
     *
     * @throws IllegalArgumentException when it is longer than {@link #MAX_ID_BYTES} bytes in UTF-8
     */
    public static void checkLength(String gid) {
        int n = gid.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (n > MAX_ID_BYTES) {
            throw new IllegalArgumentException("a PostgreSQL transaction id must be shorter than 200 bytes, not " + n
                    + ": use a shorter id (XA ids of 64-byte parts fit)");
        }
    }

    /** {@code PREPARE TRANSACTION '<gid>'}. */
    public static String prepare(String gid) {
        return "PREPARE TRANSACTION " + literal(gid);
    }

    /** {@code COMMIT PREPARED '<gid>'}. */
    public static String commitPrepared(String gid) {
        return "COMMIT PREPARED " + literal(gid);
    }

    /** {@code ROLLBACK PREPARED '<gid>'}. */
    public static String rollbackPrepared(String gid) {
        return "ROLLBACK PREPARED " + literal(gid);
    }

    /** A string literal: an XA id is digits, Base64 and '_', but a plain id may hold quotes or backslashes. */
    private static String literal(String gid) {
        return Services.adaptation().quoteString(gid);
    }
}
