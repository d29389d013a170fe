package io.tusk.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.async.AsyncConnection;
import io.tusk.pool.AsyncConnectionPool;
import io.tusk.pool.ConnectionPool;
import io.tusk.testkit.PgReplicaPair;
import io.tusk.testkit.PgUsers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both pools ride a failover: the primary crashes under clients, the standby is promoted a moment
 * later, and each pool hands out a connection to the new primary within connect_timeout plus the
 * reconnection back-off (1 s, 2 s, 4 s … after the first failure, ± 10 %).
 */
class PoolFailoverIT {
    private static final int CONNECT_TIMEOUT_S = 2;
    private static PgReplicaPair pair;

    @BeforeAll
    static void start() {
        pair = PgReplicaPair.start();
        pair.primary().execute("CREATE TABLE ticks (pool text, n int); GRANT ALL ON ticks TO PUBLIC");
    }

    @AfterAll
    static void stop() {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void bothPoolsReachThePromotedStandbyWithinConnectTimeoutPlusBackOff() throws Exception {
        String conninfo = pair.conninfo(PgUsers.TRUST) + " target_session_attrs=read-write connect_timeout="
                + CONNECT_TIMEOUT_S;
        try (ConnectionPool blocking = ConnectionPool.builder(conninfo).minSize(3).timeout(Duration.ofSeconds(1))
                .check(ConnectionPool::checkConnection).name("failover").build()) {
            AsyncConnectionPool async = AsyncConnectionPool.builder(conninfo).minSize(3).timeout(Duration.ofSeconds(1))
                    .check(AsyncConnectionPool::checkConnection).name("failover-async").build();
            try {
                blocking.open(true, Duration.ofSeconds(20));
                async.open();
                async.waitReady(Duration.ofSeconds(20)).toCompletableFuture().join();
                int oldPrimary = pair.primary().port();
                assertEquals(oldPrimary, (int) blocking.<Integer>withConnection(c -> port(c)));
                assertEquals(oldPrimary, (int) async.connection(PoolFailoverIT::port).toCompletableFuture().join());

                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger failedBorrows = new AtomicInteger();
                CompletableFuture<Long> blockingBack = new CompletableFuture<>();
                CompletableFuture<Long> asyncBack = new CompletableFuture<>();
                Thread blockingClient = new Thread(() -> hammer(stop, failedBorrows, blockingBack,
                        () -> blocking.withConnection(c -> insert(c, "blocking"))), "blocking-client");
                Thread asyncClient = new Thread(() -> hammer(stop, failedBorrows, asyncBack,
                        () -> async.connection(c -> c.execute("INSERT INTO ticks VALUES ('async', 1) RETURNING "
                                + "inet_server_port()").thenCompose(cur -> cur.fetchone())
                                .thenApply(r -> ((Number) r.get(0)).intValue())).toCompletableFuture().join()),
                        "async-client");
                blockingClient.start();
                asyncClient.start();
                Thread.sleep(300);

                long killed = System.nanoTime();
                pair.killPrimary();
                // the time a failover manager would take to notice and decide
                Thread.sleep(1_000);
                pair.promoteStandby();
                long promoted = System.nanoTime();

                long blockingMs = (blockingBack.get(30, TimeUnit.SECONDS) - promoted) / 1_000_000;
                long asyncMs = (asyncBack.get(30, TimeUnit.SECONDS) - promoted) / 1_000_000;
                stop.set(true);
                blockingClient.join(10_000);
                asyncClient.join(10_000);
                double outageS = (promoted - killed) / 1e9;
                // The first failed attempt came no earlier than the crash: the next retry after the
                // promotion is at most (elapsed since then + 1 s) × 1.1 away, and it may then take up
                // to connect_timeout; 500 ms for scheduling on a loaded machine.
                long boundMs = (long) (CONNECT_TIMEOUT_S * 1000 + 1.1 * (outageS + 1) * 1000 + 500);
                System.out.printf("failover: primary killed, standby promoted %.2f s later; first successful borrow "
                        + "after promotion: blocking pool %d ms, async pool %d ms (bound %d ms); %d failed borrows "
                        + "meanwhile%n", outageS, blockingMs, asyncMs, boundMs, failedBorrows.get());
                assertTrue(blockingMs <= boundMs, "blocking pool: " + blockingMs + " ms > " + boundMs + " ms");
                assertTrue(asyncMs <= boundMs, "async pool: " + asyncMs + " ms > " + boundMs + " ms");

                int newPrimary = pair.standby().port();
                assertEquals(newPrimary, (int) blocking.<Integer>withConnection(c -> port(c)));
                assertEquals(newPrimary, (int) async.connection(PoolFailoverIT::port).toCompletableFuture().join());
            } finally {
                async.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Borrows until a write succeeds on the new primary; completes {@code back} with the time of that success. */
    private static void hammer(AtomicBoolean stop, AtomicInteger failed, CompletableFuture<Long> back,
            java.util.function.IntSupplier write) {
        int before = -1;
        while (!stop.get()) {
            try {
                int port = write.getAsInt();
                if (before == -1) {
                    before = port;
                } else if (port != before) {
                    back.complete(System.nanoTime());
                }
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private static int insert(Connection c, String pool) {
        return ((Number) c.execute("INSERT INTO ticks VALUES (%s, 1) RETURNING inet_server_port()", pool).fetchone()
                .get(0)).intValue();
    }

    private static int port(Connection c) {
        return ((Number) c.execute("SELECT inet_server_port()").fetchone().get(0)).intValue();
    }

    private static java.util.concurrent.CompletionStage<Integer> port(AsyncConnection c) {
        return c.execute("SELECT inet_server_port()").thenCompose(cur -> cur.fetchone())
                .thenApply(r -> ((Number) r.get(0)).intValue());
    }
}
