package io.tusk.internal.adapt.numeric;

import static io.tusk.internal.adapt.BuiltinTypes.BOOL;
import static io.tusk.internal.adapt.BuiltinTypes.FLOAT4;
import static io.tusk.internal.adapt.BuiltinTypes.FLOAT8;
import static io.tusk.internal.adapt.BuiltinTypes.INT2;
import static io.tusk.internal.adapt.BuiltinTypes.INT4;
import static io.tusk.internal.adapt.BuiltinTypes.INT8;
import static io.tusk.internal.adapt.BuiltinTypes.NUMERIC;
import static io.tusk.internal.adapt.BuiltinTypes.OID;

import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Format;
import io.tusk.errors.DataException;
import io.tusk.internal.adapt.Ascii;
import io.tusk.internal.adapt.Bin;
import io.tusk.internal.adapt.Dumpers;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * bool, int2/int4/int8, oid, float4/float8 and numeric in both formats (psycopg's
 * {@code types.bool} and {@code types.numeric}). Binary is the AUTO choice for dumping, as in
 * psycopg, because it needs no parsing on the server.
 */
public final class NumericAdapters {
    private NumericAdapters() {
    }

    public static void register(AdaptersMap m) {
        m.registerDumper(Boolean.class, Format.TEXT, Dumpers.withQuote(Dumpers.<Boolean>text(BOOL, b -> b ? "t" : "f"),
                b -> b ? "true" : "false"));
        m.registerDumper(Boolean.class, Format.BINARY, Dumpers.<Boolean>binary(BOOL, b -> new byte[] {(byte) (b ? 1 : 0)}));
        m.registerLoader(BOOL, Format.TEXT, (b, off, len) -> {
            if (len == 1 && (b[off] == 't' || b[off] == 'f')) {
                return b[off] == 't';
            }
            throw Ascii.bad(b, off, len, "bool");
        });
        m.registerLoader(BOOL, Format.BINARY, (b, off, len) -> {
            Bin.expectLength(len, 1, "bool");
            return b[off] != 0;
        });

        for (Format f : new Format[] {Format.TEXT, Format.BINARY}) {
            var ints = IntegerDumpers.of(f);
            m.registerDumper(Byte.class, f, ints);
            m.registerDumper(Short.class, f, ints);
            m.registerDumper(Integer.class, f, ints);
            m.registerDumper(Long.class, f, ints);
            m.registerDumper(BigInteger.class, f, ints);
        }
        m.registerLoader(INT2, Format.TEXT, (b, off, len) -> (short) Ascii.parseLong(b, off, len, "int2"));
        m.registerLoader(INT4, Format.TEXT, (b, off, len) -> (int) Ascii.parseLong(b, off, len, "int4"));
        m.registerLoader(INT8, Format.TEXT, (b, off, len) -> Ascii.parseLong(b, off, len, "int8"));
        m.registerLoader(OID, Format.TEXT, (b, off, len) -> Ascii.parseLong(b, off, len, "oid"));
        m.registerLoader(INT2, Format.BINARY, (b, off, len) -> {
            Bin.expectLength(len, 2, "int2");
            return Bin.int16(b, off);
        });
        m.registerLoader(INT4, Format.BINARY, (b, off, len) -> {
            Bin.expectLength(len, 4, "int4");
            return Bin.int32(b, off);
        });
        m.registerLoader(INT8, Format.BINARY, (b, off, len) -> {
            Bin.expectLength(len, 8, "int8");
            return Bin.int64(b, off);
        });
        // oid is unsigned 32-bit: a Long holds every value.
        m.registerLoader(OID, Format.BINARY, (b, off, len) -> {
            Bin.expectLength(len, 4, "oid");
            return Bin.int32(b, off) & 0xffffffffL;
        });

        // Java's Double.toString writes NaN, Infinity and -Infinity as float8in reads them, and
        // the shortest decimal that reads back to the same double (as extra_float_digits=1 does).
        m.registerDumper(Double.class, Format.TEXT, Dumpers.withQuote(Dumpers.<Double>text(FLOAT8, String::valueOf),
                d -> Dumpers.quoteFloat(d, "float8")));
        m.registerDumper(Double.class, Format.BINARY,
                Dumpers.<Double>binary(FLOAT8, d -> Bin.of64(Double.doubleToRawLongBits(d))));
        m.registerDumper(Float.class, Format.TEXT, Dumpers.withQuote(Dumpers.<Float>text(FLOAT4, String::valueOf),
                f -> Dumpers.quoteFloat(f, "float4")));
        m.registerDumper(Float.class, Format.BINARY,
                Dumpers.<Float>binary(FLOAT4, f -> Bin.of32(Float.floatToRawIntBits(f))));
        m.registerLoader(FLOAT4, Format.TEXT, (b, off, len) -> {
            try {
                return Float.valueOf(Ascii.string(b, off, len));
            } catch (NumberFormatException e) {
                throw Ascii.bad(b, off, len, "float4");
            }
        });
        m.registerLoader(FLOAT8, Format.TEXT, (b, off, len) -> {
            try {
                return Double.valueOf(Ascii.string(b, off, len));
            } catch (NumberFormatException e) {
                throw Ascii.bad(b, off, len, "float8");
            }
        });
        m.registerLoader(FLOAT4, Format.BINARY, (b, off, len) -> {
            Bin.expectLength(len, 4, "float4");
            return Float.intBitsToFloat(Bin.int32(b, off));
        });
        m.registerLoader(FLOAT8, Format.BINARY, (b, off, len) -> {
            Bin.expectLength(len, 8, "float8");
            return Double.longBitsToDouble(Bin.int64(b, off));
        });

        m.registerDumper(BigDecimal.class, Format.TEXT, Dumpers.withQuote(
                Dumpers.<BigDecimal>text(NUMERIC, BigDecimal::toPlainString), d -> Dumpers.quoteNumber(d.toPlainString())));
        m.registerDumper(BigDecimal.class, Format.BINARY, Dumpers.<BigDecimal>binary(NUMERIC, NumericBinary::encode));
        m.registerLoader(NUMERIC, Format.TEXT, NumericLoaders.TEXT);
        m.registerLoader(NUMERIC, Format.BINARY, NumericLoaders.BINARY);
    }

    /** Raised when a value does not fit the type it is dumped as. */
    static DataException outOfRange(Object value, String type) {
        return new DataException("cannot dump " + value.getClass().getName() + " " + value + ": out of range for "
                + type);
    }
}
