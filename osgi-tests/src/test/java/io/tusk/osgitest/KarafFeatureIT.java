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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        KarafGuide guide = new KarafGuide();
        try (Karaf karaf = new Karaf(false)) {
            // The guide's install commands as written, with the path of this build's .kar.
            List<String> commands = guide.installCommands().stream()
                    .map(c -> c.replaceAll("kar:install file:\\S+", "kar:install " + Bundles.kar().toUri())).toList();
            assertTrue(commands.stream().anyMatch(c -> c.startsWith("kar:install file:")), commands::toString);
            String install = karaf.client(String.join("; ", commands) + "; feature:list -i");
            assertFalse(install.contains("Error") || install.contains("missing requirement"), install);
            assertTrue(install.lines().anyMatch(l -> l.startsWith("tusk ") && l.contains("Started")), install);

            String bundles = karaf.client("bundle:list -s -t 0 --no-format");
            assertTrue(bundles.lines().anyMatch(l -> l.contains("io.tusk.driver") && l.contains("Active")), bundles);
            assertTrue(bundles.lines().anyMatch(l -> l.contains("io.tusk.xa") && l.contains("Active")), bundles);
            assertTrue(bundles.lines().anyMatch(l -> l.contains("io.tusk.jdbc") && l.contains("Active")), bundles);
            assertTrue(bundles.lines().noneMatch(l -> l.contains("Installed") || l.contains("Failure")), bundles);

            Path probe = karaf.home.resolveSibling("tusk-probe.jar");
            Files.write(probe, ProbeJar.bytes("tusk.probe",
                    "io.tusk,io.tusk.pool,io.tusk.rows,org.osgi.framework", PoolProbe.class));
            String started = karaf.client("bundle:install -s " + probe.toUri());
            assertFalse(started.contains("Error"), started);

            // The guide's example .cfg, pointed at the test server.
            Path cfg = karaf.home.resolve("etc/" + guide.configurationFileName());
            Map<String, String> server = new LinkedHashMap<>();
            server.put("host", db.host());
            server.put("port", String.valueOf(db.port()));
            server.put("dbname", db.dbname());
            server.put("user", PgUsers.SCRAM);
            server.put("password", "scram-secret");
            server.put("sslmode", "prefer");
            server.put("application_name", app);
            List<String> lines = guide.configuration(server);
            String name = lines.stream().filter(l -> l.startsWith("name =")).findFirst().orElseThrow().split("=", 2)[1].strip();
            Files.write(cfg, lines);
            Path seen = karaf.data().resolve("tusk-probe.txt");
            await(() -> read(seen).contains("added " + name), () -> "the probe to see the pool: " + read(seen));
            assertTrue(read(seen).contains("added " + name + " from karaf"), read(seen));
            await(() -> backends(db.admin(), app) >= 1, "the pool's connection");

            Files.delete(cfg);
            await(() -> read(seen).contains("removed " + name), () -> "the service to go away: " + read(seen));
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
