package io.tusk.jca;

import io.tusk.Connection;
import jakarta.resource.Referenceable;
import java.io.Serializable;

/**
 * Where application code gets a pooled, transaction-enlisted {@link Connection}: the Jakarta
 * Connectors connection factory of Tusk (the role a {@code DataSource} plays for JDBC).
 *
 * <pre>{@code
 * @Resource(lookup = "java:/tusk/app")
 * TuskConnectionFactory tusk;
 *
 * try (Connection conn = tusk.getConnection()) {
 *     conn.execute("INSERT INTO orders VALUES (%s)", 42);
 * }   // close() returns the connection to the server's pool; the container commits
 * }</pre>
 *
 * <p>Outside an application server, {@link TuskManagedConnectionFactory#createConnectionFactory()}
 * gives a factory whose every {@code getConnection()} opens a new session.
 */
public interface TuskConnectionFactory extends Serializable, Referenceable {
    /**
     * A connection handle: use it as any {@link Connection} and close it when done. Inside a
     * JTA transaction {@code commit}, {@code rollback}, {@code setAutocommit} and the
     * {@code tpc*} methods raise {@link io.tusk.errors.ProgrammingException}: the transaction
     * manager ends the transaction.
     *
     * @throws io.tusk.errors.OperationalException when no connection can be had
     */
    Connection getConnection();
}
