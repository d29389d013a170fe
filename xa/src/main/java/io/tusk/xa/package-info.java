/**
 * XA over PostgreSQL's prepared transactions: {@link io.tusk.xa.TuskXAResource} (the
 * {@code XAResource} a JTA transaction manager enlists), {@link io.tusk.xa.TuskXAConnectionSource}
 * and {@link io.tusk.xa.TuskXAConnection} (JDBC's {@code XADataSource}/{@code XAConnection}),
 * and {@link io.tusk.xa.JtaConnectionSource}, which enlists connections in the current JTA
 * transaction for Java SE programs.
 *
 * <pre>{@code
 * TuskXAConnectionSource source = new TuskXAConnectionSource("host=db dbname=app user=app");
 * try (TuskXAConnection xa = source.getXAConnection()) {
 *     tm.getTransaction().enlistResource(xa.getXAResource());
 *     xa.getConnection().execute("INSERT INTO t VALUES (1)");
 * }
 * }</pre>
 */
package io.tusk.xa;
