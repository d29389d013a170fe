package io.tusk.internal.osgi;

import java.lang.System.Logger.Level;
import java.util.Dictionary;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * Finds the {@code io.tusk.xa} bundle's publisher of XA connection sources, so that each
 * {@code io.tusk.connection} configuration with {@code xa=true} also gets a
 * {@code io.tusk.xa.TuskXAConnectionSource} service.
 *
 * <p>The driver can't name the xa bundle's classes (the xa bundle depends on the driver, not the
 * other way round), so the xa bundle registers a JDK-typed hook: a
 * {@code BiFunction<String, Dictionary<String, Object>, AutoCloseable>} with the service property
 * {@code tusk.hook=xa-source}, that takes the connection string and the service properties and
 * returns the handle that unregisters the XA service. The connection string holds the password,
 * so only a hook registered by the bundle {@code io.tusk.xa} is ever given one.
 *
 * <pre>{@code
 * XaPublisher xa = XaPublisher.track(context, hook -> republishAll(hook));   // hook is null when the xa bundle leaves
 * AutoCloseable handle = xa.hook().publish(config.conninfo(), config.serviceProperties());
 * }</pre>
 */
final class XaPublisher implements ServiceListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.tusk.osgi");

    /** The xa bundle's symbolic name: the only bundle trusted with a configuration's password. */
    static final String XA_BUNDLE = "io.tusk.xa";
    static final String FILTER = "(&(objectClass=" + BiFunction.class.getName() + ")(tusk.hook=xa-source))";

    /** The hook's shape: (conninfo, service properties) to the handle that unregisters the XA service. */
    interface Hook {
        AutoCloseable publish(String conninfo, Dictionary<String, Object> properties);
    }

    private final BundleContext context;
    private final Consumer<Hook> onChange;
    private ServiceReference<?> reference;
    private volatile Hook hook;

    private XaPublisher(BundleContext context, Consumer<Hook> onChange) {
        this.context = context;
        this.onChange = onChange;
    }

    /**
     * Starts watching for the hook. {@code onChange} is called with the new hook when the xa
     * bundle starts, and with {@code null} when it stops; never while this object holds a lock.
     */
    static XaPublisher track(BundleContext context, Consumer<Hook> onChange) {
        XaPublisher publisher = new XaPublisher(context, onChange);
        try {
            context.addServiceListener(publisher, FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // the filter is a constant
        }
        publisher.lookForHook();
        return publisher;
    }

    /** The current hook, or {@code null} when the xa bundle is not active. */
    Hook hook() {
        return hook;
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        ServiceReference<?> ref = event.getServiceReference();
        switch (event.getType()) {
            case ServiceEvent.REGISTERED -> lookForHook();
            case ServiceEvent.UNREGISTERING, ServiceEvent.MODIFIED_ENDMATCH -> {
                if (release(ref)) {
                    onChange.accept(null);
                    lookForHook();
                }
            }
            default -> {
            }
        }
    }

    private void lookForHook() {
        Hook found;
        synchronized (this) {
            if (reference != null) {
                return;
            }
            found = take();
        }
        if (found != null) {
            onChange.accept(found);
        }
    }

    @SuppressWarnings("unchecked")
    private Hook take() {
        ServiceReference<?>[] refs;
        try {
            refs = context.getServiceReferences(BiFunction.class.getName(), "(tusk.hook=xa-source)");
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return null;
        }
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            if (ref.getBundle() == null || !XA_BUNDLE.equals(ref.getBundle().getSymbolicName())) {
                LOG.log(Level.WARNING, "ignoring a tusk.hook=xa-source service of bundle {0}: only {1} may publish"
                        + " XA connection sources", ref.getBundle(), XA_BUNDLE);
                continue;
            }
            Object service = context.getService(ref);
            if (service instanceof BiFunction<?, ?, ?> function) {
                BiFunction<String, Dictionary<String, Object>, AutoCloseable> f =
                        (BiFunction<String, Dictionary<String, Object>, AutoCloseable>) function;
                reference = ref;
                hook = f::apply;
                return hook;
            }
            if (service != null) {
                context.ungetService(ref);
            }
        }
        return null;
    }

    private synchronized boolean release(ServiceReference<?> ref) {
        if (reference == null || !reference.equals(ref)) {
            return false;
        }
        hook = null;
        reference = null;
        try {
            context.ungetService(ref);
        } catch (IllegalStateException stopping) {
            // this bundle is stopping: the framework releases it
        }
        return true;
    }

    @Override
    public void close() {
        try {
            context.removeServiceListener(this);
        } catch (IllegalStateException stopping) {
            // the framework removes a stopping bundle's listeners
        }
        ServiceReference<?> ref;
        synchronized (this) {
            ref = reference;
        }
        if (ref != null) {
            release(ref);
        }
    }
}
