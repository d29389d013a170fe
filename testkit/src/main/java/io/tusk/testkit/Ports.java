package io.tusk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * TCP port helpers for network-failure tests: a port where no PostgreSQL (nor anything) listens,
 * to see how a client reports "connection refused".
 *
 * <p>Example: {@code Tusk.connect("host=127.0.0.1 port=" + Ports.unusedPort())} must fail.
 */
public final class Ports {
    private Ports() {
    }

    /**
     * A port of 127.0.0.1 with nothing listening: one the OS just handed out and that was closed
     * again. Another process could take it meanwhile, which on a test machine is unlikely enough.
     */
    public static int unusedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not get a free port from the OS", e);
        }
    }
}
