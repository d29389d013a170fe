package io.tusk.osgitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** The driver bundle in a framework that has nothing but the JDK: no Config Admin, no other bundle. */
@PgTest
class BareFrameworkIT {

    @Test
    void driverBundleResolvesStartsAndConnectsWithOnlyTheJdk(TestDatabase db, @TempDir Path storage) throws Exception {
        try (EmbeddedFelix felix = new EmbeddedFelix(storage)) {
            Bundle driver = felix.framework.getBundleContext().installBundle(Bundles.driver().toUri().toString());
            driver.start();
            assertEquals(Bundle.ACTIVE, driver.getState());
            assertEquals("io.tusk.driver", driver.getSymbolicName());

            Class<?> tusk = driver.loadClass("io.tusk.Tusk");
            Object conn = Reflect.callStatic(tusk, "connect", db.conninfo(PgUsers.SCRAM));
            try {
                assertEquals(42, Reflect.queryOne(conn, "SELECT 40 + 2"));
            } finally {
                Reflect.call(conn, "close");
            }
            driver.stop();
            assertEquals(Bundle.RESOLVED, driver.getState());
        }
    }

    @Test
    void internalPackagesAreNotVisibleToOtherBundles(@TempDir Path storage) throws Exception {
        try (EmbeddedFelix felix = new EmbeddedFelix(storage)) {
            felix.framework.getBundleContext().installBundle(Bundles.driver().toUri().toString()).start();
            Bundle consumer = felix.framework.getBundleContext().installBundle("consumer",
                    ProbeJar.build("test.consumer", "io.tusk;version=\"[0.1,1)\",io.tusk.internal.connection;resolution:=optional",
                            null));
            consumer.start();
            assertEquals("io.tusk.Tusk", consumer.loadClass("io.tusk.Tusk").getName());
            assertThrows(ClassNotFoundException.class,
                    () -> consumer.loadClass("io.tusk.internal.connection.ConnectionImpl"));
        }
    }
}
