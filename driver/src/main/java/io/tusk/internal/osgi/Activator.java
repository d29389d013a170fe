package io.tusk.internal.osgi;

import java.lang.System.Logger.Level;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The driver bundle's activator: publishes the {@code io.tusk.connection} factory configuration
 * when the Config Admin API is wired to the bundle, and does nothing more otherwise, so the
 * driver starts in a bare framework with only the JDK.
 *
 * <p>It names no Config Admin type itself: those classes load only after the check, since the
 * import of {@code org.osgi.service.cm} is optional.
 */
public final class Activator implements BundleActivator {
    private static final System.Logger LOG = System.getLogger("io.tusk.osgi");

    private AutoCloseable factory;

    @Override
    public void start(BundleContext context) {
        if (!configAdminApiWired()) {
            LOG.log(Level.DEBUG, "org.osgi.service.cm is not wired to the Tusk driver bundle:"
                    + " no io.tusk.connection factory configuration");
            return;
        }
        factory = ConnectionSourceFactory.register(context);
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        if (factory != null) {
            factory.close();
            factory = null;
        }
    }

    private static boolean configAdminApiWired() {
        try {
            Class.forName("org.osgi.service.cm.ManagedServiceFactory", false, Activator.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
