package io.tusk.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.async.AsyncConnection;
import io.tusk.errors.OperationalException;
import io.tusk.testkit.BlackHoleServer;
import io.tusk.testkit.PgReplicaPair;
import io.tusk.testkit.PgUsers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real primary and hot standby: {@code target_session_attrs} and {@code load_balance_hosts}
 * choose between them on both front ends, and a crash of the primary breaks the connection with a
 * clear error while nothing committed is lost on the promoted standby (the last test: it kills the
 * primary).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverIT {
    private static PgReplicaPair pair;

    @BeforeAll
    static void start() {
        pair = PgReplicaPair.start();
        pair.primary().execute("CREATE TABLE orders (id int PRIMARY KEY, item text); GRANT ALL ON orders TO PUBLIC");
    }

    @AfterAll
    static void stop() {
        if (pair != null) {
            pair.close();
        }
    }

    private static String both(String attrs) {
        return pair.conninfo(PgUsers.TRUST) + " connect_timeout=5 target_session_attrs=" + attrs;
    }

    private static int blockingPort(String conninfo) {
        try (Connection conn = Tusk.connect(conninfo)) {
            return conn.info().port();
        }
    }

    private static int asyncPort(String conninfo) {
        AsyncConnection conn = Tusk.connectAsync(conninfo).toCompletableFuture().join();
        try {
            return conn.execute("SELECT inet_server_port()").thenCompose(c -> c.fetchone())
                    .thenApply(r -> ((Number) r.get(0)).intValue()).toCompletableFuture().join();
        } finally {
            conn.close().toCompletableFuture().join();
        }
    }

    @Test
    @Order(1)
    void targetSessionAttrsPicksThePrimaryOrTheStandbyOnBothFrontEnds() {
        int primary = pair.primary().port();
        int standby = pair.standby().port();
        for (String attrs : List.of("read-write", "primary", "any")) {
            assertEquals(primary, blockingPort(both(attrs)), attrs);
            assertEquals(primary, asyncPort(both(attrs)), attrs);
        }
        for (String attrs : List.of("read-only", "standby")) {
            assertEquals(standby, blockingPort(both(attrs)), attrs);
            assertEquals(standby, asyncPort(both(attrs)), attrs);
        }
        try (Connection conn = Tusk.connect(both("read-write"))) {
            assertEquals(false, conn.execute("SELECT pg_is_in_recovery()").fetchone().get(0));
        }
        try (Connection conn = Tusk.connect(both("standby"))) {
            assertEquals(true, conn.execute("SELECT pg_is_in_recovery()").fetchone().get(0));
        }
    }

    @Test
    @Order(1)
    void preferStandbyPicksTheStandbyOnBothFrontEnds() {
        int standby = pair.standby().port();
        assertEquals(standby, blockingPort(both("prefer-standby")));
        assertEquals(standby, asyncPort(both("prefer-standby")));
    }

    @Test
    @Order(2)
    void loadBalanceHostsRandomSpreadsTwoHundredConnectionsOverBothServers() {
        int primary = pair.primary().port();
        String conninfo = pair.conninfo(PgUsers.TRUST) + " load_balance_hosts=random";
        int onPrimary = 0;
        int total = 200;
        for (int i = 0; i < total; i++) {
            // half through each front end: both share the connect plan's shuffle
            int port = i % 2 == 0 ? blockingPort(conninfo) : asyncPort(conninfo);
            if (port == primary) {
                onPrimary++;
            }
        }
        int onStandby = total - onPrimary;
        System.out.printf("load_balance_hosts=random over %d connections: primary %d, standby %d%n", total, onPrimary,
                onStandby);
        // A fair coin gives 100 ± 7 (one standard deviation); 50 is seven deviations away.
        assertTrue(onPrimary >= 50 && onStandby >= 50, "primary " + onPrimary + ", standby " + onStandby);
        // load_balance_hosts still honours target_session_attrs: read-write lands on the primary every time
        for (int i = 0; i < 20; i++) {
            assertEquals(primary, blockingPort(conninfo + " target_session_attrs=read-write"));
        }
    }

    @Test
    @Order(3)
    void aStandbyThatNeverBecomesWritableEndsInOneErrorNamingEachHostWithinConnectTimeout() {
        int standby = pair.standby().port();
        try (BlackHoleServer hole = BlackHoleServer.start()) {
            String conninfo = "host=127.0.0.1,127.0.0.1 port=" + standby + "," + hole.port() + " dbname="
                    + PgReplicaPair.DBNAME + " user=" + PgUsers.TRUST
                    + " sslmode=disable connect_timeout=2 target_session_attrs=read-write";
            long t0 = System.nanoTime();
            OperationalException blocking = assertThrows(OperationalException.class, () -> Tusk.connect(conninfo));
            long blockingMs = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            Throwable async = assertThrows(CompletionException.class,
                    () -> Tusk.connectAsync(conninfo).toCompletableFuture().join()).getCause();
            long asyncMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("read-write against a standby and a silent host: blocking failed after %d ms, async after %d ms%n",
                    blockingMs, asyncMs);
            assertTrue(async instanceof OperationalException, String.valueOf(async));
            for (Throwable e : new Throwable[] {blocking, async}) {
                String m = e.getMessage();
                assertTrue(m.contains(String.valueOf(standby)) && m.contains("read-only"), m);
                assertTrue(m.contains(String.valueOf(hole.port())) && m.contains("timeout"), m);
            }
            // each host has its own connect_timeout of 2 s: the standby answers at once, the silent one costs 2 s
            assertTrue(blockingMs < 4_500, blockingMs + " ms");
            assertTrue(asyncMs < 4_500, asyncMs + " ms");
        }
    }

    @Test
    @Order(4)
    void killingThePrimaryMidTransactionBreaksTheConnectionAndLosesNothingCommitted() {
        int primary = pair.primary().port();
        Connection conn = Tusk.connect(both("read-write"));
        try {
            conn.execute("INSERT INTO orders VALUES (1, 'committed')");
            conn.commit();
            conn.execute("INSERT INTO orders VALUES (2, 'in flight')");
            pair.killPrimary();
            OperationalException e = assertThrows(OperationalException.class,
                    () -> conn.execute("INSERT INTO orders VALUES (3, 'after the crash')"));
            System.out.println("mid-transaction crash: " + e.getMessage());
            assertTrue(e.getMessage().contains(String.valueOf(primary)), "names the server: " + e.getMessage());
            assertTrue(conn.isBroken(), "broken");
            assertTrue(conn.isClosed(), "closed");
        } finally {
            conn.close();
        }
        // until the standby is promoted, read-write finds no server
        OperationalException none = assertThrows(OperationalException.class, () -> Tusk.connect(both("read-write")));
        assertTrue(none.getMessage().contains("read-only"), none.getMessage());

        Duration promotion = pair.promoteStandby();
        System.out.println("standby promoted in " + promotion.toMillis() + " ms");
        try (Connection conn2 = Tusk.connect(both("read-write"))) {
            assertEquals(pair.standby().port(), conn2.info().port());
            assertEquals(List.of("committed"), conn2.execute("SELECT item FROM orders ORDER BY id").fetchall().stream()
                    .map(r -> r.getString(0)).toList());
            conn2.execute("INSERT INTO orders VALUES (2, 'again, on the new primary')");
            conn2.commit();
        }
    }
}
