package io.tusk.xa.internal.osgi;

import io.tusk.xa.TuskXAConnectionSource;
import java.lang.System.Logger.Level;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.function.BiFunction;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Registers one {@link TuskXAConnectionSource} service (JDBC's {@code XADataSource} for Tusk) for
 * a connection configuration: called by the driver bundle with the configuration's connection
 * string and its service properties ({@code name}, {@code tusk.pid}, {@code host}, ...; never the
 * password), it returns the handle that unregisters the service.
 *
 * <pre>{@code
 * AutoCloseable handle = publisher.apply("host=db dbname=app user=app password=...", props);
 * handle.close();   // the service is gone
 * }</pre>
 *
 * <p>A {@code TuskXAConnectionSource} holds no connection of its own (each
 * {@code getXAConnection()} opens a session its caller closes), so unregistering is all there is
 * to close.
 */
final class XaSourcePublisher implements BiFunction<String, Dictionary<String, Object>, AutoCloseable> {
    private static final System.Logger LOG = System.getLogger("io.tusk.osgi");

    private final BundleContext context;

    XaSourcePublisher(BundleContext context) {
        this.context = context;
    }

    @Override
    public AutoCloseable apply(String conninfo, Dictionary<String, Object> properties) {
        Hashtable<String, Object> props = new Hashtable<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            if (!key.equals("password")) { // the driver never sends it; never publish it anyway
                props.put(key, properties.get(key));
            }
        }
        ServiceRegistration<TuskXAConnectionSource> registration =
                context.registerService(TuskXAConnectionSource.class, new TuskXAConnectionSource(conninfo), props);
        Object name = props.get("name");
        LOG.log(Level.DEBUG, "registered TuskXAConnectionSource ''{0}''", name);
        return () -> {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // this bundle stopped: the framework unregistered it
            }
        };
    }
}
