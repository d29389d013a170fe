package io.tusk.osgitest;

import static io.tusk.osgitest.ConfigAdminFelixIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.Hashtable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The {@code TuskXAConnectionSource} service of an {@code io.tusk.connection} configuration, in
 * Apache Felix with Felix Config Admin: published next to the pool while the xa bundle is active
 * and {@code xa} is not {@code false}, without the password, and gone with the xa bundle, with
 * {@code xa = false} and with the configuration.
 */
@PgTest
class XaSourceFelixIT {
    private static final String POOL = "io.tusk.pool.ConnectionPool";
    private static final String XA_SOURCE = "io.tusk.xa.TuskXAConnectionSource";

    @Test
    void configurationPublishesAnXaSourceThatFollowsTheXaBundleAndTheXaKey(TestDatabase db, @TempDir Path storage)
            throws Exception {
        try (EmbeddedFelix felix = new EmbeddedFelix(storage)) {
            BundleContext ctx = felix.framework.getBundleContext();
            ctx.installBundle(Bundles.configAdmin().toUri().toString()).start();
            ctx.installBundle(Bundles.driver().toUri().toString()).start();
            Bundle xa = ctx.installBundle(Bundles.xa().toUri().toString());
            xa.start();

            Object configuration = configure(ctx, db, null);
            await(() -> service(ctx, XA_SOURCE) != null, "the XA connection source to appear");
            ServiceReference<?> ref = service(ctx, XA_SOURCE);
            assertEquals("felix-xa", ref.getProperty("name"));
            assertEquals(db.dbname(), ref.getProperty("dbname"));
            assertEquals(PgUsers.SCRAM, ref.getProperty("user"));
            assertNull(ref.getProperty("password"), "no secret in the service properties");
            assertEquals(xa.getBundleId(), ref.getBundle().getBundleId(), "registered by the xa bundle");
            Object source = ctx.getService(ref);
            assertEquals("TuskXAConnectionSource[conninfo hidden]", source.toString());
            try (AutoCloseable xaConn = (AutoCloseable) Reflect.call(source, "getXAConnection")) {
                assertEquals("1", String.valueOf(Reflect.queryOne(Reflect.call(xaConn, "getConnection"), "SELECT 1")));
            }
            ctx.ungetService(ref);

            xa.stop();
            await(() -> service(ctx, XA_SOURCE) == null, "the XA source to go with the xa bundle");
            assertNotNull(service(ctx, POOL), "the pool stays without the xa bundle");
            xa.start();
            await(() -> service(ctx, XA_SOURCE) != null, "the XA source to come back with the xa bundle");

            Reflect.call(configuration, "update", properties(db, "false"));
            await(() -> service(ctx, XA_SOURCE) == null, "xa = false to unpublish the XA source");
            await(() -> service(ctx, POOL) != null, "the pool of the updated configuration");

            Reflect.call(configuration, "update", properties(db, "true"));
            await(() -> service(ctx, XA_SOURCE) != null, "xa = true to publish it again");
            Reflect.call(configuration, "delete");
            await(() -> service(ctx, XA_SOURCE) == null && service(ctx, POOL) == null,
                    "both services to go with the configuration");
        }
    }

    private static Object configure(BundleContext ctx, TestDatabase db, String xa) {
        Object cm = ctx.getService(ctx.getServiceReference("org.osgi.service.cm.ConfigurationAdmin"));
        Object configuration = Reflect.call(cm, "createFactoryConfiguration", "io.tusk.connection", "?");
        Reflect.call(configuration, "update", properties(db, xa));
        return configuration;
    }

    private static Hashtable<String, Object> properties(TestDatabase db, String xa) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", "felix-xa");
        props.put("host", db.host());
        props.put("port", db.port());
        props.put("dbname", db.dbname());
        props.put("user", PgUsers.SCRAM);
        props.put("password", "scram-secret");
        props.put("pool.min_size", 1);
        props.put("pool.max_size", 1);
        if (xa != null) {
            props.put("xa", xa);
        }
        return props;
    }

    private static ServiceReference<?> service(BundleContext ctx, String type) {
        try {
            // All: the test class path has its own io.tusk classes, so the assignable view would hide them.
            ServiceReference<?>[] refs = ctx.getAllServiceReferences(type, "(name=felix-xa)");
            return refs == null ? null : refs[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
