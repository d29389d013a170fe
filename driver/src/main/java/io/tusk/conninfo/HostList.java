package io.tusk.conninfo;

import io.tusk.errors.ProgrammingException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands the {@code host}, {@code hostaddr} and {@code port} lists into {@link HostSpec}s, as
 * libpq's {@code pqConnectOptions2} does (PostgreSQL docs, "Specifying Multiple Hosts").
 *
 * <p>{@code hostaddr}, when given, sets the number of servers, and {@code host} must then have as
 * many elements; a single port applies to every server, otherwise there must be one per server.
 * An empty element takes the default: port 5432, and for the host the first of
 * {@link #DEFAULT_SOCKET_DIRS} holding a socket file for that port, else {@code localhost}.
 */
final class HostList {

    /** Where packaged servers (Debian, Red Hat) and source builds put their sockets, in that order. */
    static final List<String> DEFAULT_SOCKET_DIRS = List.of("/var/run/postgresql", "/tmp");

    static final int DEFAULT_PORT = 5432;

    private HostList() {
    }

    static List<HostSpec> expand(String host, String hostaddr, String port, Environment env) {
        List<String> addrs = isSet(hostaddr) ? Params.split(hostaddr) : null;
        List<String> names = isSet(host) ? Params.split(host) : null;
        int count = addrs != null ? addrs.size() : names != null ? names.size() : 1;
        if (addrs != null && names != null && names.size() != count) {
            throw new ProgrammingException("could not match " + names.size() + " host names to " + count
                    + " hostaddr values: give host and hostaddr the same number of comma-separated elements");
        }
        List<String> ports = isSet(port) ? Params.split(port) : List.of("");
        if (ports.size() != 1 && ports.size() != count) {
            throw new ProgrammingException("could not match " + ports.size() + " port numbers to " + count
                    + " hosts: give one port for all hosts or one per host");
        }
        List<HostSpec> hosts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String portText = ports.get(ports.size() == 1 ? 0 : i);
            int portNumber = portText.isEmpty() ? DEFAULT_PORT : Params.parsePort(portText);
            String addr = addrs == null ? "" : addrs.get(i);
            String name = names == null ? "" : names.get(i);
            if (!addr.isEmpty()) {
                checkNumericAddress(addr);
                hosts.add(new HostSpec(name.isEmpty() ? null : name, addr, portNumber, false));
            } else if (!name.isEmpty()) {
                hosts.add(new HostSpec(name, null, portNumber, isSocketDirectory(name, env)));
            } else {
                hosts.add(defaultHost(portNumber, env));
            }
        }
        return List.copyOf(hosts);
    }

    /** libpq's {@code is_unixsock_path}: an absolute path, or {@code @} for the abstract namespace. */
    static boolean isSocketDirectory(String host, Environment env) {
        if (host.startsWith("/") || host.startsWith("@")) {
            return true;
        }
        return env.isWindows() && host.length() > 2 && Character.isLetter(host.charAt(0))
                && host.charAt(1) == ':' && (host.charAt(2) == '\\' || host.charAt(2) == '/');
    }

    /** Whether {@code ~/.pgpass} should see this socket directory as {@code localhost}, as libpq does for its default one. */
    static boolean isDefaultSocketDirectory(HostSpec host) {
        return host.isUnixSocket() && DEFAULT_SOCKET_DIRS.contains(host.address());
    }

    private static HostSpec defaultHost(int port, Environment env) {
        if (!env.isWindows()) {
            for (String dir : DEFAULT_SOCKET_DIRS) {
                if (env.socketExists(Path.of(dir, ".s.PGSQL." + port))) {
                    return new HostSpec(dir, null, port, true);
                }
            }
        }
        return new HostSpec("localhost", null, port, false);
    }

    /**
     * {@code hostaddr} must be a numeric address (libpq resolves it with {@code AI_NUMERICHOST}).
     * The checks before {@link InetAddress#getByName} make sure it never starts a DNS lookup.
     */
    private static void checkNumericAddress(String addr) {
        boolean numeric;
        if (addr.indexOf(':') >= 0) {
            char first = addr.charAt(0);
            numeric = first == ':' || Character.digit(first, 16) >= 0 && first < 128;
            if (numeric) {
                try {
                    InetAddress.getByName(addr); // a literal with ':' is parsed, never looked up
                } catch (UnknownHostException e) {
                    numeric = false;
                }
            }
        } else {
            numeric = isDottedQuad(addr);
        }
        if (!numeric) {
            throw new ProgrammingException("could not parse network address \"" + addr
                    + "\": hostaddr takes a numeric IPv4 or IPv6 address (put a host name in host)");
        }
    }

    private static boolean isDottedQuad(String addr) {
        String[] parts = addr.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }
}
