package io.tusk.pool;

import java.util.Map;

/**
 * A pool's {@link PoolStats} seen through JMX, registered as
 * {@code io.tusk.pool:type=ConnectionPool,name=<pool name>} when the pool is built with
 * {@code .jmx(true)}: the JMX face of psycopg_pool's {@code get_stats()}.
 *
 * <pre>{@code
 * ConnectionPool pool = ConnectionPool.builder(conninfo).name("app").jmx(true).open();
 * // jconsole: io.tusk.pool / ConnectionPool / app / PoolSize, RequestsWaiting, ...
 * }</pre>
 */
public interface ConnectionPoolMXBean {
    String getName();

    long getPoolMin();

    long getPoolMax();

    long getPoolSize();

    long getPoolAvailable();

    long getRequestsWaiting();

    long getUsageMs();

    long getRequestsNum();

    long getRequestsQueued();

    long getRequestsWaitMs();

    long getRequestsErrors();

    long getReturnsBad();

    long getConnectionsNum();

    long getConnectionsMs();

    long getConnectionsErrors();

    long getConnectionsLost();

    /** Every value under psycopg_pool's names. */
    Map<String, Long> getStats();

    /** Runs {@link ConnectionPool#check()}. */
    void check();

    /** Runs {@link ConnectionPool#drain()}. */
    void drain();
}
