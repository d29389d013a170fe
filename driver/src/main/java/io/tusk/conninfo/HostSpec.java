package io.tusk.conninfo;

import java.util.Objects;
import java.util.Optional;

/**
 * One server of a connection's host list: libpq's {@code pg_conn_host}, made from one element
 * each of the {@code host}, {@code hostaddr} and {@code port} lists.
 *
 * <pre>{@code
 * List<HostSpec> hosts = Conninfo.parse("host=db1,/var/run/postgresql port=5433").resolve().hosts();
 * hosts.get(0);                  // db1:5433, over TCP
 * hosts.get(1).isUnixSocket();   // true
 * hosts.get(1).socketPath();     // "/var/run/postgresql/.s.PGSQL.5433"
 * }</pre>
 *
 * <p>As in libpq, a host beginning with {@code /} is a Unix-socket directory and one beginning
 * with {@code @} a directory in Linux's abstract socket namespace; a {@code hostaddr} makes the
 * connection go over TCP to that address, the {@code host} name then serving only for TLS
 * verification and {@code ~/.pgpass}.
 */
public final class HostSpec {

    private final String host;
    private final String hostaddr;
    private final int port;
    private final boolean unixSocket;

    HostSpec(String host, String hostaddr, int port, boolean unixSocket) {
        this.host = host;
        this.hostaddr = hostaddr;
        this.port = port;
        this.unixSocket = unixSocket;
    }

    /** A TCP server by host name or IP address. */
    public static HostSpec tcp(String host, int port) {
        return new HostSpec(Objects.requireNonNull(host), null, port, false);
    }

    /** A server listening on a Unix-domain socket in {@code directory} ({@code @name} for the abstract namespace). */
    public static HostSpec unixSocket(String directory, int port) {
        return new HostSpec(Objects.requireNonNull(directory), null, port, true);
    }

    /**
     * The {@code host} element: a host name, an IP address or a socket directory; empty when the
     * server was given by {@code hostaddr} alone.
     */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** The {@code hostaddr} element: the numeric IP address to connect to, if given. */
    public Optional<String> hostaddr() {
        return Optional.ofNullable(hostaddr);
    }

    /** The TCP port, or the number in the socket file's name. */
    public int port() {
        return port;
    }

    /** Whether to connect over a Unix-domain socket rather than TCP. */
    public boolean isUnixSocket() {
        return unixSocket;
    }

    /** Whether the socket lives in Linux's abstract namespace (a host beginning with {@code @}). */
    public boolean isAbstractSocket() {
        return unixSocket && host.startsWith("@");
    }

    /**
     * The socket file, {@code <dir>/.s.PGSQL.<port>} as libpq's {@code UNIXSOCK_PATH}; for an
     * abstract socket it begins with {@code @}, which stands for the leading NUL byte.
     *
     * @throws IllegalStateException for a TCP server
     */
    public String socketPath() {
        if (!unixSocket) {
            throw new IllegalStateException(this + " is a TCP server, not a Unix-domain socket");
        }
        return host + "/.s.PGSQL." + port;
    }

    /** What to connect to over TCP: the {@code hostaddr} if given, else the host; the socket directory for a Unix socket. */
    public String address() {
        return hostaddr != null ? hostaddr : host;
    }

    /** {@code db1:5432}, {@code [::1]:5432}, {@code db1 (10.0.0.1):5432} or the socket path. */
    @Override
    public String toString() {
        if (unixSocket) {
            return socketPath();
        }
        String shown = host == null ? bracketed(hostaddr) : hostaddr == null ? bracketed(host)
                : host + " (" + hostaddr + ")";
        return shown + ":" + port;
    }

    private static String bracketed(String address) {
        return address.indexOf(':') >= 0 ? "[" + address + "]" : address;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HostSpec)) {
            return false;
        }
        HostSpec other = (HostSpec) o;
        return port == other.port && unixSocket == other.unixSocket && Objects.equals(host, other.host)
                && Objects.equals(hostaddr, other.hostaddr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, hostaddr, port, unixSocket);
    }
}
