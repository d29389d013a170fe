package io.tusk.internal.adapt.misc;

import static io.tusk.internal.adapt.BuiltinTypes.BIT;
import static io.tusk.internal.adapt.BuiltinTypes.VARBIT;

import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Format;
import io.tusk.errors.DataException;
import io.tusk.internal.adapt.Ascii;
import io.tusk.internal.adapt.Bin;
import io.tusk.internal.adapt.Dumpers;
import io.tusk.types.BitString;
import java.util.Arrays;

/**
 * bit and varbit ⟷ {@link BitString}. A BitString is dumped as varbit, which the server casts to
 * {@code bit(n)} on assignment. Binary form (varbit_send, {@code utils/adt/varbit.c}): int32 bit
 * count, then the bits most significant first, padded to a byte.
 */
public final class BitAdapters {
    private BitAdapters() {
    }

    public static void register(AdaptersMap m) {
        m.registerDumper(BitString.class, Format.TEXT, Dumpers.<BitString>text(VARBIT, BitString::toString));
        m.registerDumper(BitString.class, Format.BINARY, Dumpers.<BitString>binary(VARBIT, s -> {
            byte[] bits = s.bytes();
            byte[] out = new byte[4 + bits.length];
            Bin.put32(out, 0, s.length());
            System.arraycopy(bits, 0, out, 4, bits.length);
            return out;
        }));
        for (int oid : new int[] {BIT, VARBIT}) {
            String type = oid == BIT ? "bit" : "varbit";
            m.registerLoader(oid, Format.TEXT, (b, off, len) -> {
                try {
                    return BitString.parse(Ascii.string(b, off, len));
                } catch (IllegalArgumentException e) {
                    throw Ascii.bad(b, off, len, type);
                }
            });
            m.registerLoader(oid, Format.BINARY, (b, off, len) -> {
                int n = len >= 4 ? Bin.int32(b, off) : -1;
                if (n < 0 || len != 4 + (n + 7) / 8) {
                    throw new DataException("cannot load binary " + type + ": " + len + " bytes do not hold its bits");
                }
                return BitString.ofBytes(Arrays.copyOfRange(b, off + 4, off + len), n);
            });
        }
    }
}
