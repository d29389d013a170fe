package io.tusk.internal.osgi;

import io.tusk.pool.ConnectionPool;
import io.tusk.pool.PoolBuilder;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The services published for one {@link ConnectionConfig}: a {@link ConnectionPool} and, when
 * the xa bundle is there, an XA connection source. Closing it unregisters the services first
 * (so no new user finds them) and then closes the pool and its connections.
 */
final class PublishedSource implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.tusk.osgi");

    private final ConnectionConfig config;
    private final ConnectionPool pool;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    private PublishedSource(ConnectionConfig config, ConnectionPool pool) {
        this.config = config;
        this.pool = pool;
    }

    /** Opens the pool (connections are made in the background) and registers its services. */
    static PublishedSource publish(BundleContext context, ConnectionConfig config) {
        PublishedSource source = new PublishedSource(config, openPool(config));
        try {
            source.registrations.add(context.registerService(ConnectionPool.class, source.pool,
                    config.serviceProperties()));
            if (config.xa()) {
                XaPublisher.publish(context, config, source.registrations, source.resources);
            }
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        LOG.log(Level.INFO, "published Tusk connection pool ''{0}'' for {1}", config.name(), config);
        return source;
    }

    private static ConnectionPool openPool(ConnectionConfig config) {
        PoolBuilder<? extends ConnectionPool> builder = ConnectionPool.builder(config.conninfo()).name(config.name());
        ConnectionConfig.PoolSettings s = config.pool();
        if (s.maxSize() != null && s.minSize() == null) {
            builder.minSize(Math.min(4, s.maxSize()));
        }
        if (s.minSize() != null) {
            builder.minSize(s.minSize());
        }
        if (s.maxSize() != null) {
            builder.maxSize(s.maxSize());
        }
        if (s.timeout() != null) {
            builder.timeout(s.timeout());
        }
        if (s.maxWaiting() != null) {
            builder.maxWaiting(s.maxWaiting());
        }
        if (s.maxLifetime() != null) {
            builder.maxLifetime(s.maxLifetime());
        }
        if (s.maxIdle() != null) {
            builder.maxIdle(s.maxIdle());
        }
        if (s.reconnectTimeout() != null) {
            builder.reconnectTimeout(s.reconnectTimeout());
        }
        return builder.open();
    }

    @Override
    public void close() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The framework unregisters a stopping bundle's services itself.
            }
        }
        registrations.clear();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing a resource of ''{0}'' failed: {1}", config.name(), e.toString());
            }
        }
        resources.clear();
        pool.close();
        LOG.log(Level.INFO, "closed Tusk connection pool ''{0}''", config.name());
    }
}
