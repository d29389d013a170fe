package io.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.async.AsyncConnection;
import io.tusk.errors.CancellationTimeout;
import io.tusk.errors.QueryCanceledException;
import io.tusk.testkit.FaultProxy;
import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** psycopg's cancel_safe(timeout) on both front ends, and the asynchronous cancel over TLS. */
@PgTest
class CancelSafeIT {
    /** The first int of a CancelRequest and of an SSLRequest (protocol "Message Formats"). */
    private static final int CANCEL_CODE = 80877102;
    private static final int SSL_CODE = 80877103;

    private static void awaitActive(TestDatabase db, int pid) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if ("1".equals(db.admin().queryScalar("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid
                    + " AND state = 'active' AND query LIKE '%pg_sleep%'"))) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the statement did not start on backend " + pid);
    }

    @Test
    void cancelSafeEndsASleepingStatementQuickly(TestDatabase db) throws Exception {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.setAutocommit(true);
            CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> conn.execute("SELECT pg_sleep(60)"));
            awaitActive(db, conn.info().backendPid());
            long t0 = System.nanoTime();
            conn.cancelSafe(Duration.ofSeconds(5));
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> running.get(10, TimeUnit.SECONDS));
            assertInstanceOf(QueryCanceledException.class, e.getCause());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "ended within seconds, not 60");
            assertEquals(1, conn.execute("SELECT 1").fetchone().getInt(0), "usable afterwards");
            conn.cancelSafe(Duration.ofSeconds(5)); // nothing running: raises nothing
            assertEquals(1, conn.execute("SELECT 1").fetchone().getInt(0));
        }
    }

    @Test
    void asyncCancelSafeEndsASleepingStatementQuickly(TestDatabase db) throws Exception {
        AsyncConnection conn = Tusk.connectAsync(db.conninfo(PgUsers.TRUST)).toCompletableFuture().get(20, TimeUnit.SECONDS);
        try {
            CompletableFuture<?> running = conn.execute("SELECT pg_sleep(60)").toCompletableFuture();
            awaitActive(db, conn.backendPid());
            long t0 = System.nanoTime();
            conn.cancelSafe(Duration.ofSeconds(5)).toCompletableFuture().get(6, TimeUnit.SECONDS);
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> running.get(10, TimeUnit.SECONDS));
            assertInstanceOf(QueryCanceledException.class, e.getCause());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "ended within seconds, not 60");
            conn.rollback().toCompletableFuture().get(10, TimeUnit.SECONDS);
            conn.cancelSafe(Duration.ofSeconds(5)).toCompletableFuture().get(6, TimeUnit.SECONDS); // nothing running
        } finally {
            conn.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static String through(FaultProxy proxy, TestDatabase db) {
        return "host=" + proxy.host() + " port=" + proxy.port() + " dbname=" + db.dbname() + " user=" + PgUsers.TRUST
                + " sslmode=disable connect_timeout=5";
    }

    @Test
    void cancelSafeReturnsWithinTheTimeoutWhenTheServerNeverAnswers(TestDatabase db) {
        try (FaultProxy proxy = FaultProxy.start(db.host(), db.port()); Connection conn = Tusk.connect(through(proxy, db))) {
            proxy.pause(); // the cancel connection is accepted, its bytes held: no acknowledgement ever
            long t0 = System.nanoTime();
            assertThrows(CancellationTimeout.class, () -> conn.cancelSafe(Duration.ofMillis(500)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 450 && ms < 1500, "returned after " + ms + " ms");
            proxy.resume();
        }
    }

    @Test
    void asyncCancelSafeCompletesWithinTheTimeoutWhenTheServerNeverAnswers(TestDatabase db) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(db.host(), db.port())) {
            AsyncConnection conn = Tusk.connectAsync(through(proxy, db)).toCompletableFuture().get(20, TimeUnit.SECONDS);
            proxy.pause();
            long t0 = System.nanoTime();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> conn.cancelSafe(Duration.ofMillis(500)).toCompletableFuture().get(5, TimeUnit.SECONDS));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertInstanceOf(CancellationTimeout.class, e.getCause());
            assertTrue(ms >= 450 && ms < 1500, "completed after " + ms + " ms");
            proxy.resume();
            conn.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void asyncCancelOfATlsOnlySessionGoesOverTls(PgServer server, TestDatabase db) throws Exception {
        server.assumeEmbedded("needs the kit's TLS setup and its hostssl-only user");
        try (FirstIntProxy proxy = new FirstIntProxy(db.host(), db.port())) {
            String conninfo = "host=127.0.0.1 port=" + proxy.port() + " dbname=" + db.dbname() + " user=" + PgUsers.SSL
                    + " password=" + PgUsers.SSL_PASSWORD + " sslmode=require";
            AsyncConnection conn = Tusk.connectAsync(conninfo).toCompletableFuture().get(20, TimeUnit.SECONDS);
            try {
                CompletableFuture<?> running = conn.execute("SELECT pg_sleep(60)").toCompletableFuture();
                awaitActive(db, conn.backendPid());
                conn.cancel().toCompletableFuture().get(10, TimeUnit.SECONDS);
                java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> running.get(10, TimeUnit.SECONDS));
                assertInstanceOf(QueryCanceledException.class, e.getCause());
                assertEquals(List.of(SSL_CODE, SSL_CODE), proxy.firstInts,
                        "the session and the cancel connection both start with an SSLRequest; never a CancelRequest ("
                                + CANCEL_CODE + ") in the clear");
            } finally {
                conn.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * A forwarding proxy that records the second int of each connection's first message (the
     * request code of an SSLRequest, CancelRequest or the protocol version of a StartupMessage).
     */
    private static final class FirstIntProxy implements AutoCloseable {
        final List<Integer> firstInts = new CopyOnWriteArrayList<>();
        private final ServerSocket listener;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        FirstIntProxy(String host, int port) throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            Thread accept = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        Socket upstream = new Socket(host, port);
                        sockets.add(client);
                        sockets.add(upstream);
                        byte[] head = new byte[8];
                        new DataInputStream(client.getInputStream()).readFully(head);
                        firstInts.add(ByteBuffer.wrap(head).getInt(4));
                        upstream.getOutputStream().write(head);
                        pump(client, upstream);
                        pump(upstream, client);
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "first-int-proxy");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        /** Copies {@code from} to {@code to}; at its end, passes the end on (the server's close acknowledges a cancel). */
        private static void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try {
                    InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream();
                    for (int n; (n = in.read(buf)) >= 0; ) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                    to.shutdownOutput();
                } catch (IOException e) {
                    try {
                        to.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            }, "first-int-pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
