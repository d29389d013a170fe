package io.tusk.spi;

import io.tusk.Connection;
import io.tusk.errors.ProgrammingException;

/**
 * Hands a connection's transaction control to a transaction manager's resource, as an XA
 * {@code XAResource} needs (PostgreSQL's one transaction per session, driven by
 * {@code BEGIN} and {@code PREPARE TRANSACTION} from outside the application's code).
 *
 * <pre>{@code
 * TransactionControl tc = TransactionControl.of(conn);
 * tc.claim("XA branch 131077_..._...");   // from now on conn.commit() etc. raise ProgrammingException
 * tc.runCommand(tc.beginStatement());     // BEGIN with the connection's characteristics
 * // ... the application works on conn ...
 * tc.runCommand("PREPARE TRANSACTION '...'");
 * tc.release("XA branch 131077_..._...");
 * }</pre>
 *
 * <p>While a connection is claimed, {@link Connection#commit()}, {@link Connection#rollback()},
 * {@link Connection#setAutocommit(boolean)}, {@link Connection#setSession}, {@link Connection#reset()}
 * and every {@code tpc*} method raise {@link ProgrammingException} naming the owner, so that the
 * application cannot end a transaction that belongs to the transaction manager. Statements and
 * {@link Connection#transaction} blocks (savepoints inside the claimed transaction) still run.
 * This is a service-provider interface for the {@code tusk-xa} module and resource adapters,
 * not for applications.
 */
public interface TransactionControl {
    /**
     * The transaction control of a connection made by {@code Tusk.connect}.
     *
     * @throws IllegalArgumentException when {@code connection} is not Tusk's own (a wrapper or a mock)
     */
    static TransactionControl of(Connection connection) {
        if (connection instanceof TransactionControl tc) {
            return tc;
        }
        throw new IllegalArgumentException("the connection " + connection.getClass().getName()
                + " is not one made by Tusk.connect, so its transaction control can't be claimed: pass the driver's own connection");
    }

    /**
     * Claims the connection for {@code owner} (a description used in error messages); claiming
     * again for the same owner does nothing.
     *
     * @throws ProgrammingException when another owner holds the connection
     */
    void claim(String owner);

    /** Gives the connection back to the application if {@code owner} holds it; otherwise does nothing. */
    void release(String owner);

    /** Who holds the connection, or null when the application does. */
    String claimedBy();

    /**
     * Runs one SQL command as it is, with the simple-query protocol, never preceded by an
     * implicit BEGIN and not subject to the claim, and returns its command tag (e.g.
     * {@code "PREPARE TRANSACTION"}, or {@code "ROLLBACK"} when the server rolled back instead).
     */
    String runCommand(String sql);

    /** The BEGIN statement with the connection's characteristics (isolation level, read only, deferrable). */
    String beginStatement();
}
