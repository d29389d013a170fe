package io.tusk.internal.pool;

import io.tusk.pool.PoolStats;

/**
 * The cumulative counters of psycopg_pool's {@code get_stats()}, reset by {@code pop_stats()}.
 * Guarded by the pool's lock (every event that counts already holds it).
 */
final class PoolCounters {
    long usageMs;
    long requestsNum;
    long requestsQueued;
    long requestsWaitMs;
    long requestsErrors;
    long returnsBad;
    long connectionsNum;
    long connectionsMs;
    long connectionsErrors;
    long connectionsLost;

    PoolStats snapshot(int min, int max, int size, int available, int waiting) {
        return new PoolStats(min, max, size, available, waiting, usageMs, requestsNum, requestsQueued,
                requestsWaitMs, requestsErrors, returnsBad, connectionsNum, connectionsMs, connectionsErrors,
                connectionsLost);
    }

    void reset() {
        usageMs = requestsNum = requestsQueued = requestsWaitMs = requestsErrors = 0;
        returnsBad = connectionsNum = connectionsMs = connectionsErrors = connectionsLost = 0;
    }
}
