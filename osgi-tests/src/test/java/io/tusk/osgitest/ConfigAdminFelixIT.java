package io.tusk.osgitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.Admin;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.AllServiceListener;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;

/**
 * The {@code io.tusk.connection} factory configuration with Apache Felix Config Admin: a
 * configuration publishes a pool service, deleting it (or stopping the bundle) unregisters the
 * service and closes the connections.
 */
@PgTest
class ConfigAdminFelixIT {
    private static final String POOL = "io.tusk.pool.ConnectionPool";

    @Test
    void factoryConfigurationPublishesAPoolAndDeletionClosesIt(TestDatabase db, @TempDir Path storage) throws Exception {
        String app = "tusk-osgi-cm-" + ProcessHandle.current().pid();
        db.admin().execute("DROP TABLE IF EXISTS osgi_cm; CREATE TABLE osgi_cm (id int, v text);"
                + " INSERT INTO osgi_cm VALUES (1, 'from config admin'); GRANT SELECT ON osgi_cm TO PUBLIC");
        try (EmbeddedFelix felix = new EmbeddedFelix(storage)) {
            BundleContext ctx = felix.framework.getBundleContext();
            ctx.installBundle(Bundles.configAdmin().toUri().toString()).start();
            Bundle driver = ctx.installBundle(Bundles.driver().toUri().toString());
            driver.start();

            Object configuration = createConfiguration(ctx, db, app);
            ServiceReference<?> ref = await(() -> pool(ctx, "felix-app") != null,
                    () -> "the pool service to appear; services: " + services(ctx)) ? pool(ctx, "felix-app") : null;
            assertNotNull(ref);
            assertEquals(db.dbname(), ref.getProperty("dbname"));
            assertNull(ref.getProperty("password"), "no secret in the service properties");
            Object pool = ctx.getService(ref);
            Object conn = Reflect.call(pool, "getconn");
            try {
                assertEquals("from config admin", Reflect.queryOne(conn, "SELECT v FROM osgi_cm WHERE id = 1"));
            } finally {
                Reflect.call(pool, "putconn", conn);
            }
            ctx.ungetService(ref);
            assertEquals(1, await(() -> backends(db.admin(), app) >= 1, "a pooled connection") ? 1 : 0);

            // A configuration delivered again unchanged (Config Admin may redeliver; Felix's
            // skips an identical update itself, so the factory is called directly here) keeps
            // the pool; a changed one, through Config Admin, replaces it once.
            java.util.concurrent.atomic.AtomicInteger registered = new java.util.concurrent.atomic.AtomicInteger();
            // All: the test class path has its own io.tusk classes (see pool(...)).
            AllServiceListener counter = event -> {
                if (event.getType() == ServiceEvent.REGISTERED) {
                    registered.incrementAndGet();
                }
            };
            ctx.addServiceListener(counter, "(&(objectClass=" + POOL + ")(name=felix-app))");
            ServiceReference<?>[] factories = ctx.getAllServiceReferences("org.osgi.service.cm.ManagedServiceFactory",
                    "(service.pid=io.tusk.connection)");
            Object factory = ctx.getService(factories[0]);
            Reflect.call(factory, "updated", Reflect.call(configuration, "getPid"), Reflect.call(configuration, "getProperties"));
            ctx.ungetService(factories[0]);
            String changed = app + "-2";
            Reflect.call(configuration, "update", properties(db, changed));
            await(() -> changed.equals(poolProperty(ctx, "felix-app", "application_name")),
                    "the changed configuration to replace the pool");
            ctx.removeServiceListener(counter);
            assertEquals(1, registered.get(), "only the changed configuration publishes a new pool");
            await(() -> backends(db.admin(), app) == 0, "the replaced pool's connections to close");
            await(() -> backends(db.admin(), changed) >= 1, "the new pool to connect");
            Reflect.call(configuration, "update", properties(db, app));
            await(() -> app.equals(poolProperty(ctx, "felix-app", "application_name")),
                    "the first configuration to come back");
            await(() -> backends(db.admin(), app) >= 1, "the pool to connect again");

            // A typo in the configuration (pool.max_size = ten) is refused, naming the key, and
            // the running pool stays published and connected with its previous settings.
            Hashtable<String, Object> typo = properties(db, app);
            typo.put("pool.max_size", "ten");
            Object factoryAgain = ctx.getService(factories[0]);
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> Reflect.call(factoryAgain, "updated", Reflect.call(configuration, "getPid"), typo));
            ctx.ungetService(factories[0]);
            Throwable cause = refused;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertEquals("org.osgi.service.cm.ConfigurationException", cause.getClass().getName(), String.valueOf(cause));
            assertEquals("pool.max_size", Reflect.call(cause, "getProperty"));
            assertTrue(cause.getMessage().contains("keeps its previous settings"), cause.getMessage());
            assertEquals(app, poolProperty(ctx, "felix-app", "application_name"), "the pool is still published");
            assertTrue(backends(db.admin(), app) >= 1, "its connections stay open");

            Reflect.call(configuration, "delete");
            await(() -> pool(ctx, "felix-app") == null, "the pool service to go away");
            await(() -> backends(db.admin(), app) == 0, "the pool's connections to close");
            assertEquals(0, backends(db.admin(), app));

            // A new configuration, then the driver bundle stopping: the same clean-up.
            createConfiguration(ctx, db, app);
            await(() -> backends(db.admin(), app) >= 1, "the second pool to connect");
            driver.stop();
            assertNull(pool(ctx, "felix-app"));
            await(() -> backends(db.admin(), app) == 0, "the connections to close as the bundle stops");
            assertEquals(0, backends(db.admin(), app));
        }
    }

    /**
     * What a database restart does to a pool: every idle connection is dead. With
     * {@code pool.check = true} the next borrower still gets a working connection; without it,
     * the first request fails.
     */
    @Test
    void poolCheckReplacesConnectionsTheServerDropped(TestDatabase db, @TempDir Path storage) throws Exception {
        String app = "tusk-osgi-check-" + ProcessHandle.current().pid();
        try (EmbeddedFelix felix = new EmbeddedFelix(storage)) {
            BundleContext ctx = felix.framework.getBundleContext();
            ctx.installBundle(Bundles.configAdmin().toUri().toString()).start();
            ctx.installBundle(Bundles.driver().toUri().toString()).start();
            ServiceReference<?> cmRef = ctx.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
            Object cm = ctx.getService(cmRef);
            for (boolean check : new boolean[] {false, true}) {
                Hashtable<String, Object> props = properties(db, app);
                props.put("pool.min_size", 1);
                props.put("pool.max_size", 1);
                props.put("pool.check", String.valueOf(check));
                Object configuration = Reflect.call(cm, "createFactoryConfiguration", "io.tusk.connection", "?");
                Reflect.call(configuration, "update", props);
                await(() -> pool(ctx, "felix-app") != null && backends(db.admin(), app) == 1, "the pool to connect");
                Object pool = ctx.getService(pool(ctx, "felix-app"));
                db.admin().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + app + "'");
                await(() -> backends(db.admin(), app) == 0, "the server to drop the pool's connection");
                String answer;
                Object conn = Reflect.call(pool, "getconn");
                try {
                    answer = String.valueOf(Reflect.queryOne(conn, "SELECT 'alive'"));
                } catch (RuntimeException e) {
                    answer = "failed: " + e;
                } finally {
                    Reflect.call(pool, "putconn", conn);
                }
                if (check) {
                    assertEquals("alive", answer, "pool.check = true: a new connection replaces the dead one");
                } else {
                    assertTrue(answer.startsWith("failed"), "without pool.check the dead connection is lent: " + answer);
                }
                Reflect.call(configuration, "delete");
                await(() -> pool(ctx, "felix-app") == null, "the pool service to go away");
            }
        }
    }

    private static Object createConfiguration(BundleContext ctx, TestDatabase db, String app) {
        ServiceReference<?> cmRef = ctx.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        Object cm = ctx.getService(cmRef);
        Object configuration = Reflect.call(cm, "createFactoryConfiguration", "io.tusk.connection", "?");
        Reflect.call(configuration, "update", properties(db, app));
        return configuration;
    }

    private static Hashtable<String, Object> properties(TestDatabase db, String app) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", "felix-app");
        props.put("host", db.host());
        props.put("port", db.port());
        props.put("dbname", db.dbname());
        props.put("user", PgUsers.SCRAM);
        props.put("password", "scram-secret");
        props.put("application_name", app);
        props.put("pool.min_size", 1);
        props.put("pool.max_size", 2);
        return props;
    }

    private static ServiceReference<?> pool(BundleContext ctx, String name) {
        try {
            // All: the test class path has its own io.tusk classes, so the assignable view would hide them.
            ServiceReference<?>[] refs = ctx.getAllServiceReferences(POOL, "(name=" + name + ")");
            return refs == null ? null : refs[0];
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A property of the pool service named {@code name}, null while there is none. */
    private static Object poolProperty(BundleContext ctx, String name, String key) {
        ServiceReference<?> ref = pool(ctx, name);
        return ref == null ? null : ref.getProperty(key);
    }

    static int backends(Admin admin, String applicationName) {
        return Integer.parseInt(admin.queryScalar(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + applicationName + "'"));
    }

    private static String services(BundleContext ctx) {
        StringBuilder out = new StringBuilder();
        try {
            for (ServiceReference<?> r : ctx.getAllServiceReferences(null, null)) {
                out.append(java.util.Arrays.toString((String[]) r.getProperty("objectClass")))
                        .append(" from ").append(r.getBundle().getSymbolicName()).append("; ");
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        for (Bundle b : ctx.getBundles()) {
            out.append(b.getSymbolicName()).append('=').append(b.getState()).append(' ');
        }
        return out.toString();
    }

    static boolean await(BooleanSupplier condition, String what) throws InterruptedException {
        return await(condition, () -> what);
    }

    static boolean await(BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        // Generous: Karaf and Config Admin on two loaded cores (CI) can take tens of seconds, and the
        // wait ends as soon as the condition holds.
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what.get());
    }
}
