package io.tusk.types;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A PostgreSQL {@code cidr} value: a network, given by its address and prefix length, like
 * Python's {@code ipaddress.IPv4Network} that psycopg loads {@code cidr} as. As the server does,
 * it refuses an address with bits set to the right of the mask.
 *
 * <pre>{@code
 * Cidr net = Cidr.parse("10.1.0.0/16");
 * conn.execute("SELECT %s >> '10.1.2.3'::inet", net).fetchone().getBoolean(0); // true
 * }</pre>
 *
 * @param address the network address (host bits zero)
 * @param prefix the prefix length: 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record Cidr(InetAddress address, int prefix) {
    public Cidr {
        Objects.requireNonNull(address, "address");
        NetAddresses.checkPrefix(address, prefix);
        byte[] b = address.getAddress();
        for (int bit = prefix; bit < b.length * 8; bit++) {
            if ((b[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException("invalid cidr " + NetAddresses.format(address) + "/" + prefix
                        + ": the address has bits set to the right of the mask (use its network address)");
            }
        }
    }

    /** Reads {@code address/prefix} (PostgreSQL's form); without a prefix, the whole address. */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        InetAddress a = NetAddresses.parse(slash < 0 ? text : text.substring(0, slash));
        return new Cidr(a, slash < 0 ? a.getAddress().length * 8 : NetAddresses.prefix(text, slash));
    }

    @Override
    public String toString() {
        return NetAddresses.format(address) + "/" + prefix;
    }
}
