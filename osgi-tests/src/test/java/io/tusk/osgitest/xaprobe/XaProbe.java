package io.tusk.osgitest.xaprobe;

import io.tusk.xa.TuskXAConnection;
import io.tusk.xa.TuskXAConnectionSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.TreeSet;
import javax.transaction.Status;
import javax.transaction.TransactionManager;
import javax.transaction.xa.XAResource;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A test bundle for Karaf, written as a user's bundle would be: it takes Karaf's
 * {@code javax.transaction.TransactionManager} service and the two
 * {@link TuskXAConnectionSource} services the driver publishes for the configurations
 * {@code name=xa-a} and {@code name=xa-b}, then runs one XA transaction over both databases that
 * commits and one that rolls back, inserting {@code 'commit'} resp. {@code 'rollback'} into table
 * {@code osgi_xa} of each. It writes what happened to {@code ${karaf.data}/tusk-xa-probe.txt}:
 * {@code properties key=value...} of each XA service, {@code committed}, {@code rolled back} or {@code failed <error>}.
 */
public final class XaProbe implements BundleActivator {
    private Thread worker;

    @Override
    public void start(BundleContext context) throws org.osgi.framework.InvalidSyntaxException {
        lastTmChange = System.currentTimeMillis();
        context.addServiceListener(event -> lastTmChange = System.currentTimeMillis(),
                "(objectClass=" + TransactionManager.class.getName() + ")");
        // The services come up asynchronously (feature install, configuration files): wait for
        // them on a thread of our own rather than in start().
        worker = new Thread(() -> run(context), "tusk-xa-probe");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop(BundleContext context) throws InterruptedException {
        worker.interrupt();
        worker.join(10_000);
    }

    private static void run(BundleContext context) {
        try {
            TuskXAConnectionSource a = await(context, TuskXAConnectionSource.class, "(name=xa-a)");
            TuskXAConnectionSource b = await(context, TuskXAConnectionSource.class, "(name=xa-b)");
            inTransaction(begin(context), a, b, "commit", true);
            write("committed");
            inTransaction(begin(context), a, b, "rollback", false);
            write("rolled back");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            StringBuilder trace = new StringBuilder("failed " + e);
            for (StackTraceElement frame : e.getStackTrace()) {
                trace.append("\n  at ").append(frame);
            }
            write(trace.toString());
        }
    }

    /**
     * The current TransactionManager service with a transaction begun on it, once that service
     * has settled. Karaf's transaction feature (pax-transx) may replace its manager when its
     * configuration arrives after it started; the replaced manager's log is closed, so a
     * transaction begun on it fails at commit, after prepare (HOWLLog: IllegalStateException),
     * leaving its branches prepared for recovery. A user's bundle tracks the service; this probe
     * waits until no TransactionManager was (un)registered for {@value #SETTLE_MS} ms.
     */
    private static TransactionManager begin(BundleContext context) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.currentTimeMillis() - lastTmChange < SETTLE_MS) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the TransactionManager service did not settle within 60 s");
            }
            Thread.sleep(200);
        }
        TransactionManager tm = await(context, TransactionManager.class, null);
        tm.begin();
        return tm;
    }

    private static final long SETTLE_MS = 5_000;
    /** When a TransactionManager service was last registered or unregistered (start: the probe's start). */
    private static volatile long lastTmChange = System.currentTimeMillis();

    /** The global transaction begun on {@code tm}, with a branch on each database: inserts {@code value}, then commits or rolls back. */
    private static void inTransaction(TransactionManager tm, TuskXAConnectionSource a, TuskXAConnectionSource b,
                                      String value, boolean commit) throws Exception {
        try (TuskXAConnection xa = a.getXAConnection(); TuskXAConnection xb = b.getXAConnection()) {
            try {
                tm.getTransaction().enlistResource(named(xa.getXAResource(), "xa-a"));
                tm.getTransaction().enlistResource(named(xb.getXAResource(), "xa-b"));
                xa.getConnection().execute("INSERT INTO osgi_xa VALUES (%s)", value);
                xb.getConnection().execute("INSERT INTO osgi_xa VALUES (%s)", value);
            } catch (Exception | Error e) {
                tm.rollback();
                throw e;
            }
            if (commit) {
                tm.commit();    // two branches: prepare both, then commit both
            } else {
                tm.rollback();
            }
            if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
                throw new IllegalStateException("the transaction is still associated: status " + tm.getStatus());
            }
        }
    }

    /**
     * Karaf's Geronimo transaction manager logs only {@code NamedXAResource}s: wrapped as
     * docs/deploy/karaf.md shows ({@code new WrapperNamedXAResource(resource, name)}). Reflection
     * only spares this test module a build dependency on the Geronimo classes; the bundle imports
     * their package like a user's bundle would.
     */
    private static XAResource named(XAResource resource, String name) throws ReflectiveOperationException {
        Class<?> wrapper = XaProbe.class.getClassLoader()
                .loadClass("org.apache.geronimo.transaction.manager.WrapperNamedXAResource");
        return (XAResource) wrapper.getConstructor(XAResource.class, String.class).newInstance(resource, name);
    }

    private static <T> T await(BundleContext context, Class<T> type, String filter) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            ServiceReference<?>[] refs = context.getServiceReferences(type.getName(), filter);
            if (refs != null) {
                if (filter != null) {
                    StringBuilder props = new StringBuilder("properties");
                    for (String key : new TreeSet<>(Arrays.asList(refs[0].getPropertyKeys()))) {
                        Object v = refs[0].getProperty(key);
                        props.append(' ').append(key).append('=').append(v instanceof Object[] arr ? Arrays.toString(arr) : v);
                    }
                    write(props.toString());
                }
                return type.cast(context.getService(refs[0]));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no " + type.getName() + " service " + (filter == null ? "" : filter)
                + " within 60 s");
    }

    private static synchronized void write(String line) {
        Path file = Paths.get(System.getProperty("karaf.data", "."), "tusk-xa-probe.txt");
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
