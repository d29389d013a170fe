/**
 * Connection pools for applications outside a container: psycopg_pool's {@code ConnectionPool}
 * and {@code NullConnectionPool}, with their statistics (also as a JMX MXBean).
 *
 * <pre>{@code
 * ConnectionPool pool = ConnectionPool.builder("host=db dbname=app user=app").minSize(4).maxSize(16).open();
 * pool.useConnection(conn -> conn.execute("INSERT INTO t VALUES (1)"));   // commits
 * }</pre>
 *
 * <p>Depends on the public API and, for now, on the pool engines in {@code io.tusk.internal.pool} and
 * {@code io.tusk.internal.async} directly (the one exception the architecture test still allows).
 */
package io.tusk.pool;
