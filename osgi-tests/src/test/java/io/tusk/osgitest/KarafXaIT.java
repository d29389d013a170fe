package io.tusk.osgitest;

import static io.tusk.osgitest.ConfigAdminFelixIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.osgitest.xaprobe.XaProbe;
import io.tusk.testkit.Admin;
import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * XA in a real Apache Karaf 4.4: {@code feature:install tusk-xa} brings Karaf's transaction
 * manager, two {@code io.tusk.connection} configuration files with {@code xa = true} publish a
 * {@code TuskXAConnectionSource} service each, and a user's bundle runs a global transaction over
 * both databases through the {@code javax.transaction.TransactionManager} service: the committed
 * one is in both databases, the rolled-back one in neither, and nothing stays prepared.
 */
@PgTest
class KarafXaIT {

    @Test
    void transactionManagerCommitsAndRollsBackOverTwoDatabases(PgServer pg) throws Exception {
        TestDatabase a = pg.newDatabase("osgi xa a");
        TestDatabase b = pg.newDatabase("osgi xa b");
        Path cfgA = null;
        Path cfgB = null;
        try (Karaf karaf = new Karaf()) {
            for (TestDatabase db : List.of(a, b)) {
                db.admin().execute("CREATE TABLE osgi_xa (v text); GRANT SELECT, INSERT ON osgi_xa TO PUBLIC");
            }
            String install = karaf.client("feature:repo-add " + Bundles.features().toUri()
                    + "; feature:install tusk-xa; feature:list -i");
            assertFalse(install.contains("Error") || install.contains("missing requirement"), install);
            assertTrue(install.lines().anyMatch(l -> l.startsWith("tusk-xa ") && l.contains("Started")), install);
            assertTrue(install.lines().anyMatch(l -> l.startsWith("transaction ") && l.contains("Started")), install);

            cfgA = xaConfiguration(karaf, "xa-a", a);
            cfgB = xaConfiguration(karaf, "xa-b", b);
            Path probe = karaf.home.resolveSibling("tusk-xa-probe.jar");
            Files.write(probe, ProbeJar.bytes("tusk.xa.probe", "io.tusk,io.tusk.xa,javax.transaction;version=\"[1.1,2)\","
                    + "javax.transaction.xa,org.apache.geronimo.transaction.manager;version=\"[3.1,4)\",org.osgi.framework",
                    XaProbe.class));
            String started = karaf.client("bundle:install -s " + probe.toUri());
            assertFalse(started.contains("Error"), started);

            Path seen = karaf.data().resolve("tusk-xa-probe.txt");
            await(() -> read(seen).contains("rolled back") || read(seen).contains("failed"),
                    () -> "the probe's two transactions: " + read(seen) + "\nkaraf.log:\n"
                            + tail(karaf.data().resolve("log/karaf.log"), 60));
            String report = read(seen);
            assertTrue(report.contains("committed\nrolled back\n"), report);
            assertTrue(report.lines().anyMatch(l -> l.startsWith("properties ") && l.contains("name=xa-a")
                    && l.contains("tusk.pid=io.tusk.connection") && l.contains("dbname=" + a.dbname())
                    && l.contains("objectClass=[io.tusk.xa.TuskXAConnectionSource]")), report);
            assertFalse(report.contains("scram-secret") || report.contains("password"), report);
            String log = Files.readString(karaf.data().resolve("log/karaf.log"));
            assertFalse(log.contains("scram-secret"), "the password must not be logged");
            assertFalse(log.contains("NamedXAResource"), "Geronimo logs named resources without complaint");

            for (TestDatabase db : List.of(a, b)) {
                assertEquals(List.of("commit"), db.admin().queryColumn("SELECT v FROM osgi_xa ORDER BY v"), db.dbname());
            }
            List<String> prepared = pg.admin().queryColumn("SELECT database || ' ' || gid FROM pg_prepared_xacts");
            assertEquals(List.of(), prepared, () -> "nothing may stay prepared; the probe wrote:\n" + report
                    + "\nkaraf.log:\n" + tail(karaf.data().resolve("log/karaf.log"), 60));

            Files.delete(cfgA);
            String left = karaf.client("service:list io.tusk.xa.TuskXAConnectionSource");
            await(() -> servicesNamed(karaf, "xa-a") == 0, "the XA source xa-a to be unregistered");
            assertTrue(servicesNamed(karaf, "xa-b") == 1, left);
        } finally {
            for (Path cfg : new Path[] {cfgA, cfgB}) {
                if (cfg != null) {
                    Files.deleteIfExists(cfg);
                }
            }
            drop(pg.admin(), a, b);
        }
    }

    /** A factory configuration file with the password of the SCRAM role (so that it must stay hidden). */
    private static Path xaConfiguration(Karaf karaf, String name, TestDatabase db) throws java.io.IOException {
        Path cfg = karaf.home.resolve("etc/io.tusk.connection-" + name + ".cfg");
        Files.write(cfg, List.of("name = " + name, "host = " + db.host(), "port = " + db.port(),
                "dbname = " + db.dbname(), "user = " + PgUsers.SCRAM, "password = scram-secret",
                "pool.min_size = 1", "pool.max_size = 1", "xa = true"));
        return cfg;
    }

    private static int servicesNamed(Karaf karaf, String name) {
        try {
            String out = karaf.client("service:list io.tusk.xa.TuskXAConnectionSource");
            return (int) out.lines().filter(l -> l.trim().equals("name = " + name)).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void drop(Admin admin, TestDatabase... dbs) {
        for (TestDatabase db : dbs) {
            admin.dropDatabase(db.dbname());
        }
    }

    private static String tail(Path file, int lines) {
        List<String> all = read(file).lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
