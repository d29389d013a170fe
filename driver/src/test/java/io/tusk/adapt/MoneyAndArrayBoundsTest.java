package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.DataException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.types.PgArray;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Money under locales whose currency has 0 or 3 fraction digits (the embedded server has only
 * the C locales, so these are the bytes such a server sends), and arrays with lower bounds.
 */
class MoneyAndArrayBoundsTest {
    private static final int MONEY = 790;
    private final Transformer tx = new Transformer(AdaptersMap.global(), StandardCharsets.UTF_8);

    private static byte[] int64(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (56 - 8 * i));
        }
        return b;
    }

    private static Object load(Loader<?> l, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return l.load(b, 0, b.length);
    }

    @Test
    void binaryMoneyTakesItsScaleFromTheSessionsFractionDigits() {
        byte[] units = int64(-123456);
        assertEquals(new BigDecimal("-1234.56"), tx.loaderFor(MONEY, Format.BINARY).load(units, 0, 8)); // default 2
        assertEquals(new BigDecimal("-123456"), Loaders.money(Format.BINARY, 0).load(units, 0, 8)); // ja_JP: yen
        assertEquals(new BigDecimal("-123.456"), Loaders.money(Format.BINARY, 3).load(units, 0, 8)); // ar_BH: dinar
    }

    @Test
    void textMoneyWithAKnownScaleIsExactWhateverTheSeparators() {
        // cash_out prints exactly frac_digits digits after the locale's decimal point.
        assertEquals(new BigDecimal("1234"), load(Loaders.money(Format.TEXT, 0), "\uffe51,234"));
        assertEquals(new BigDecimal("1234.567"), load(Loaders.money(Format.TEXT, 3), "BHD 1,234.567"));
        assertEquals(new BigDecimal("-1234.567"), load(Loaders.money(Format.TEXT, 3), "-1.234,567 BD"));
        assertEquals(new BigDecimal("-1.50"), load(Loaders.money(Format.TEXT, 2), "($1.50)"));
        assertThrows(DataException.class, () -> load(Loaders.money(Format.TEXT, 2), "$"));
        assertThrows(IllegalArgumentException.class, () -> Loaders.money(Format.TEXT, 11));
    }

    @Test
    void arraysWithLowerBoundsLoadAsPgArrayInTextAndBinary() {
        Object text = load(tx.loaderFor(1007, Format.TEXT), "[0:2]={1,2,3}");
        PgArray a = (PgArray) text;
        assertEquals(0, a.lowerBound());
        assertEquals(List.of(1, 2, 3), a);
        assertEquals("[0:2]=[1, 2, 3]", a.toString());

        Dumper<Object> d = tx.dumperFor(a, Format.BINARY); // int2[]: the smallest integers that fit
        byte[] bin = d.dump(a);
        PgArray b = (PgArray) tx.loaderFor(d.oid(), Format.BINARY).load(bin, 0, bin.length);
        assertArrayEquals(new int[] {0}, b.lowerBounds());
        assertEquals(List.of((short) 1, (short) 2, (short) 3), b);

        assertEquals("[0:2]={1,2,3}", new String(tx.dumperFor(a, Format.TEXT).dump(a), StandardCharsets.US_ASCII));
        PgArray twoD = PgArray.of(List.of(List.of(1, 2), List.of(3, 4)), -1, 5);
        assertEquals("[-1:0][5:6]={{1,2},{3,4}}",
                new String(tx.dumperFor(twoD, Format.TEXT).dump(twoD), StandardCharsets.US_ASCII));
        assertArrayEquals(new int[] {2, 2}, twoD.dimensions());
    }

    @Test
    void arraysFromOneStayPlainLists() {
        Object v = load(tx.loaderFor(1007, Format.TEXT), "[1:2]={1,2}");
        assertFalse(v instanceof PgArray);
        assertEquals(List.of(1, 2), v);
        assertTrue(load(tx.loaderFor(1007, Format.TEXT), "{1,2}") instanceof List<?>);
        assertThrows(DataException.class, () -> load(tx.loaderFor(1007, Format.TEXT), "[0:5]={1,2}"));
    }
}
