package io.tusk.internal.adapt.net;

import static io.tusk.internal.adapt.BuiltinTypes.CIDR;
import static io.tusk.internal.adapt.BuiltinTypes.INET;
import static io.tusk.internal.adapt.BuiltinTypes.MACADDR;
import static io.tusk.internal.adapt.BuiltinTypes.MACADDR8;

import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.errors.DataException;
import io.tusk.internal.adapt.Ascii;
import io.tusk.internal.adapt.Dumpers;
import io.tusk.types.Cidr;
import io.tusk.types.Inet;
import io.tusk.types.MacAddr;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * inet, cidr, macaddr and macaddr8 (psycopg's {@code types.net}): an {@code inet} with a full
 * prefix loads as {@link InetAddress}, with a shorter one as {@link Inet}; {@code cidr} as
 * {@link Cidr}. The binary form is network_send's (PostgreSQL {@code utils/adt/network.c}):
 * family (2 = IPv4, 3 = IPv6), prefix bits, is-cidr flag, address length, address bytes.
 */
public final class NetAdapters {
    private static final int PGSQL_AF_INET = 2;
    private static final int PGSQL_AF_INET6 = 3;

    private NetAdapters() {
    }

    public static void register(AdaptersMap m) {
        m.registerDumper(InetAddress.class, Format.TEXT, Dumpers.<InetAddress>text(INET, InetAddress::getHostAddress));
        m.registerDumper(InetAddress.class, Format.BINARY, Dumpers.<InetAddress>binary(INET,
                a -> send(a, a.getAddress().length * 8, false)));
        m.registerDumper(Inet.class, Format.TEXT, Dumpers.<Inet>text(INET, Inet::toString));
        m.registerDumper(Inet.class, Format.BINARY, Dumpers.<Inet>binary(INET, i -> send(i.address(), i.prefix(), false)));
        m.registerDumper(Cidr.class, Format.TEXT, Dumpers.<Cidr>text(CIDR, Cidr::toString));
        m.registerDumper(Cidr.class, Format.BINARY, Dumpers.<Cidr>binary(CIDR, c -> send(c.address(), c.prefix(), true)));
        m.registerLoader(INET, Format.TEXT, (b, off, len) -> {
            try {
                Inet i = Inet.parse(Ascii.string(b, off, len));
                return i.prefix() == i.address().getAddress().length * 8 ? i.address() : i;
            } catch (IllegalArgumentException e) {
                throw Ascii.bad(b, off, len, "inet");
            }
        });
        m.registerLoader(CIDR, Format.TEXT, (b, off, len) -> {
            try {
                return Cidr.parse(Ascii.string(b, off, len));
            } catch (IllegalArgumentException e) {
                throw Ascii.bad(b, off, len, "cidr");
            }
        });
        m.registerLoader(INET, Format.BINARY, (b, off, len) -> {
            InetAddress a = recv(b, off, len, "inet");
            int bits = b[off + 1] & 0xff;
            return bits == a.getAddress().length * 8 ? a : new Inet(a, bits);
        });
        m.registerLoader(CIDR, Format.BINARY, (b, off, len) -> {
            InetAddress a = recv(b, off, len, "cidr");
            try {
                return new Cidr(a, b[off + 1] & 0xff);
            } catch (IllegalArgumentException e) {
                throw new DataException("cannot load binary cidr: " + e.getMessage(), e);
            }
        });

        Dumper<MacAddr> mac6 = Dumpers.text(MACADDR, MacAddr::toString);
        Dumper<MacAddr> mac8 = Dumpers.text(MACADDR8, MacAddr::toString);
        m.registerDumper(MacAddr.class, Format.TEXT, bySize(mac6, mac8, Format.TEXT));
        m.registerDumper(MacAddr.class, Format.BINARY, bySize(Dumpers.binary(MACADDR, MacAddr::bytes),
                Dumpers.binary(MACADDR8, MacAddr::bytes), Format.BINARY));
        for (int oid : new int[] {MACADDR, MACADDR8}) {
            String type = oid == MACADDR ? "macaddr" : "macaddr8";
            m.registerLoader(oid, Format.TEXT, (b, off, len) -> {
                try {
                    return MacAddr.parse(Ascii.string(b, off, len));
                } catch (IllegalArgumentException e) {
                    throw Ascii.bad(b, off, len, type);
                }
            });
            m.registerLoader(oid, Format.BINARY, (b, off, len) -> {
                if (len != (oid == MACADDR ? 6 : 8)) {
                    throw new DataException("cannot load binary " + type + ": " + len + " bytes");
                }
                return MacAddr.of(Arrays.copyOfRange(b, off, off + len));
            });
        }
    }

    /** A 6-byte MacAddr is a macaddr, an 8-byte one a macaddr8. */
    private static Dumper<MacAddr> bySize(Dumper<MacAddr> six, Dumper<MacAddr> eight, Format format) {
        return new Dumper<>() {
            @Override
            public int oid() {
                return MACADDR;
            }

            @Override
            public Format format() {
                return format;
            }

            @Override
            public byte[] dump(MacAddr value) {
                return upgrade(value).dump(value);
            }

            @Override
            public Dumper<MacAddr> upgrade(MacAddr value) {
                return value.length() == 6 ? six : eight;
            }
        };
    }

    private static byte[] send(InetAddress a, int bits, boolean cidr) {
        byte[] addr = a.getAddress();
        byte[] out = new byte[4 + addr.length];
        out[0] = (byte) (a instanceof Inet4Address ? PGSQL_AF_INET : PGSQL_AF_INET6);
        out[1] = (byte) bits;
        out[2] = (byte) (cidr ? 1 : 0);
        out[3] = (byte) addr.length;
        System.arraycopy(addr, 0, out, 4, addr.length);
        return out;
    }

    private static InetAddress recv(byte[] b, int off, int len, String type) {
        int n = len >= 4 ? b[off + 3] & 0xff : -1;
        int family = len >= 4 ? b[off] : -1;
        if (!((family == PGSQL_AF_INET && n == 4) || (family == PGSQL_AF_INET6 && n == 16)) || len != 4 + n) {
            throw new DataException("cannot load binary " + type + ": unexpected family " + family + " or length " + len);
        }
        int bits = b[off + 1] & 0xff;
        if (bits > 8 * n) {
            throw new DataException("cannot load binary " + type + ": prefix length " + bits + " of a " + (8 * n)
                    + "-bit address");
        }
        byte[] addr = Arrays.copyOfRange(b, off + 4, off + 4 + n);
        try {
            // Inet6Address keeps an IPv4-mapped address (::ffff:a.b.c.d) as IPv6, as PostgreSQL does.
            return n == 4 ? InetAddress.getByAddress(addr) : Inet6Address.getByAddress(null, addr, -1);
        } catch (UnknownHostException e) {
            throw new DataException("cannot load binary " + type + ": " + e.getMessage(), e);
        }
    }
}
