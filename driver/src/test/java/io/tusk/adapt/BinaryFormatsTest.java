package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.DataException;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.BuiltinTypes;
import io.tusk.internal.adapt.Transformer;
import io.tusk.types.Interval;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dumps and loads against the exact bytes of the server's send/recv functions and text output. */
class BinaryFormatsTest {
    private final Transformer tx = new Transformer(AdaptersMap.global(), StandardCharsets.UTF_8);

    private byte[] dump(Object v, Format f) {
        return tx.dump(new Object[] {v}, new Format[] {f}).values()[0];
    }

    private int oid(Object v, Format f) {
        return tx.dump(new Object[] {v}, new Format[] {f}).oids()[0];
    }

    private Object load(int oid, Format f, byte[] b) {
        return tx.loaderFor(oid, f).load(b, 0, b.length);
    }

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    @Test
    void numericBinaryIsBase10000DigitsWithWeightSignAndScale() {
        // 12345.678: digits 1, 2345, 6780; weight 1; positive; dscale 3 (numeric_send)
        byte[] b = hex("0003 0001 0000 0003 0001 0929 1a7c");
        assertArrayEquals(b, dump(new BigDecimal("12345.678"), Format.BINARY));
        assertEquals(new BigDecimal("12345.678"), load(BuiltinTypes.NUMERIC, Format.BINARY, b));
        // -0.0001: one digit 1 at weight -1
        byte[] small = hex("0001 ffff 4000 0004 0001");
        assertArrayEquals(small, dump(new BigDecimal("-0.0001"), Format.BINARY));
        assertEquals(new BigDecimal("-0.0001"), load(BuiltinTypes.NUMERIC, Format.BINARY, small));
        assertArrayEquals(hex("0000 0000 0000 0002"), dump(new BigDecimal("0.00"), Format.BINARY));
    }

    @Test
    void numericNanInBinaryNamesTheValueAndTheOptIn() {
        DataException e = assertThrows(DataException.class,
                () -> load(BuiltinTypes.NUMERIC, Format.BINARY, hex("0000 0000 c000 0000")));
        assertTrue(e.getMessage().contains("'NaN'"), e.getMessage());
        assertEquals(Double.NEGATIVE_INFINITY,
                Loaders.numericAsDouble(Format.BINARY).load(hex("0000 0000 f000 0000"), 0, 8));
    }

    @Test
    void integersPickTheSmallestTypeLikePsycopg() {
        assertEquals(BuiltinTypes.INT2, oid(10L, Format.BINARY));
        assertEquals(BuiltinTypes.INT4, oid(40000, Format.BINARY));
        assertEquals(BuiltinTypes.INT8, oid(1L << 33, Format.TEXT));
        assertArrayEquals(hex("fffe"), dump(-2, Format.BINARY));
    }

    @Test
    void datesCountDaysFrom2000AndBcYearsAreShiftedByOne() {
        assertArrayEquals(hex("00000000"), dump(LocalDate.of(2000, 1, 1), Format.BINARY));
        assertArrayEquals(hex("ffffffff"), dump(LocalDate.of(1999, 12, 31), Format.BINARY));
        assertArrayEquals("0044-03-15 BC".getBytes(StandardCharsets.US_ASCII), dump(LocalDate.of(-43, 3, 15), Format.TEXT));
        assertEquals(LocalDate.of(-43, 3, 15), load(BuiltinTypes.DATE, Format.TEXT, "0044-03-15 BC".getBytes()));
        assertThrows(DataException.class, () -> load(BuiltinTypes.DATE, Format.BINARY, hex("7fffffff")));
    }

    @Test
    void timestamptzBinaryIsShownInTheContextZone() {
        Transformer kathmandu = new Transformer(AdaptersMap.global(),
                AdaptContext.of(StandardCharsets.UTF_8, Map.of("TimeZone", "Asia/Kathmandu")));
        byte[] zero = hex("0000000000000000");
        assertEquals(OffsetDateTime.of(2000, 1, 1, 5, 45, 0, 0, ZoneOffset.ofHoursMinutes(5, 45)),
                kathmandu.loaderFor(BuiltinTypes.TIMESTAMPTZ, Format.BINARY).load(zero, 0, 8));
        assertEquals(LocalDateTime.of(2000, 1, 1, 0, 0), load(BuiltinTypes.TIMESTAMP, Format.BINARY, zero));
    }

    @Test
    void intervalBinaryIsMicrosecondsDaysMonths() {
        byte[] b = hex("0000000000000001 00000002 00000003");
        assertArrayEquals(b, dump(Interval.of(3, 2, 1), Format.BINARY));
        assertEquals(Interval.of(3, 2, 1), load(BuiltinTypes.INTERVAL, Format.BINARY, b));
        assertEquals(Interval.of(14, -3, 3_723_500_000L), load(BuiltinTypes.INTERVAL, Format.TEXT,
                "1 year 2 mons -3 days +01:02:03.5".getBytes()));
    }

    @Test
    void binaryArraysHaveDimensionsNullFlagAndElementOid() {
        byte[] b = hex("00000001 00000001 00000015 00000002 00000001 00000002 0001 ffffffff");
        assertArrayEquals(b, dump(Arrays.asList((short) 1, null), Format.BINARY));
        assertEquals(Arrays.asList((short) 1, null), load(1005, Format.BINARY, b));
        assertArrayEquals("{\"a b\",\"\",\"NULL\",NULL,\"\\\\\"}".getBytes(),
                dump(Arrays.asList("a b", "", "NULL", null, "\\"), Format.TEXT));
        assertEquals(0, oid(List.of(), Format.AUTO), "an empty list is untyped");
    }

    @Test
    void byteaTextLoadsHexAndEscapeFormats() {
        assertArrayEquals(new byte[] {0, (byte) 0xab}, (byte[]) load(BuiltinTypes.BYTEA, Format.TEXT, "\\x00ab".getBytes()));
        assertArrayEquals(new byte[] {0, '\\', 'a'},
                (byte[]) load(BuiltinTypes.BYTEA, Format.TEXT, "\\000\\\\a".getBytes()));
        assertArrayEquals("\\x00ab".getBytes(), dump(new byte[] {0, (byte) 0xab}, Format.TEXT));
    }

    @Test
    void textUsesTheSessionCharsetAndRefusesWhatItCannotHold() {
        Transformer latin1 = new Transformer(AdaptersMap.global(), Charset.forName("ISO-8859-1"));
        assertArrayEquals(new byte[] {(byte) 0xe9}, latin1.dump(new Object[] {"é"}, null).values()[0]);
        assertEquals("é", latin1.loaderFor(BuiltinTypes.TEXT, Format.TEXT).load(new byte[] {(byte) 0xe9}, 0, 1));
        DataException e = assertThrows(DataException.class, () -> latin1.dump(new Object[] {"€"}, null));
        assertTrue(e.getMessage().contains("ISO-8859-1") && e.getMessage().contains("java.lang.String"), e.getMessage());
    }

    @Test
    void anUnknownJavaTypeIsNamed() {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> tx.dump(new Object[] {new StringBuilder()}, null));
        assertTrue(e.getMessage().contains("java.lang.StringBuilder"), e.getMessage());
    }

    @Test
    void childMapsDoNotChangeTheirParent() {
        AdaptersMap child = AdaptersMap.global().child();
        child.registerLoader(BuiltinTypes.INT4, Format.TEXT, (b, off, len) -> "custom");
        assertEquals("custom", child.loader(BuiltinTypes.INT4, Format.TEXT).load(new byte[] {'1'}, 0, 1));
        assertEquals(1, AdaptersMap.global().loader(BuiltinTypes.INT4, Format.TEXT).load(new byte[] {'1'}, 0, 1));
    }

    @Test
    void quoteMakesCastLiterals() {
        assertEquals("'2020-01-01'::date", tx.quote(LocalDate.of(2020, 1, 1)));
        assertEquals(" E'a\\\\b'", tx.quote("a\\b"));
        assertEquals("'{1,2}'::int2[]", tx.quote(List.of(1, 2)));
    }
}
