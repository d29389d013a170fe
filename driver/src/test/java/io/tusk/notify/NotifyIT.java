package io.tusk.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Notify;
import io.tusk.Tusk;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** LISTEN/NOTIFY: waiting on the socket for notifications, timeouts, counts, interrupts. */
@PgTest
class NotifyIT {

    private static Connection listening(TestDatabase db, String channel) {
        Connection conn = Tusk.connect(db.conninfo());
        conn.setAutocommit(true);
        conn.execute("LISTEN " + channel);
        return conn;
    }

    private static Connection other(TestDatabase db) {
        Connection conn = Tusk.connect(db.conninfo());
        conn.setAutocommit(true);
        return conn;
    }

    @Test
    void aNotificationFromAnotherConnectionWakesAWaitingNotifiesWithin100ms(TestDatabase db) throws Exception {
        try (Connection conn = listening(db, "wake"); Connection other = other(db)) {
            AtomicLong wokeAt = new AtomicLong();
            CompletableFuture<List<Notify>> waiting = CompletableFuture.supplyAsync(() -> {
                try (Stream<Notify> s = conn.notifies(Duration.ofSeconds(20), 1)) {
                    return s.peek(n -> wokeAt.set(System.nanoTime())).collect(Collectors.toList());
                }
            });
            Thread.sleep(300); // the waiter is blocked on the socket by now
            long sentAt = System.nanoTime();
            other.execute("NOTIFY wake, 'x'");
            List<Notify> got = waiting.get(10, TimeUnit.SECONDS);
            long latency = TimeUnit.NANOSECONDS.toMillis(wokeAt.get() - sentAt);
            assertEquals(1, got.size());
            assertEquals("wake", got.get(0).channel());
            assertEquals("x", got.get(0).payload());
            assertEquals(other.info().backendPid(), got.get(0).pid());
            assertTrue(latency < 100, "woke " + latency + " ms after the NOTIFY");
        }
    }

    @Test
    void aTimeoutWithNoNotificationReturnsAnEmptyStreamAfterTheTimeout(TestDatabase db) {
        try (Connection conn = listening(db, "quiet")) {
            long start = System.nanoTime();
            List<Notify> got;
            try (Stream<Notify> s = conn.notifies(Duration.ofMillis(300), null)) {
                got = s.collect(Collectors.toList());
            }
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(got.isEmpty());
            assertTrue(took >= 290 && took < 1500, "returned after " + took + " ms");
            assertEquals("1", conn.execute("SELECT 1").fetchone().getString(0));
        }
    }

    @Test
    void stopAfterThreeReturnsAfterThreeAndKeepsTheRest(TestDatabase db) {
        try (Connection conn = listening(db, "count"); Connection other = other(db)) {
            other.execute("NOTIFY count, '1'; NOTIFY count, '2'; NOTIFY count, '3'; NOTIFY count, '4'; NOTIFY count, '5'");
            List<String> first;
            try (Stream<Notify> s = conn.notifies(Duration.ofSeconds(10), 3)) {
                first = s.map(Notify::payload).collect(Collectors.toList());
            }
            assertEquals(List.of("1", "2", "3"), first);
            List<String> rest;
            try (Stream<Notify> s = conn.notifies(Duration.ofSeconds(10), 2)) {
                rest = s.map(Notify::payload).collect(Collectors.toList());
            }
            assertEquals(List.of("4", "5"), rest);
        }
    }

    @Test
    void notificationsReceivedDuringOtherCommandsAreDeliveredLater(TestDatabase db) throws Exception {
        try (Connection conn = listening(db, "during"); Connection other = other(db)) {
            List<Notify> handled = new CopyOnWriteArrayList<>();
            conn.addNotifyHandler(handled::add);
            other.execute("NOTIFY during, 'early'");
            Thread.sleep(100);
            conn.execute("SELECT pg_sleep(0.05)"); // reads the notification before its own result
            assertEquals(1, handled.size(), "the handler saw it during the command");
            List<Notify> got;
            long start = System.nanoTime();
            try (Stream<Notify> s = conn.notifies(Duration.ZERO, null)) {
                got = s.collect(Collectors.toList());
            }
            assertEquals(List.of("early"), got.stream().map(Notify::payload).collect(Collectors.toList()));
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 50, "delivered without waiting");
        }
    }

    @Test
    void anInterruptedWaitEndsAndLeavesTheConnectionUsable(TestDatabase db) throws Exception {
        try (Connection conn = listening(db, "never")) {
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            Thread waiter = new Thread(() -> {
                try (Stream<Notify> s = conn.notifies(null, null)) {
                    s.forEach(n -> { });
                    done.complete(Thread.currentThread().isInterrupted());
                } catch (Throwable t) {
                    done.completeExceptionally(t);
                }
            });
            waiter.start();
            Thread.sleep(300);
            long start = System.nanoTime();
            waiter.interrupt();
            assertTrue(done.get(5, TimeUnit.SECONDS), "the interrupt flag is kept for the caller");
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1000);
            assertFalse(conn.isBroken());
            assertEquals("1", conn.execute("SELECT 1").fetchone().getString(0));
        }
    }

    @Test
    void closingTheStreamFromAnotherThreadEndsTheWait(TestDatabase db) throws Exception {
        try (Connection conn = listening(db, "closed"); Connection other = other(db)) {
            Stream<Notify> s = conn.notifies(null, null);
            CompletableFuture<Long> counted = CompletableFuture.supplyAsync(s::count);
            Thread.sleep(300);
            s.close();
            assertEquals(0L, counted.get(5, TimeUnit.SECONDS));
            other.execute("NOTIFY closed, 'after'");
            try (Stream<Notify> again = conn.notifies(Duration.ofSeconds(10), 1)) {
                assertEquals("after", again.findFirst().orElseThrow().payload());
            }
        }
    }

    @Test
    void waitsThatTimeOutOrAreInterruptedOverTlsAndUnixSocketsLeaveTheConnectionInStep(io.tusk.testkit.PgServer server, TestDatabase db)
            throws Exception {
        server.assumeEmbedded("needs the kit's TLS setup and socket directory");
        for (String extra : List.of(" sslmode=require", " host=" + db.unixSocketDir())) {
            try (Connection conn = Tusk.connect(db.conninfo() + extra); Connection other = other(db)) {
                conn.setAutocommit(true);
                conn.execute("LISTEN step");
                for (int i = 0; i < 3; i++) {
                    try (Stream<Notify> s = conn.notifies(Duration.ofMillis(150), null)) {
                        assertEquals(0, s.count(), extra);
                    }
                }
                Thread waiter = new Thread(() -> conn.notifies(null, null).forEach(n -> { }));
                waiter.start();
                Thread.sleep(200);
                waiter.interrupt();
                waiter.join(5000);
                assertFalse(waiter.isAlive(), extra);
                other.execute("NOTIFY step, 'in step'");
                try (Stream<Notify> s = conn.notifies(Duration.ofSeconds(10), 1)) {
                    assertEquals("in step", s.findFirst().orElseThrow().payload(), extra);
                }
                assertEquals("1", conn.execute("SELECT 1").fetchone().getString(0), extra);
            }
        }
    }
}
