package io.tusk.types;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A PostgreSQL {@code inet} value with a network mask: a host address and the length of its
 * network prefix, like Python's {@code ipaddress.IPv4Interface} that psycopg loads such values as.
 * An {@code inet} whose prefix covers the whole address ({@code /32}, {@code /128}) loads as a
 * plain {@link InetAddress} instead, as in psycopg; both dump as {@code inet}.
 *
 * <pre>{@code
 * Inet i = Inet.parse("192.168.0.7/24");
 * i.address();   // /192.168.0.7
 * i.prefix();    // 24
 * conn.execute("INSERT INTO hosts (addr) VALUES (%s)", i);
 * }</pre>
 *
 * @param address the host address (IPv4 or IPv6)
 * @param prefix the network prefix length: 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record Inet(InetAddress address, int prefix) {
    public Inet {
        Objects.requireNonNull(address, "address");
        NetAddresses.checkPrefix(address, prefix);
    }

    /** Reads {@code address[/prefix]} as PostgreSQL writes it; without a prefix, the whole address. */
    public static Inet parse(String text) {
        int slash = text.indexOf('/');
        InetAddress a = NetAddresses.parse(slash < 0 ? text : text.substring(0, slash));
        return new Inet(a, slash < 0 ? a.getAddress().length * 8 : NetAddresses.prefix(text, slash));
    }

    /** {@code 192.168.0.7/24}: PostgreSQL's input form. */
    @Override
    public String toString() {
        return NetAddresses.format(address) + "/" + prefix;
    }
}
