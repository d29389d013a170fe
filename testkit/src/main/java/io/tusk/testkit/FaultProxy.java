package io.tusk.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy that injects network faults between a client and the PostgreSQL server: the
 * failures a connection meets in production (a stalled or cut link, a lost segment, a server that
 * no longer accepts), on demand.
 *
 * <p>Example:
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(pg.host(), pg.port())) {
 *     Connection conn = Tusk.connect("host=127.0.0.1 port=" + proxy.port() + " ...");
 *     proxy.cutAll();                       // every live connection gets a TCP reset
 *     assertThrows(OperationalException.class, () -> conn.execute("SELECT 1"));
 * }
 * }</pre>
 *
 * <p>Plain blocking java.net: one accept thread, and two daemon threads per connection (one per
 * direction), at most {@value #MAX_CONNECTIONS} connections at a time; more are refused.
 */
public final class FaultProxy implements AutoCloseable {
    /** Most connections forwarded at once; the proxy is for tests, not load. */
    public static final int MAX_CONNECTIONS = 256;
    private static final int CHUNK = 16 * 1024;

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Object lock = new Object();
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong dropFromServer = new AtomicLong();
    private volatile ServerSocket listener;
    private volatile Thread acceptThread;
    private volatile boolean paused;
    private volatile boolean closed;
    private volatile long delayNanos;

    private FaultProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = s.getLocalPort();
        listen(s);
    }

    /** Starts a proxy on a free port of 127.0.0.1 that forwards to {@code targetHost:targetPort}. */
    public static FaultProxy start(String targetHost, int targetPort) {
        try {
            return new FaultProxy(targetHost, targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open a listening socket on 127.0.0.1 for the fault proxy", e);
        }
    }

    /** The host clients connect to: {@code 127.0.0.1}. */
    public String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    /** The port clients connect to instead of the server's. */
    public int port() {
        return port;
    }

    /** Stops forwarding in both directions; connections stay open and bytes wait until {@link #resume()}. */
    public void pause() {
        paused = true;
    }

    /** Forwards again what {@link #pause()} held, and everything after it. */
    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    /** Waits {@code delay} before forwarding each chunk of bytes, in both directions ({@link Duration#ZERO} to stop). */
    public void setDelay(Duration delay) {
        delayNanos = Math.max(0, delay.toNanos());
    }

    /** Silently discards the next {@code n} bytes the server sends (on any connection), as a lost segment would. */
    public void dropNextBytes(int n) {
        dropFromServer.addAndGet(n);
    }

    /**
     * Refuses new connections ({@code true}) as a server that is down does: the listening socket is
     * closed, so clients get "connection refused"; {@code false} listens on the same port again.
     * Live connections are not touched.
     */
    public void refuseNew(boolean refuse) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (refuse && listener != null) {
                closeQuietly(listener);
                listener = null;
                // The JDK may finish closing a listening socket only once a blocked accept()
                // returns; until then the kernel still completes handshakes. Wait for the accept
                // thread to end so that "refused" is true when this method returns.
                awaitAcceptThread();
            } else if (!refuse && listener == null) {
                try {
                    ServerSocket s = new ServerSocket();
                    s.setReuseAddress(true);
                    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                    listen(s);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not listen again on port " + port + " (taken meanwhile?)", e);
                }
            }
        }
    }

    /** Closes every live connection abruptly (TCP RST on both sides where the OS allows). */
    public void cutAll() {
        for (Link link : links) {
            link.abort();
        }
    }

    /** The number of connections open through the proxy now. */
    public int connectionCount() {
        return links.size();
    }

    /** The number of connections accepted since the start. */
    public int acceptedCount() {
        return accepted.get();
    }

    /** Stops listening and cuts every connection. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            paused = false;
            lock.notifyAll();
            if (listener != null) {
                closeQuietly(listener);
                listener = null;
            }
        }
        cutAll();
    }

    private void listen(ServerSocket s) {
        listener = s;
        Thread t = new Thread(() -> acceptLoop(s), "tusk-fault-proxy-" + port + "-accept");
        t.setDaemon(true);
        acceptThread = t;
        t.start();
    }

    private void awaitAcceptThread() {
        Thread t = acceptThread;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            Socket client;
            try {
                client = s.accept();
            } catch (IOException e) {
                return; // closed by refuseNew(true) or close()
            }
            if (s.isClosed()) {
                reset(client); // accepted while refuseNew(true) was closing the listener
                return;
            }
            accepted.incrementAndGet();
            if (links.size() >= MAX_CONNECTIONS) {
                reset(client);
                continue;
            }
            Socket server = new Socket();
            try {
                server.connect(new InetSocketAddress(targetHost, targetPort), 10_000);
            } catch (IOException e) {
                // The target is down: the client sees its connection reset.
                closeQuietly(server);
                reset(client);
                continue;
            }
            Link link = new Link(client, server);
            links.add(link);
            link.start(accepted.get());
        }
    }

    /** One proxied connection: a client socket, a server socket and a pump thread per direction. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private final AtomicInteger pumpsDone = new AtomicInteger();

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
            try {
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
            } catch (SocketException ignored) {
                // only latency
            }
        }

        void start(int id) {
            pump(client, server, false, "tusk-fault-proxy-" + port + "-" + id + "-c2s");
            pump(server, client, true, "tusk-fault-proxy-" + port + "-" + id + "-s2c");
        }

        private void pump(Socket from, Socket to, boolean fromServer, String name) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[CHUNK];
                // Not try-with-resources: closing a socket's stream closes the socket, and the
                // other direction may still be sending (half-close).
                try {
                    InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream();
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        awaitForwarding(to);
                        int skip = fromServer ? (int) take(n) : 0;
                        if (n > skip) {
                            out.write(buf, skip, n - skip);
                            out.flush();
                        }
                    }
                    // Orderly close (FIN) of one side is passed on as a half-close.
                    to.shutdownOutput();
                    finished();
                } catch (IOException | InterruptedException e) {
                    abort();
                }
            }, name);
            t.setDaemon(true);
            t.start();
        }

        private void finished() {
            if (pumpsDone.incrementAndGet() == 2) {
                closeQuietly(client);
                closeQuietly(server);
                links.remove(this);
            }
        }

        void abort() {
            links.remove(this);
            reset(client);
            reset(server);
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** Takes up to {@code n} bytes from the drop budget; returns how many to discard. */
    private long take(int n) {
        while (true) {
            long budget = dropFromServer.get();
            if (budget <= 0) {
                return 0;
            }
            long drop = Math.min(budget, n);
            if (dropFromServer.compareAndSet(budget, budget - drop)) {
                return drop;
            }
        }
    }

    private void awaitForwarding(Socket to) throws InterruptedException {
        long delay = delayNanos;
        if (delay > 0) {
            Thread.sleep(delay / 1_000_000, (int) (delay % 1_000_000));
        }
        synchronized (lock) {
            // A cut connection stops waiting too, so that its pump threads end.
            while (paused && !closed && !to.isClosed()) {
                lock.wait();
            }
        }
    }

    /** Closes with SO_LINGER 0, which makes the OS send a TCP RST instead of a FIN. */
    static void reset(Socket s) {
        try {
            if (!s.isClosed()) {
                s.setSoLinger(true, 0);
            }
        } catch (SocketException ignored) {
            // already reset by the peer
        }
        closeQuietly(s);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing left to do
        }
    }

    @Override
    public String toString() {
        return "FaultProxy 127.0.0.1:" + port + " -> " + targetHost + ":" + targetPort + " (" + links.size()
                + " connections" + (paused ? ", paused" : "") + ")";
    }
}
