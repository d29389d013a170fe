package io.tusk.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many threads on a small pool: no leak, no connection lent to two threads, stats that add up. */
@PgTest
class PoolLoadIT {
    // 32 x 3,000 instead of the 32 x 10,000: the same contention, under 10 s of build time
    private static final int THREADS = 32;
    private static final int CYCLES = 3_000;

    @Test
    void thirtyTwoThreadsShareEightConnectionsWithoutLeakOrDoubleHandOut(TestDatabase db) throws Exception {
        Set<Connection> inUse = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        Set<String> pids = ConcurrentHashMap.newKeySet();
        AtomicInteger doubleHandOuts = new AtomicInteger();
        try (ConnectionPool pool = ConnectionPool.builder(db.conninfo(PgUsers.TRUST)).minSize(8).maxSize(8)
                .configure(c -> c.setAutocommit(true)).name("load").open()) {
            pool.waitReady(Duration.ofSeconds(20));
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < CYCLES; i++) {
                        Connection c = pool.getconn();
                        if (!inUse.add(c)) {
                            doubleHandOuts.incrementAndGet();
                        }
                        try {
                            pids.add(c.execute("SELECT pg_backend_pid()").fetchone().getString(0));
                        } finally {
                            inUse.remove(c);
                            pool.putconn(c);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
            threads.shutdown();

            assertEquals(0, doubleHandOuts.get(), "a connection was lent to two threads at once");
            assertEquals(8, pids.size(), "exactly the pool's 8 backends served every query: " + pids);
            PoolStats s = pool.stats();
            assertEquals(8, s.poolSize());
            assertEquals(8, s.poolAvailable(), "every connection came back (no leak)");
            assertEquals(0, s.requestsWaiting());
            assertEquals((long) THREADS * CYCLES, s.requestsNum());
            assertTrue(s.requestsQueued() > 0 && s.requestsQueued() <= s.requestsNum(), s.toString());
            assertEquals(0, s.requestsErrors());
            assertEquals(0, s.returnsBad());
            assertEquals(8, s.connectionsNum(), "no connection was replaced");
            assertEquals(0, s.connectionsErrors());
            assertTrue(s.usageMs() > 0, s.toString());
        }
    }
}
