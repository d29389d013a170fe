package io.tusk;

/**
 * The transaction status of a connection, as libpq's {@code PQtransactionStatus} and psycopg's
 * {@code pq.TransactionStatus} report it.
 */
public enum TransactionStatus {
    /** Connected, no transaction open. */
    IDLE,
    /** A command is running. */
    ACTIVE,
    /** In a transaction block that has not failed. */
    INTRANS,
    /** In a failed transaction block: only ROLLBACK will be accepted. */
    INERROR,
    /** The connection is closed or broken. */
    UNKNOWN
}
