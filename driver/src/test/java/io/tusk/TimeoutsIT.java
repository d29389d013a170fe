package io.tusk;

import static io.tusk.ScriptedServer.trickle;
import static io.tusk.internal.protocol.Wire.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.async.AsyncConnection;
import io.tusk.errors.OperationalException;
import io.tusk.testkit.FaultProxy;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * connect_timeout bounds the whole attempt, not each read; socket_timeout breaks an established
 * connection whose server went silent. Both front ends.
 */
@PgTest
class TimeoutsIT {
    /** An ErrorResponse far too long to finish while it comes one byte every 0.4 s. */
    private static final byte[] SLOW = hex("45 00000100 'SFATAL' 00 'M' " + "41".repeat(240) + " 00 00");

    @Test
    void connectTimeoutBoundsATricklingServer() {
        try (ScriptedServer server = ScriptedServer.start(trickle(SLOW, Duration.ofMillis(400)))) {
            String conninfo = server.conninfo() + " connect_timeout=2";
            long start = System.nanoTime();
            OperationalException e = assertThrows(OperationalException.class, () -> Tusk.connect(conninfo).close());
            assertSeconds(start, 3.5);
            assertTrue(e.getMessage().contains("connect_timeout"), e.getMessage());

            start = System.nanoTime();
            ExecutionException ae = assertThrows(ExecutionException.class,
                    () -> Tusk.connectAsync(conninfo).toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertSeconds(start, 3.5);
            assertInstanceOf(OperationalException.class, ae.getCause());
            assertTrue(ae.getCause().getMessage().contains("connect_timeout"), ae.getCause().getMessage());
        }
    }

    @Test
    void socketTimeoutBreaksAConnectionWhoseServerWentSilent(TestDatabase db) {
        try (FaultProxy proxy = FaultProxy.start(db.host(), db.port())) {
            String conninfo = "host=" + proxy.host() + " port=" + proxy.port() + " dbname=" + db.dbname()
                    + " user=" + PgUsers.TRUST + " sslmode=disable socket_timeout=1";
            try (Connection conn = Tusk.connect(conninfo)) {
                assertEquals("1", conn.execute("SELECT 1").fetchone().getString(0));
                proxy.pause();
                long start = System.nanoTime();
                OperationalException e = assertThrows(OperationalException.class, () -> conn.execute("SELECT 2"));
                assertSeconds(start, 4);
                assertTrue(e.getMessage().contains("socket_timeout"), e.getMessage());
                assertTrue(conn.isBroken());
            } finally {
                proxy.resume();
            }
        }
    }

    @Test
    void socketTimeoutBreaksAnAsyncConnectionWhoseServerWentSilent(TestDatabase db) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(db.host(), db.port())) {
            String conninfo = "host=" + proxy.host() + " port=" + proxy.port() + " dbname=" + db.dbname()
                    + " user=" + PgUsers.TRUST + " sslmode=disable socket_timeout=1";
            AsyncConnection conn = Tusk.connectAsync(conninfo).toCompletableFuture().get(30, TimeUnit.SECONDS);
            try {
                conn.execute("SELECT 1").toCompletableFuture().get(30, TimeUnit.SECONDS);
                proxy.pause();
                long start = System.nanoTime();
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> conn.execute("SELECT 2").toCompletableFuture().get(30, TimeUnit.SECONDS));
                assertSeconds(start, 4);
                assertInstanceOf(OperationalException.class, e.getCause());
                assertTrue(e.getCause().getMessage().contains("socket_timeout"), e.getCause().getMessage());
                assertThrows(ExecutionException.class,
                        () -> conn.execute("SELECT 3").toCompletableFuture().get(30, TimeUnit.SECONDS));
            } finally {
                proxy.resume();
                conn.close();
            }
        }
    }

    @Test
    void anIdleConnectionOutlivesItsSocketTimeout(TestDatabase db) throws Exception {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST) + " socket_timeout=1")) {
            Thread.sleep(1500);
            assertEquals("2", conn.execute("SELECT pg_sleep(0.2), 2").fetchone().getString(1));
        }
    }

    private static void assertSeconds(long startNanos, double max) {
        double took = (System.nanoTime() - startNanos) / 1e9;
        assertTrue(took < max, "took " + took + " s, more than " + max);
    }
}
