package io.tusk.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@PgTest
class NullConnectionPoolIT {

    @Test
    void everyRequestGetsANewConnectionAndReturningClosesIt(TestDatabase db) {
        try (ConnectionPool pool = NullConnectionPool.builder(db.conninfo(PgUsers.TRUST)).open()) {
            Connection a = pool.getconn();
            int pidA = a.info().backendPid();
            pool.putconn(a);
            assertTrue(a.isClosed());
            assertEquals(0, pool.stats().poolSize());
            Connection b = pool.getconn();
            assertNotEquals(pidA, b.info().backendPid());
            pool.putconn(b);
            assertEquals(2, pool.stats().connectionsNum());
        }
    }

    @Test
    void maxSizeCapsConcurrencyAndAReturnedConnectionGoesToTheWaitingClient(TestDatabase db) throws Exception {
        try (ConnectionPool pool = NullConnectionPool.builder(db.conninfo(PgUsers.TRUST)).maxSize(1).open()) {
            Connection held = pool.getconn();
            assertThrows(PoolTimeoutException.class, () -> pool.getconn(Duration.ofMillis(100)));
            CompletableFuture<Connection> waiter = CompletableFuture.supplyAsync(() -> pool.getconn(Duration.ofSeconds(10)), ConnectionPoolIT.ON_NEW_THREAD);
            ConnectionPoolIT.eventually("one client waits", Duration.ofSeconds(5), () -> pool.stats().requestsWaiting() == 1);
            pool.putconn(held);
            Connection got = waiter.get(10, TimeUnit.SECONDS);
            assertEquals(held, got, "handed over rather than closed");
            pool.putconn(got);
            assertEquals(0, pool.stats().poolSize());
        }
    }

    @Test
    void minSizeAboveZeroIsRefused(TestDatabase db) {
        assertThrows(IllegalArgumentException.class,
                () -> NullConnectionPool.builder(db.conninfo(PgUsers.TRUST)).minSize(1).build());
    }
}
