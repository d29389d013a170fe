package io.tusk.pool;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of a pool's state and counters: psycopg_pool's {@code get_stats()}, with the same
 * names in {@link #toMap()}.
 *
 * <pre>{@code
 * PoolStats s = pool.stats();
 * log.info("pool {} of {} in use, {} waiting", s.poolSize() - s.poolAvailable(), s.poolMax(), s.requestsWaiting());
 * }</pre>
 *
 * The first five values are the state now; the others count since the pool opened or since the
 * last {@link ConnectionPool#popStats()}.
 *
 * @param poolMin current minSize
 * @param poolMax current maxSize (0 for an unlimited {@link NullConnectionPool})
 * @param poolSize connections the pool owns: idle, lent out, or being made
 * @param poolAvailable idle connections ready to hand out
 * @param requestsWaiting clients waiting for a connection now
 * @param usageMs total time connections spent lent out
 * @param requestsNum connection requests
 * @param requestsQueued requests that had to wait because no connection was idle
 * @param requestsWaitMs total time requests spent waiting
 * @param requestsErrors requests that ended in an error (time-out, queue full, pool closed)
 * @param returnsBad connections returned unusable (broken, mid-statement, failing rollback or reset)
 * @param connectionsNum connections opened to the server
 * @param connectionsMs total time spent opening them
 * @param connectionsErrors failed connection attempts
 * @param connectionsLost connections found broken by a check
 */
public record PoolStats(
        long poolMin,
        long poolMax,
        long poolSize,
        long poolAvailable,
        long requestsWaiting,
        long usageMs,
        long requestsNum,
        long requestsQueued,
        long requestsWaitMs,
        long requestsErrors,
        long returnsBad,
        long connectionsNum,
        long connectionsMs,
        long connectionsErrors,
        long connectionsLost) {

    /** The values under psycopg_pool's names ({@code pool_min}, {@code requests_wait_ms}, ...), in that order. */
    public Map<String, Long> toMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("pool_min", poolMin);
        m.put("pool_max", poolMax);
        m.put("pool_size", poolSize);
        m.put("pool_available", poolAvailable);
        m.put("requests_waiting", requestsWaiting);
        m.put("usage_ms", usageMs);
        m.put("requests_num", requestsNum);
        m.put("requests_queued", requestsQueued);
        m.put("requests_wait_ms", requestsWaitMs);
        m.put("requests_errors", requestsErrors);
        m.put("returns_bad", returnsBad);
        m.put("connections_num", connectionsNum);
        m.put("connections_ms", connectionsMs);
        m.put("connections_errors", connectionsErrors);
        m.put("connections_lost", connectionsLost);
        return m;
    }
}
