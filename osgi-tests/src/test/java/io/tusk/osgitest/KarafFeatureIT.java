package io.tusk.osgitest;

import static io.tusk.osgitest.ConfigAdminFelixIT.await;
import static io.tusk.osgitest.ConfigAdminFelixIT.backends;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.osgitest.probe.PoolProbe;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The features file in a real Apache Karaf 4.4: {@code feature:install tusk} starts every bundle,
 * and a factory configuration dropped into {@code etc/} publishes a pool that a user's bundle
 * queries; deleting the file unregisters the service and closes the connections.
 */
@PgTest
class KarafFeatureIT {

    @Test
    void featureInstallsAndAConfigurationFilePublishesAPool(TestDatabase db) throws Exception {
        String app = "tusk-osgi-karaf-" + ProcessHandle.current().pid();
        db.admin().execute("DROP TABLE IF EXISTS osgi_karaf; CREATE TABLE osgi_karaf (id int, v text);"
                + " INSERT INTO osgi_karaf VALUES (1, 'from karaf'); GRANT SELECT ON osgi_karaf TO PUBLIC");
        try (Karaf karaf = new Karaf()) {
            String install = karaf.client("feature:repo-add " + Bundles.features().toUri()
                    + "; feature:install tusk; feature:list -i");
            assertFalse(install.contains("Error") || install.contains("missing requirement"), install);
            assertTrue(install.lines().anyMatch(l -> l.startsWith("tusk ") && l.contains("Started")), install);

            String bundles = karaf.client("bundle:list -s -t 0 --no-format");
            assertTrue(bundles.lines().anyMatch(l -> l.contains("io.tusk.driver") && l.contains("Active")), bundles);
            assertTrue(bundles.lines().anyMatch(l -> l.contains("io.tusk.xa") && l.contains("Active")), bundles);
            assertTrue(bundles.lines().noneMatch(l -> l.contains("Installed") || l.contains("Failure")), bundles);

            Path probe = karaf.home.resolveSibling("tusk-probe.jar");
            Files.write(probe, ProbeJar.bytes("tusk.probe",
                    "io.tusk,io.tusk.pool,io.tusk.rows,org.osgi.framework", PoolProbe.class));
            String started = karaf.client("bundle:install -s " + probe.toUri());
            assertFalse(started.contains("Error"), started);

            Path cfg = karaf.home.resolve("etc/io.tusk.connection-karaf.cfg");
            Files.write(cfg, List.of("name = karaf-it", "host = " + db.host(), "port = " + db.port(),
                    "dbname = " + db.dbname(), "user = " + PgUsers.SCRAM, "password = scram-secret",
                    "application_name = " + app, "pool.min_size = 1", "pool.max_size = 2"));
            Path seen = karaf.data().resolve("tusk-probe.txt");
            await(() -> read(seen).contains("added karaf-it"), () -> "the probe to see the pool: " + read(seen));
            assertTrue(read(seen).contains("added karaf-it from karaf"), read(seen));
            await(() -> backends(db.admin(), app) >= 1, "the pool's connection");

            Files.delete(cfg);
            await(() -> read(seen).contains("removed karaf-it"), () -> "the service to go away: " + read(seen));
            await(() -> backends(db.admin(), app) == 0, "the pool's connections to close");
            assertEquals(0, backends(db.admin(), app));
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
