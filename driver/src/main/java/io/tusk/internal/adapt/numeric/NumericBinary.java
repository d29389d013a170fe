package io.tusk.internal.adapt.numeric;

import io.tusk.errors.DataException;
import io.tusk.internal.adapt.Bin;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * numeric's binary format ({@code numeric_send} in PostgreSQL's {@code numeric.c}): int16
 * ndigits, int16 weight (of the first digit, in powers of 10000), int16 sign (0x0000 positive,
 * 0x4000 negative, 0xC000 NaN, 0xD000 +Infinity and 0xF000 -Infinity since PostgreSQL 14),
 * int16 dscale (decimal digits after the point), then ndigits base-10000 digits.
 */
public final class NumericBinary {
    static final int POS = 0x0000, NEG = 0x4000, NAN = 0xC000, PINF = 0xD000, NINF = 0xF000;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10000);

    private NumericBinary() {
    }

    /** The special value's name (NaN, Infinity, -Infinity) of a binary numeric, or null for a number. */
    static String special(byte[] b, int off) {
        return switch (Bin.int16(b, off + 4) & 0xffff) {
            case NAN -> "NaN";
            case PINF -> "Infinity";
            case NINF -> "-Infinity";
            default -> null;
        };
    }

    public static BigDecimal decode(byte[] b, int off, int len) {
        if (len < 8) {
            throw new DataException("cannot load binary numeric: " + len + " bytes is shorter than its 8-byte header");
        }
        int ndigits = Bin.int16(b, off) & 0xffff;
        int weight = Bin.int16(b, off + 2);
        int sign = Bin.int16(b, off + 4) & 0xffff;
        int dscale = Bin.int16(b, off + 6) & 0xffff;
        String special = special(b, off);
        if (special != null) {
            throw NumericLoaders.notADecimal(special);
        }
        // numeric_recv's checks: a known sign, dscale within NUMERIC_DSCALE_MAX, digits below NBASE.
        if (sign != POS && sign != NEG) {
            throw new DataException("cannot load binary numeric: invalid sign 0x" + Integer.toHexString(sign));
        }
        if (dscale > 0x3fff) {
            throw new DataException("cannot load binary numeric: invalid scale " + dscale);
        }
        if (len != 8 + 2 * ndigits) {
            throw new DataException("cannot load binary numeric: " + ndigits + " digits need " + (8 + 2 * ndigits)
                    + " bytes, got " + len);
        }
        for (int i = 0; i < ndigits; i++) {
            int d = Bin.int16(b, off + 8 + 2 * i);
            if (d < 0 || d >= 10000) {
                throw new DataException("cannot load binary numeric: invalid digit " + d);
            }
        }
        // The digits as one integer N; the value is N * 10000^(weight - ndigits + 1).
        BigDecimal unscaled;
        if (ndigits <= 4) {
            long n = 0;
            for (int i = 0; i < ndigits; i++) {
                n = n * 10000 + Bin.int16(b, off + 8 + 2 * i);
            }
            unscaled = BigDecimal.valueOf(sign == NEG ? -n : n, -4 * (weight - ndigits + 1));
        } else {
            BigInteger n = BigInteger.ZERO;
            // Groups of four base-10000 digits fit in a long: fewer BigInteger operations.
            int i = 0;
            while (i < ndigits) {
                int k = Math.min(4, ndigits - i);
                long chunk = 0;
                for (int j = 0; j < k; j++) {
                    chunk = chunk * 10000 + Bin.int16(b, off + 8 + 2 * (i + j));
                }
                n = n.multiply(TEN_THOUSAND.pow(k)).add(BigInteger.valueOf(chunk));
                i += k;
            }
            unscaled = new BigDecimal(sign == NEG ? n.negate() : n, -4 * (weight - ndigits + 1));
        }
        // The server rounds to dscale, so only zeros are dropped or added here.
        try {
            return unscaled.setScale(dscale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new DataException("cannot load binary numeric: its digits go beyond its scale " + dscale, e);
        }
    }

    public static byte[] encode(BigDecimal value) {
        int dscale = Math.max(value.scale(), 0);
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        BigInteger unscaled = v.unscaledValue().abs();
        // Pad the fraction to whole base-10000 digits.
        int pad = (4 - dscale % 4) % 4;
        String digits = unscaled.toString() + "0".repeat(pad);
        int fracGroups = (dscale + pad) / 4;
        int lead = (4 - digits.length() % 4) % 4;
        digits = "0".repeat(lead) + digits;
        int groups = digits.length() / 4;
        short[] g = new short[groups];
        for (int i = 0; i < groups; i++) {
            g[i] = (short) Integer.parseInt(digits, 4 * i, 4 * i + 4, 10);
        }
        int first = 0;
        while (first < groups && g[first] == 0) {
            first++;
        }
        int last = groups;
        while (last > first && g[last - 1] == 0) {
            last--;
        }
        int ndigits = last - first;
        int weight = ndigits == 0 ? 0 : groups - fracGroups - 1 - first;
        if (ndigits > 0xffff || dscale > 0x3fff || weight > Short.MAX_VALUE || weight < Short.MIN_VALUE) {
            throw new DataException("cannot dump BigDecimal with scale " + value.scale() + " and precision "
                    + value.precision() + ": beyond numeric's limits (131072 digits before the point, 16383 after)");
        }
        byte[] out = new byte[8 + 2 * ndigits];
        Bin.put16(out, 0, ndigits);
        Bin.put16(out, 2, weight);
        Bin.put16(out, 4, v.signum() < 0 ? NEG : POS);
        Bin.put16(out, 6, dscale);
        for (int i = 0; i < ndigits; i++) {
            Bin.put16(out, 8 + 2 * i, g[first + i]);
        }
        return out;
    }

    /** A special value (NaN or an infinity) in the binary format. */
    static byte[] encodeSpecial(double d) {
        byte[] out = new byte[8];
        Bin.put16(out, 4, Double.isNaN(d) ? NAN : d > 0 ? PINF : NINF);
        return out;
    }
}
