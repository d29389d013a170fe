package io.tusk.xa.internal.osgi;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.BiFunction;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The xa bundle's activator: offers the driver bundle the hook through which every
 * {@code io.tusk.connection} configuration with {@code xa=true} gets a
 * {@link io.tusk.xa.TuskXAConnectionSource} service (see docs/deploy/karaf.md).
 *
 * <p>The hook is a JDK type ({@code BiFunction}) with the property {@code tusk.hook=xa-source},
 * because the driver can't depend on this bundle's classes. Stopping this bundle unregisters the
 * hook; the driver then drops the XA services, and the framework unregisters any left.
 */
public final class XaActivator implements BundleActivator {
    private ServiceRegistration<?> hook;

    @Override
    public void start(BundleContext context) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("tusk.hook", "xa-source");
        props.put("service.description", "Tusk: publishes a TuskXAConnectionSource per io.tusk.connection configuration");
        hook = context.registerService(BiFunction.class.getName(), new XaSourcePublisher(context), props);
    }

    @Override
    public void stop(BundleContext context) {
        if (hook != null) {
            try {
                hook.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered by the framework
            }
            hook = null;
        }
    }
}
