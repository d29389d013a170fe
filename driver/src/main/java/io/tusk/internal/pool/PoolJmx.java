package io.tusk.internal.pool;

import io.tusk.pool.ConnectionPoolMXBean;
import io.tusk.pool.PoolStats;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Publishes a pool's stats on the platform MBean server under
 * {@code io.tusk.pool:type=ConnectionPool,name=<name>} (JMX needs only the JDK's
 * java.management module, so it costs the driver no dependency).
 */
public final class PoolJmx implements ConnectionPoolMXBean {
    private static final System.Logger LOG = System.getLogger("io.tusk.pool");

    private final String name;
    private final Supplier<PoolStats> stats;
    private final Runnable check;
    private final Runnable drain;
    private final ObjectName objectName;
    private boolean registered;

    public PoolJmx(String name, Supplier<PoolStats> stats, Runnable check, Runnable drain) {
        this.name = name;
        this.stats = stats;
        this.check = check;
        this.drain = drain;
        this.objectName = objectName(name);
    }

    /** The name a pool called {@code poolName} is registered under. */
    public static ObjectName objectName(String poolName) {
        String value = poolName.matches("[A-Za-z0-9_.\\-]+") ? poolName : ObjectName.quote(poolName);
        try {
            return new ObjectName("io.tusk.pool:type=ConnectionPool,name=" + value);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("pool name '" + poolName + "' cannot be a JMX name: " + e.getMessage(), e);
        }
    }

    public synchronized void register() {
        if (registered) {
            return;
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            server.registerMBean(this, objectName);
            registered = true;
        } catch (JMException e) {
            LOG.log(System.Logger.Level.WARNING, "pool ''{0}'': not registered in JMX as {1}: {2}; give each pool"
                    + " a distinct name", name, objectName, e.toString());
        }
    }

    public synchronized void unregister() {
        if (!registered) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(objectName);
        } catch (JMException e) {
            LOG.log(System.Logger.Level.DEBUG, "pool ''{0}'': JMX unregistration failed: {1}", name, e);
        }
        registered = false;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public long getPoolMin() {
        return stats.get().poolMin();
    }

    @Override
    public long getPoolMax() {
        return stats.get().poolMax();
    }

    @Override
    public long getPoolSize() {
        return stats.get().poolSize();
    }

    @Override
    public long getPoolAvailable() {
        return stats.get().poolAvailable();
    }

    @Override
    public long getRequestsWaiting() {
        return stats.get().requestsWaiting();
    }

    @Override
    public long getUsageMs() {
        return stats.get().usageMs();
    }

    @Override
    public long getRequestsNum() {
        return stats.get().requestsNum();
    }

    @Override
    public long getRequestsQueued() {
        return stats.get().requestsQueued();
    }

    @Override
    public long getRequestsWaitMs() {
        return stats.get().requestsWaitMs();
    }

    @Override
    public long getRequestsErrors() {
        return stats.get().requestsErrors();
    }

    @Override
    public long getReturnsBad() {
        return stats.get().returnsBad();
    }

    @Override
    public long getConnectionsNum() {
        return stats.get().connectionsNum();
    }

    @Override
    public long getConnectionsMs() {
        return stats.get().connectionsMs();
    }

    @Override
    public long getConnectionsErrors() {
        return stats.get().connectionsErrors();
    }

    @Override
    public long getConnectionsLost() {
        return stats.get().connectionsLost();
    }

    @Override
    public Map<String, Long> getStats() {
        return stats.get().toMap();
    }

    @Override
    public void check() {
        check.run();
    }

    @Override
    public void drain() {
        drain.run();
    }
}
