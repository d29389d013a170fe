package io.tusk.internal.connection;

import io.tusk.internal.net.Transport;
import java.io.IOException;

/**
 * Where a session is connected and how to reach the same server again (for CancelRequest):
 * the host as given, the address actually used, the port, the database, the user and the
 * connection string without its password.
 */
public record Endpoint(String host, String hostaddr, int port, String dbname, String user, String safeDsn,
        Dialer dialer) {

    /**
     * Opens a new transport to the same server, TLS included when the session used it; {@code
     * timeout} bounds the connect and each read of the TLS negotiation.
     */
    @FunctionalInterface
    public interface Dialer {
        Transport dial(java.time.Duration timeout) throws IOException;
    }

    @Override
    public String toString() {
        return "Endpoint[" + safeDsn + "]";
    }
}
