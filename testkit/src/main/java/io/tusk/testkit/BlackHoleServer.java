package io.tusk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server that accepts connections and never answers: a PostgreSQL server that hangs during
 * the startup exchange, for {@code connect_timeout} tests.
 *
 * <p>Example:
 * <pre>{@code
 * try (BlackHoleServer hole = BlackHoleServer.start()) {
 *     assertThrows(OperationalException.class,
 *         () -> Tusk.connect("host=127.0.0.1 port=" + hole.port() + " connect_timeout=1"));
 * }
 * }</pre>
 *
 * <p>Accepted sockets are held open (never read, never written) until {@link #close()}.
 */
public final class BlackHoleServer implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private BlackHoleServer(ServerSocket listener) {
        this.listener = listener;
        Thread t = new Thread(this::acceptLoop, "tusk-black-hole-" + listener.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** Starts listening on a free port of 127.0.0.1. */
    public static BlackHoleServer start() {
        try {
            return new BlackHoleServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open a listening socket on 127.0.0.1", e);
        }
    }

    /** The host to connect to: {@code 127.0.0.1}. */
    public String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    /** The port to connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** How many connections were accepted (and are held silent). */
    public int acceptedCount() {
        return held.size();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                held.add(listener.accept());
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Stops listening and closes every held connection. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : held) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
