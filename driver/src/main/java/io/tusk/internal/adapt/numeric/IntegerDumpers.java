package io.tusk.internal.adapt.numeric;

import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.internal.adapt.Bin;
import io.tusk.internal.adapt.BuiltinTypes;
import io.tusk.internal.adapt.Dumpers;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Java integers ⟶ the smallest of int2, int4, int8 and numeric that holds the value, as
 * psycopg's {@code IntDumper.upgrade} does, so that {@code WHERE smallint_col = %s} compares
 * without a cast and big values are not truncated. {@code SELECT %s} with 10 therefore comes back
 * as a Short: cast ({@code %s::int4}) to choose the type.
 */
public final class IntegerDumpers {
    private IntegerDumpers() {
    }

    /** The dumper for a format; its {@code upgrade} picks the size. */
    public static Dumper<Number> of(Format format) {
        Dumper<Number> int2;
        Dumper<Number> int4;
        Dumper<Number> int8;
        Dumper<Number> numeric;
        if (format == Format.TEXT) {
            int2 = Dumpers.text(BuiltinTypes.INT2, String::valueOf);
            int4 = Dumpers.text(BuiltinTypes.INT4, String::valueOf);
            int8 = Dumpers.text(BuiltinTypes.INT8, String::valueOf);
            numeric = Dumpers.text(BuiltinTypes.NUMERIC, String::valueOf);
        } else {
            int2 = Dumpers.binary(BuiltinTypes.INT2, n -> Bin.of16(n.shortValue()));
            int4 = Dumpers.binary(BuiltinTypes.INT4, n -> Bin.of32(n.intValue()));
            int8 = Dumpers.binary(BuiltinTypes.INT8, n -> Bin.of64(n.longValue()));
            numeric = Dumpers.binary(BuiltinTypes.NUMERIC, n -> NumericBinary.encode(new BigDecimal((BigInteger) n)));
        }
        Dumper<Number> i2 = Dumpers.withQuote(int2, n -> Dumpers.quoteNumber(n.toString()));
        Dumper<Number> i4 = Dumpers.withQuote(int4, n -> Dumpers.quoteNumber(n.toString()));
        Dumper<Number> i8 = Dumpers.withQuote(int8, n -> Dumpers.quoteNumber(n.toString()));
        Dumper<Number> num = Dumpers.withQuote(numeric, n -> Dumpers.quoteNumber(n.toString()));
        return new Dumper<>() {
            @Override
            public int oid() {
                return BuiltinTypes.INT8;
            }

            @Override
            public Format format() {
                return format;
            }

            @Override
            public byte[] dump(Number value) {
                return upgrade(value).dump(value);
            }

            @Override
            public String quote(Number value) {
                return Dumpers.quoteNumber(value.toString());
            }

            @Override
            public Dumper<Number> upgrade(Number value) {
                if (value instanceof BigInteger big && big.bitLength() > 63) {
                    return num;
                }
                long v = value.longValue();
                if (v == (short) v) {
                    return i2;
                }
                return v == (int) v ? i4 : i8;
            }
        };
    }
}
