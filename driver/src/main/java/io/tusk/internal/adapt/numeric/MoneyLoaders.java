package io.tusk.internal.adapt.numeric;

import static io.tusk.internal.adapt.BuiltinTypes.MONEY;

import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Format;
import io.tusk.internal.adapt.Ascii;
import io.tusk.internal.adapt.Bin;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * money ⟶ BigDecimal. In binary, money is an int8 count of the currency's smallest unit
 * (cash_send, {@code utils/adt/cash.c}); its number of fraction digits comes from the server's
 * {@code lc_monetary}, which the protocol does not report, so two digits are assumed (the
 * server's own fallback, and the value for C, POSIX and most locales). The text form is
 * formatted by {@code lc_monetary} (currency symbol, grouping, sign), so the text loader keeps
 * only the digits, the sign ({@code -} or parentheses) and the digits after the last {@code .}
 * or {@code ,} as the fraction: read money in binary where you can. Parameters: dump a
 * BigDecimal (numeric), which the server casts to money on assignment or with {@code %s::money}.
 * psycopg leaves money as a string.
 */
public final class MoneyLoaders {
    private MoneyLoaders() {
    }

    public static void register(AdaptersMap m) {
        m.registerLoader(MONEY, Format.BINARY, (b, off, len) -> {
            Bin.expectLength(len, 8, "money");
            return BigDecimal.valueOf(Bin.int64(b, off), 2);
        });
        m.registerLoader(MONEY, Format.TEXT, MoneyLoaders::text);
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
