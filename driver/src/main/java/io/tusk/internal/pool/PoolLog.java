package io.tusk.internal.pool;

import java.lang.System.Logger.Level;

/**
 * What both pools log about their connections, worded once: the warnings an operator greps for
 * must not depend on which front end the application uses. Called outside the pool's lock.
 */
final class PoolLog {
    private static final System.Logger LOG = System.getLogger("io.tusk.pool");

    private PoolLog() {
    }

    static void discardedBeforeLending(String pool, Object conn, String problem) {
        LOG.log(Level.WARNING, "pool ''{0}'': discarding connection {1} before handing it out: {2}", pool, conn,
                problem);
    }

    static void brokenIdle(String pool, Object conn, Throwable problem) {
        LOG.log(Level.WARNING, "pool ''{0}'': discarding broken connection {1}: {2}", pool, conn, problem.toString());
    }

    static void closeFailed(String pool, Object conn, Throwable problem) {
        LOG.log(Level.DEBUG, "pool ''{0}'': error closing {1}: {2}", pool, conn, problem);
    }

    /**
     * A connection attempt failed: either another is scheduled after {@code delayNanos}, or the
     * pool gave up (after reconnectTimeout) and runs the {@code reconnectFailed} callback, unless
     * it gave up because it is closed.
     */
    static void connectFailed(PoolConfig<?> cfg, boolean retrying, long delayNanos, boolean poolClosed,
            Throwable ex) {
        if (retrying) {
            LOG.log(Level.WARNING, "pool ''{0}'': error connecting, retrying in {1} ms: {2}",
                    cfg.name(), delayNanos / 1_000_000, ex.toString());
            return;
        }
        if (poolClosed) {
            return;
        }
        LOG.log(Level.WARNING, "pool ''{0}'': giving up making a connection after trying for {1}: {2}",
                cfg.name(), PoolState.fmt(cfg.reconnectTimeout()), ex.toString());
        if (cfg.reconnectFailed() != null) {
            try {
                cfg.reconnectFailed().run();
            } catch (RuntimeException cb) {
                LOG.log(Level.WARNING, "pool '" + cfg.name() + "': the reconnectFailed callback failed", cb);
            }
        }
    }
}
