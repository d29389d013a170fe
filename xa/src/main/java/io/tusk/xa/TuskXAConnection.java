package io.tusk.xa;

import io.tusk.Connection;
import javax.transaction.xa.XAResource;

/**
 * A PostgreSQL session and its {@link XAResource}: JDBC's {@code XAConnection} for Tusk, made by
 * {@link TuskXAConnectionSource#getXAConnection()}.
 *
 * <pre>{@code
 * try (TuskXAConnection xa = source.getXAConnection()) {
 *     tm.getTransaction().enlistResource(xa.getXAResource());
 *     xa.getConnection().execute("INSERT INTO t VALUES (1)");
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #getConnection()} is the session itself, not a handle: close this object, not the
 * connection. Closing ends the session; a branch that was not yet prepared is rolled back by the
 * server, prepared branches stay in {@code pg_prepared_xacts} for the transaction manager.
 */
public final class TuskXAConnection implements AutoCloseable {
    private final Connection connection;
    private final TuskXAResource resource;

    /** Wraps an open Tusk connection; closing this closes it. */
    public TuskXAConnection(Connection connection) {
        this.connection = connection;
        this.resource = new TuskXAResource(connection);
    }

    /** The session the branch's work runs on. */
    public Connection getConnection() {
        return connection;
    }

    /** The resource to enlist with the transaction manager; always the same object. */
    public TuskXAResource getXAResource() {
        return resource;
    }

    /** Closes the session; calling it again does nothing. */
    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "TuskXAConnection[" + resource + "]";
    }
}
