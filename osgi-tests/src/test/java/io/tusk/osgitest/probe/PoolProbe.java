package io.tusk.osgitest.probe;

import io.tusk.pool.ConnectionPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * A test bundle for Karaf: as a user's bundle would, it looks up the {@link ConnectionPool}
 * services the driver publishes, runs a query through each and writes what it saw to
 * {@code ${karaf.data}/tusk-probe.txt} ({@code added <name> <value>}, {@code removed <name>}).
 */
public final class PoolProbe implements BundleActivator, ServiceListener {
    private static final String FILTER = "(objectClass=io.tusk.pool.ConnectionPool)";
    private BundleContext context;

    @Override
    public void start(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        context.addServiceListener(this, FILTER);
        ServiceReference<?>[] existing = context.getServiceReferences(ConnectionPool.class.getName(), null);
        if (existing != null) {
            for (ServiceReference<?> ref : existing) {
                added(ref);
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
        context.removeServiceListener(this);
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        if (event.getType() == ServiceEvent.REGISTERED) {
            added(event.getServiceReference());
        } else if (event.getType() == ServiceEvent.UNREGISTERING) {
            write("removed " + event.getServiceReference().getProperty("name"));
        }
    }

    private void added(ServiceReference<?> ref) {
        ConnectionPool pool = (ConnectionPool) context.getService(ref);
        try {
            Object value = pool.withConnection(conn -> conn.execute("SELECT v FROM osgi_karaf WHERE id = 1").fetchone().get(0));
            write("added " + ref.getProperty("name") + " " + value);
        } catch (RuntimeException e) {
            write("failed " + ref.getProperty("name") + " " + e);
        } finally {
            context.ungetService(ref);
        }
    }

    private static synchronized void write(String line) {
        Path file = Paths.get(System.getProperty("karaf.data", "."), "tusk-probe.txt");
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
