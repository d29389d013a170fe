package io.tusk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy's faults, against a local echo server (no PostgreSQL needed). */
class FaultProxyTest {
    private ServerSocket echo;
    private FaultProxy proxy;

    @BeforeEach
    void startEchoServerAndProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread e = new Thread(() -> {
                        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException ignored) {
                            // the proxy cut the connection
                        }
                    });
                    e.setDaemon(true);
                    e.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        proxy = FaultProxy.start("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    private Socket client() throws IOException {
        Socket s = new Socket(proxy.host(), proxy.port());
        s.setSoTimeout(5000);
        return s;
    }

    private static String read(Socket s, int n) throws IOException {
        return new String(s.getInputStream().readNBytes(n), StandardCharsets.US_ASCII);
    }

    private static void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    @Test
    void forwardsBytesBothWays() throws IOException {
        try (Socket s = client()) {
            write(s, "hello");
            assertEquals("hello", read(s, 5));
            assertEquals(1, proxy.connectionCount());
            assertEquals(1, proxy.acceptedCount());
        }
    }

    @Test
    void dropNextBytesDiscardsExactlyThatManyBytesFromTheServer() throws IOException {
        try (Socket s = client()) {
            proxy.dropNextBytes(3);
            write(s, "abcdef");
            assertEquals("def", read(s, 3));
            write(s, "ghi");
            assertEquals("ghi", read(s, 3), "only the next 3 bytes are dropped");
        }
    }

    @Test
    void pauseHoldsBytesWithoutClosingAndResumeDeliversThem() throws IOException {
        try (Socket s = client()) {
            proxy.pause();
            write(s, "held");
            s.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read());
            proxy.resume();
            s.setSoTimeout(5000);
            assertEquals("held", read(s, 4));
        }
    }

    @Test
    void delayIsAppliedPerChunkInEachDirection() throws IOException {
        try (Socket s = client()) {
            proxy.setDelay(Duration.ofMillis(150));
            long start = System.nanoTime();
            write(s, "x");
            assertEquals("x", read(s, 1));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMs >= 300, () -> "round trip took only " + elapsedMs + " ms");
            proxy.setDelay(Duration.ZERO);
        }
    }

    @Test
    void cutAllResetsLiveConnections() throws Exception {
        try (Socket s = client()) {
            write(s, "a");
            assertEquals("a", read(s, 1));
            proxy.cutAll();
            assertEquals(0, proxy.connectionCount());
            // SO_LINGER 0 makes the close a TCP RST: the client's read fails instead of seeing EOF.
            assertThrows(SocketException.class, () -> {
                write(s, "b");
                s.getInputStream().read();
            });
        }
    }

    @Test
    void cutAllWhilePausedStillResetsTheConnection() throws Exception {
        try (Socket s = client()) {
            proxy.pause();
            write(s, "stuck");
            Thread.sleep(100);
            proxy.cutAll();
            assertThrows(SocketException.class, () -> s.getInputStream().read());
            assertEquals(0, proxy.connectionCount());
        }
    }

    @Test
    void refuseNewRefusesConnectionsUntilTurnedOff() throws IOException {
        proxy.refuseNew(true);
        assertThrows(ConnectException.class, () -> new Socket(proxy.host(), proxy.port()).close());
        proxy.refuseNew(false);
        try (Socket s = client()) {
            write(s, "ok");
            assertEquals("ok", read(s, 2));
        }
    }

    @Test
    void aClientsOrderlyCloseReachesTheServerAndFreesTheConnection() throws Exception {
        try (Socket s = client()) {
            write(s, "bye");
            s.shutdownOutput();
            assertEquals("bye", read(s, 3));
            assertEquals(-1, s.getInputStream().read(), "the echo server closed after our FIN");
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (proxy.connectionCount() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, proxy.connectionCount());
    }

    @Test
    void aProxyToADeadTargetResetsTheClient() throws IOException {
        try (FaultProxy dead = FaultProxy.start("127.0.0.1", Ports.unusedPort());
             Socket s = new Socket(dead.host(), dead.port())) {
            s.setSoTimeout(5000);
            IOException e = assertThrows(IOException.class, () -> {
                int b = s.getInputStream().read();
                if (b == -1) {
                    throw new IOException("EOF instead of a reset");
                }
            });
            assertTrue(e instanceof SocketException, e::toString);
        }
    }

    @Test
    void blackHoleAcceptsButNeverAnswers() throws IOException {
        try (BlackHoleServer hole = BlackHoleServer.start(); Socket s = new Socket(hole.host(), hole.port())) {
            s.setSoTimeout(300);
            write(s, "startup packet");
            assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read());
        }
    }
}
