package io.tusk.internal.osgi;

import java.util.Dictionary;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.cm.ManagedServiceFactory;

/**
 * The Config Admin managed service factory of PID {@code io.tusk.connection} (OSGi Compendium
 * 104.6): each factory configuration becomes a {@link PublishedSource}; an update that changes it
 * replaces it (an unchanged one keeps it) and a deletion closes it.
 *
 * <pre>{@code
 * Configuration c = configAdmin.createFactoryConfiguration("io.tusk.connection", "?");
 * c.update(new Hashtable<>(Map.of("name", "app", "host", "db", "dbname", "app", "user", "app")));
 * // a io.tusk.pool.ConnectionPool service with name=app appears
 * }</pre>
 */
final class ConnectionSourceFactory implements ManagedServiceFactory, AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.tusk.osgi");

    private final BundleContext context;
    private final Map<String, PublishedSource> sources = new ConcurrentHashMap<>();
    private ServiceRegistration<ManagedServiceFactory> registration;
    private XaPublisher xa;

    private ConnectionSourceFactory(BundleContext context) {
        this.context = context;
    }

    /** Registers the factory; closing the result unregisters it and closes every source. */
    static AutoCloseable register(BundleContext context) {
        ConnectionSourceFactory factory = new ConnectionSourceFactory(context);
        factory.xa = XaPublisher.track(context, factory::xaHookChanged);
        Dictionary<String, Object> props = new java.util.Hashtable<>();
        props.put(Constants.SERVICE_PID, ConnectionConfig.FACTORY_PID);
        props.put(Constants.SERVICE_DESCRIPTION, "Tusk PostgreSQL connection pools");
        factory.registration = context.registerService(ManagedServiceFactory.class, factory, props);
        return factory;
    }

    @Override
    public String getName() {
        return "Tusk PostgreSQL connection pools";
    }

    /* Config Admin calls updated/deleted one at a time per factory (104.6.1), yet the bundle
       may stop meanwhile: synchronized keeps close() from racing a publication. */
    @Override
    public synchronized void updated(String pid, Dictionary<String, ?> properties) throws ConfigurationException {
        ConnectionConfig config;
        try {
            config = ConnectionConfig.from(pid, properties);
        } catch (IllegalArgumentException e) {
            // A typo in a .cfg must not take a working pool away: the running one (if any) stays
            // published with its last good settings until the configuration is corrected.
            boolean kept = sources.containsKey(pid);
            String message = e.getMessage() + (kept ? "; the running pool keeps its previous settings" : "; no pool is published");
            LOG.log(System.Logger.Level.ERROR, message);
            throw new ConfigurationException(ConnectionConfig.badKey(e), message);
        }
        PublishedSource current = sources.get(pid);
        if (current != null && current.config().equals(config)) {
            // Config Admin redelivers unchanged configurations (when the factory registers, when
            // File Install sees a file touched): the pool and the connections lent out stay.
            return;
        }
        deleted(pid);
        sources.put(pid, PublishedSource.publish(context, config, xa.hook()));
    }

    /** The xa bundle started (a hook) or stopped ({@code null}): (un)publish every XA source. */
    private synchronized void xaHookChanged(XaPublisher.Hook hook) {
        for (PublishedSource source : sources.values()) {
            source.attachXa(hook);
        }
    }

    @Override
    public synchronized void deleted(String pid) {
        PublishedSource old = sources.remove(pid);
        if (old != null) {
            old.close();
        }
    }

    @Override
    public synchronized void close() {
        xa.close();
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // unregistered by the framework as the bundle stopped
        }
        for (String pid : sources.keySet()) {
            deleted(pid);
        }
    }
}
