package io.tusk.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.errors.OperationalException;
import io.tusk.testkit.FaultProxy;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The network fails under load: the pool hands out no broken connection and comes back on its own. */
@PgTest
class PoolRecoveryIT {

    private static String through(FaultProxy proxy, TestDatabase db) {
        return "host=" + proxy.host() + " port=" + proxy.port() + " dbname=" + db.dbname() + " user=" + PgUsers.TRUST
                + " sslmode=disable connect_timeout=5";
    }

    @Test
    void afterACutUnderLoadThePoolRecoversWithinTheBackOffSchedule(TestDatabase db) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(db.host(), db.port());
                ConnectionPool pool = ConnectionPool.builder(through(proxy, db)).minSize(4)
                        .timeout(Duration.ofSeconds(1)).check(ConnectionPool::checkConnection).name("recovery").build()) {
            pool.open(true, Duration.ofSeconds(20));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger brokenHandedOut = new AtomicInteger();
            AtomicInteger unexpected = new AtomicInteger();
            AtomicLong lastSuccess = new AtomicLong();
            AtomicInteger timeouts = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                running.add(clients.submit(() -> {
                    while (!stop.get()) {
                        Connection c;
                        try {
                            c = pool.getconn();
                        } catch (PoolTimeoutException e) {
                            timeouts.incrementAndGet();
                            continue;
                        } catch (RuntimeException e) {
                            unexpected.incrementAndGet();
                            continue;
                        }
                        try {
                            if (c.isBroken() || c.isClosed()) {
                                brokenHandedOut.incrementAndGet();
                            }
                            c.execute("SELECT 1");
                            c.commit();
                            lastSuccess.set(System.nanoTime());
                        } catch (OperationalException lostWhileHeld) {
                            // the cut landed while this client held the connection: that is the network's doing
                        } finally {
                            pool.putconn(c);
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(500);
            proxy.refuseNew(true);
            proxy.cutAll();
            Thread.sleep(2_000);
            long cutEnd = System.nanoTime();
            proxy.refuseNew(false);
            // retries 1 s, 2 s, 4 s after the first failure (± 10 %): the refusal lasted 2 s, so the
            // third retry at the latest (~3.3 s after the cut) finds the server again
            ConnectionPoolIT.eventually("a client succeeded again", Duration.ofSeconds(8),
                    () -> lastSuccess.get() - cutEnd > 0);
            long recoveredMs = (lastSuccess.get() - cutEnd) / 1_000_000;
            ConnectionPoolIT.eventually("the pool is whole again", Duration.ofSeconds(10),
                    () -> pool.stats().poolSize() == 4 && pool.stats().connectionsNum() >= 8);
            stop.set(true);
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
            clients.shutdown();
            assertEquals(0, brokenHandedOut.get(), "a broken connection was handed out");
            assertEquals(0, unexpected.get(), "clients saw only PoolTimeoutException or success");
            PoolStats s = pool.stats();
            assertTrue(s.connectionsErrors() > 0, "reconnection attempts failed while refused: " + s);
            assertTrue(recoveredMs < 8_000, "recovered " + recoveredMs + " ms after the proxy let connections through");
        }
    }

    @Test
    void reconnectFailedIsCalledWhenTheServerStaysAwayPastReconnectTimeout(TestDatabase db) throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        try (FaultProxy proxy = FaultProxy.start(db.host(), db.port())) {
            proxy.refuseNew(true);
            try (ConnectionPool pool = ConnectionPool.builder(through(proxy, db)).minSize(1)
                    .reconnectTimeout(Duration.ofMillis(1_500)).reconnectFailed(p -> failed.countDown()).open()) {
                // attempts at 0, ~1 s, then the cut-off at 1.5 s
                assertTrue(failed.await(10, TimeUnit.SECONDS), "reconnectFailed was called");
                assertTrue(pool.stats().connectionsErrors() >= 2, pool.stats().toString());
                proxy.refuseNew(false);
                pool.useConnection(c -> c.execute("SELECT 1")); // a request makes the pool try again
            }
        }
    }
}
