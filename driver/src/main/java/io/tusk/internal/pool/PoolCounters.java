package io.tusk.internal.pool;

import io.tusk.pool.PoolStats;

/**
 * The cumulative counters of psycopg_pool's {@code get_stats()}, reset by {@code pop_stats()}.
 * Guarded by the pool's lock (every event that counts already holds it). Public for the
 * asynchronous pool ({@code internal.async.AsyncPoolEngine}), which counts the same events.
 */
public final class PoolCounters {
    public long usageMs;
    public long requestsNum;
    public long requestsQueued;
    public long requestsWaitMs;
    public long requestsErrors;
    public long returnsBad;
    public long connectionsNum;
    public long connectionsMs;
    public long connectionsErrors;
    public long connectionsLost;

    public PoolStats snapshot(int min, int max, int size, int available, int waiting) {
        return new PoolStats(min, max, size, available, waiting, usageMs, requestsNum, requestsQueued,
                requestsWaitMs, requestsErrors, returnsBad, connectionsNum, connectionsMs, connectionsErrors,
                connectionsLost);
    }

    public void reset() {
        usageMs = requestsNum = requestsQueued = requestsWaitMs = requestsErrors = 0;
        returnsBad = connectionsNum = connectionsMs = connectionsErrors = connectionsLost = 0;
    }
}
