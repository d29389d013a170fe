package io.tusk;

import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.Map;

/**
 * What is known about a connection and its session: psycopg's {@code ConnectionInfo}
 * ({@code conn.info}).
 *
 * <pre>{@code
 * ConnectionInfo info = conn.info();
 * System.out.println(info.serverVersion() + " pid " + info.backendPid() + " " + info.dsn());
 * }</pre>
 */
public interface ConnectionInfo {
    /** The server version as libpq's integer: 170006 for 17.6, 130022 for 13.22. */
    int serverVersion();

    /** The process id of the server backend serving this connection. */
    int backendPid();

    /** A run-time parameter the server reported (server_version, TimeZone, ...), or null. */
    String parameterStatus(String name);

    /** Every parameter the server reported, by name. */
    Map<String, String> parameters();

    TransactionStatus transactionStatus();

    ConnectionStatus status();

    /** The Java charset of the session's client_encoding. */
    Charset encoding();

    /** The session's TimeZone setting. */
    ZoneId timezone();

    /** The connection string actually used, without the password. */
    String dsn();

    /** The host connected to: a name, an address, or a Unix-socket directory. */
    String host();

    /** The address actually connected to (hostaddr), or null for Unix sockets. */
    String hostaddr();

    int port();

    String dbname();

    String user();

    /** The protocol version in use: 3.0 as {@code 196608}, 3.2 as {@code 196610}. */
    int protocolVersion();

    /** True when the connection is encrypted with TLS. */
    boolean tls();
}
