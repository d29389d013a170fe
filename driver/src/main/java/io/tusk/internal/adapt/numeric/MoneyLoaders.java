package io.tusk.internal.adapt.numeric;

import static io.tusk.internal.adapt.BuiltinTypes.MONEY;

import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.internal.adapt.Ascii;
import io.tusk.internal.adapt.Bin;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * money ⟶ BigDecimal. In binary, money is an int8 count of the currency's smallest unit
 * (cash_send, {@code utils/adt/cash.c}); how many of its digits are the fraction is the
 * {@code frac_digits} of the server's {@code lc_monetary} (2 when the locale gives none or an
 * absurd number, as cash_in does), which the protocol does not report. The default loaders
 * assume 2 (C, POSIX and most locales); {@link #scaleQuery()} asks the session and
 * {@link #binary(int)}/{@link #text(int)} load with the answer. The text form is formatted by
 * {@code lc_monetary} (symbol, grouping, sign) but always prints exactly {@code frac_digits}
 * digits after the decimal point (cash_out), so with the scale known the digits are the count of
 * smallest units whatever the separators; without it the digits after the last {@code .} or
 * {@code ,} are taken as the fraction. Parameters: dump a BigDecimal (numeric), which the server
 * casts to money on assignment or with {@code %s::money}. psycopg leaves money as a string.
 */
public final class MoneyLoaders {
    private MoneyLoaders() {
    }

    /**
     * The session's fraction digits of money: cash_numeric rounds to them, so the scale of a money
     * converted to numeric is the scale money has under the current {@code lc_monetary}.
     */
    public static String scaleQuery() {
        return "SELECT pg_catalog.scale(0::money::numeric)";
    }

    public static void register(AdaptersMap m) {
        m.registerLoader(MONEY, Format.BINARY, binary(2));
        m.registerLoader(MONEY, Format.TEXT, (Loader<BigDecimal>) MoneyLoaders::text);
    }

    /** Binary money with {@code scale} fraction digits. */
    public static Loader<BigDecimal> binary(int scale) {
        return (b, off, len) -> {
            Bin.expectLength(len, 8, "money");
            return BigDecimal.valueOf(Bin.int64(b, off), scale);
        };
    }

    /** Text money with {@code scale} fraction digits: every digit is part of the count of units. */
    public static Loader<BigDecimal> text(int scale) {
        return (b, off, len) -> {
            StringBuilder digits = new StringBuilder(len);
            boolean negative = false;
            for (int i = off; i < off + len; i++) {
                byte c = b[i];
                if (c >= '0' && c <= '9') {
                    digits.append((char) c);
                } else if (c == '-' || c == '(') {
                    negative = true;
                }
            }
            if (digits.length() == 0) {
                throw Ascii.bad(b, off, len, "money");
            }
            BigInteger units = new BigInteger(digits.toString());
            return new BigDecimal(negative ? units.negate() : units, scale);
        };
    }

    private static BigDecimal text(byte[] b, int off, int len) {
        StringBuilder digits = new StringBuilder(len);
        boolean negative = false;
        int scale = 0;
        boolean sawSeparator = false;
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                digits.append((char) c);
                if (sawSeparator) {
                    scale++;
                }
            } else if (c == '-' || c == '(') {
                negative = true;
            } else if (c == '.' || c == ',') {
                sawSeparator = true;
                scale = 0;
            }
        }
        if (digits.length() == 0) {
            throw Ascii.bad(b, off, len, "money");
        }
        if (scale > 3) {
            scale = 0; // the last separator grouped thousands: no fraction printed
        }
        BigInteger units = new BigInteger(digits.toString());
        return new BigDecimal(negative ? units.negate() : units, scale);
    }
}
