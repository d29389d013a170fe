/**
 * Connection pools for applications outside a container: psycopg_pool's {@code ConnectionPool}
 * and {@code NullConnectionPool}, with their statistics (also as a JMX MXBean).
 *
 * <pre>{@code
 * ConnectionPool pool = ConnectionPool.builder("host=db dbname=app user=app").minSize(4).maxSize(16).open();
 * pool.useConnection(conn -> conn.execute("INSERT INTO t VALUES (1)"));   // commits
 * }</pre>
 */
package io.tusk.pool;
