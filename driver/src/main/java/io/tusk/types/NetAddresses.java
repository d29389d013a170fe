package io.tusk.types;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP address literals without DNS, for {@link Inet} and {@link Cidr}. */
final class NetAddresses {
    private NetAddresses() {
    }

    static void checkPrefix(InetAddress address, int prefix) {
        int max = address.getAddress().length * 8;
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("invalid network prefix /" + prefix + " for "
                    + format(address) + ": it must be between 0 and " + max);
        }
    }

    static int prefix(String text, int slash) {
        try {
            return Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid network prefix in \"" + text + "\"", e);
        }
    }

    /**
     * An IPv4 or IPv6 literal. Only hex digits, dots and colons are let through to
     * {@link InetAddress#getByName}, which therefore never asks DNS; an IPv4-mapped IPv6 literal
     * ({@code ::ffff:1.2.3.4}) stays IPv6, as in PostgreSQL (Java would make it IPv4).
     */
    static InetAddress parse(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty IP address");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
                throw new IllegalArgumentException("invalid IP address \"" + s + "\"");
            }
        }
        try {
            InetAddress a = InetAddress.getByName(s);
            if (a instanceof Inet4Address && s.indexOf(':') >= 0) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(a.getAddress(), 0, mapped, 12, 4);
                return Inet6Address.getByAddress(null, mapped, -1);
            }
            return a;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid IP address \"" + s + "\"", e);
        }
    }

    /** The address without a host name: {@code 10.0.0.1}, {@code 2001:db8:0:0:0:0:0:1}. */
    static String format(InetAddress a) {
        return a.getHostAddress();
    }
}
