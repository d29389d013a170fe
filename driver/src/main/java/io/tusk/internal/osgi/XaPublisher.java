package io.tusk.internal.osgi;

import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** Publishes the XA connection source of a configuration when the io.tusk.xa bundle is there. */
final class XaPublisher {
    private XaPublisher() {
    }

    static void publish(BundleContext context, ConnectionConfig config, List<ServiceRegistration<?>> registrations,
                        List<AutoCloseable> resources) {
        // Filled in once the xa module's TuskXAConnectionSource exists.
    }
}
