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
 * the xa bundle is there, an XA connection source ({@code io.tusk.xa.TuskXAConnectionSource},
 * registered by the xa bundle through {@link XaPublisher}). Closing it unregisters the services first
 * (so no new user finds them) and then closes the pool and its connections.
 */
final class PublishedSource implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.tusk.osgi");

    private final ConnectionConfig config;
    private final ConnectionPool pool;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private AutoCloseable xaSource;

    private PublishedSource(ConnectionConfig config, ConnectionPool pool) {
        this.config = config;
        this.pool = pool;
    }

    /** Opens the pool (connections are made in the background) and registers its services. */
    static PublishedSource publish(BundleContext context, ConnectionConfig config, XaPublisher.Hook xaHook) {
        PublishedSource source = new PublishedSource(config, openPool(config));
        try {
            source.registrations.add(context.registerService(ConnectionPool.class, source.pool,
                    config.serviceProperties()));
            source.attachXa(xaHook);
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
        if (s.check()) {
            builder.check(ConnectionPool::checkConnection);
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

    ConnectionConfig config() {
        return config;
    }

    /**
     * Publishes the XA connection source through the xa bundle's hook, when the configuration
     * wants one ({@code xa=true}) and the hook is there; replaces one published before.
     */
    synchronized void attachXa(XaPublisher.Hook hook) {
        detachXa();
        if (hook == null || !config.xa()) {
            return;
        }
        try {
            xaSource = hook.publish(config.conninfo(), config.serviceProperties());
            LOG.log(Level.INFO, "published Tusk XA connection source ''{0}''", config.name());
        } catch (RuntimeException e) {
            // The pool stays usable; the message is the xa bundle's and never holds the conninfo.
            LOG.log(Level.WARNING, "publishing the XA connection source of ''{0}'' failed: {1}", config.name(),
                    e.toString());
        }
    }

    /** Unregisters the XA connection source, if one is published. */
    synchronized void detachXa() {
        if (xaSource == null) {
            return;
        }
        try {
            xaSource.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "unregistering the XA connection source of ''{0}'' failed: {1}", config.name(),
                    e.toString());
        }
        xaSource = null;
    }

    @Override
    public void close() {
        detachXa();
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The framework unregisters a stopping bundle's services itself.
            }
        }
        registrations.clear();
        pool.close();
        LOG.log(Level.INFO, "closed Tusk connection pool ''{0}''", config.name());
    }
}
