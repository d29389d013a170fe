package io.tusk.internal.adapt.range;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.errors.DataException;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Bin;
import io.tusk.internal.adapt.BuiltinTypes;
import io.tusk.internal.adapt.Dumpers;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.adapt.numeric.NumericBinary;
import io.tusk.types.Range;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Range ⟶ the range type of its bounds (psycopg's {@code RangeDumper}): the bounds' dumper gives
 * the subtype, the subtype the range type (built in, or registered with RangeInfo). Integer
 * bounds take int4range, int8range or numrange by the wider bound. A range with no finite bound,
 * or whose subtype has no known range type, is sent as untyped text for the server to infer
 * ({@code INSERT INTO t (r) VALUES (%s)} works; {@code SELECT %s} needs a cast).
 */
final class RangeDumper implements Dumper<Range<?>> {
    private final Format format;

    RangeDumper(Format format) {
        this.format = format;
    }

    @Override
    public int oid() {
        return 0;
    }

    @Override
    public Format format() {
        return format;
    }

    @Override
    public byte[] dump(Range<?> value) {
        return dump(value, AdaptContext.DEFAULT);
    }

    @Override
    public byte[] dump(Range<?> value, AdaptContext context) {
        return upgrade(value, context).dump(value, context);
    }

    @Override
    public Dumper<Range<?>> upgrade(Range<?> value, AdaptContext context) {
        Dumper<Object> element = elementDumper(value, format, context);
        int rangeOid = element == null ? 0 : RangeAdapters.rangeOid(element.oid(), context.adapters());
        if (element == null || rangeOid == 0) {
            Dumper<Object> text = element == null || element.format() == Format.TEXT ? element
                    : elementDumper(value, Format.TEXT, context);
            return new Typed(0, Format.TEXT, text);
        }
        return new Typed(rangeOid, element.format(), element);
    }

    /** The dumper of a range's bounds, or null when it has none; integers share the wider type. */
    static Dumper<Object> elementDumper(Range<?> r, Format format, AdaptContext context) {
        if (r.isEmpty() || (r.lower() == null && r.upper() == null)) {
            return null;
        }
        if (isInteger(r.lower()) && isInteger(r.upper())) {
            return integers(r, format);
        }
        Transformer tx = new Transformer(context.adapters(), context);
        Object sample = r.lower() != null ? r.lower() : r.upper();
        Dumper<Object> d = tx.dumperFor(sample, format);
        Object other = r.lower() != null ? r.upper() : null;
        if (other != null && tx.dumperFor(other, format).oid() != d.oid()) {
            throw new DataException("cannot dump a range whose bounds are a " + r.lower().getClass().getName()
                    + " and a " + r.upper().getClass().getName() + ": both bounds must be of one type");
        }
        return d;
    }

    private static boolean isInteger(Object o) {
        return o == null || o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte
                || o instanceof BigInteger;
    }

    private static Dumper<Object> integers(Range<?> r, Format format) {
        int rank = Math.max(rank(r.lower()), rank(r.upper()));
        int oid = rank == 0 ? BuiltinTypes.INT4 : rank == 1 ? BuiltinTypes.INT8 : BuiltinTypes.NUMERIC;
        if (format == Format.TEXT || format == Format.AUTO) {
            return Dumpers.text(oid, String::valueOf);
        }
        return Dumpers.binary(oid, o -> {
            Number n = (Number) o;
            return rank == 0 ? Bin.of32(n.intValue()) : rank == 1 ? Bin.of64(n.longValue())
                    : NumericBinary.encode(new BigDecimal(n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue())));
        });
    }

    private static int rank(Object o) {
        if (o == null) {
            return 0;
        }
        if (o instanceof BigInteger b) {
            return b.bitLength() <= 31 ? 0 : b.bitLength() <= 63 ? 1 : 2;
        }
        long v = ((Number) o).longValue();
        return v == (int) v ? 0 : 1;
    }

    /** A range dumped as one type, with its bounds' dumper; OID 0 for untyped text. */
    static final class Typed implements Dumper<Range<?>> {
        private final int oid;
        private final Format format;
        private final Dumper<Object> element;

        Typed(int oid, Format format, Dumper<Object> element) {
            this.oid = oid;
            this.format = format;
            this.element = element;
        }

        @Override
        public int oid() {
            return oid;
        }

        @Override
        public Format format() {
            return format;
        }

        @Override
        public byte[] dump(Range<?> value) {
            return dump(value, AdaptContext.DEFAULT);
        }

        @Override
        public byte[] dump(Range<?> value, AdaptContext context) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (format == Format.BINARY) {
                writeBinary(value, context, out);
            } else {
                writeText(value, context, out);
            }
            return out.toByteArray();
        }

        void writeBinary(Range<?> r, AdaptContext ctx, ByteArrayOutputStream out) {
            if (r.isEmpty()) {
                out.write(RangeAdapters.EMPTY);
                return;
            }
            int flags = (r.lowerInclusive() ? RangeAdapters.LB_INC : 0) | (r.upperInclusive() ? RangeAdapters.UB_INC : 0)
                    | (r.lower() == null ? RangeAdapters.LB_INF : 0) | (r.upper() == null ? RangeAdapters.UB_INF : 0);
            out.write(flags);
            for (Object bound : new Object[] {r.lower(), r.upper()}) {
                if (bound != null) {
                    byte[] v = element.dump(bound, ctx);
                    out.writeBytes(Bin.of32(v.length));
                    out.writeBytes(v);
                }
            }
        }

        void writeText(Range<?> r, AdaptContext ctx, ByteArrayOutputStream out) {
            if (r.isEmpty()) {
                out.writeBytes(new byte[] {'e', 'm', 'p', 't', 'y'});
                return;
            }
            out.write(r.lowerInclusive() ? '[' : '(');
            writeBound(r.lower(), ctx, out);
            out.write(',');
            writeBound(r.upper(), ctx, out);
            out.write(r.upperInclusive() ? ']' : ')');
        }

        /** range_out's quoting: quoted when empty or holding {@code " \ ( ) [ ] ,} or blanks. */
        private void writeBound(Object bound, AdaptContext ctx, ByteArrayOutputStream out) {
            if (bound == null) {
                return;
            }
            if (element == null) {
                throw new ProgrammingException("cannot dump a range bound without a dumper");
            }
            byte[] v = element.dump(bound, ctx);
            boolean quote = v.length == 0;
            for (byte c : v) {
                if ("\"\\()[],".indexOf(c) >= 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    quote = true;
                    break;
                }
            }
            if (!quote) {
                out.writeBytes(v);
                return;
            }
            out.write('"');
            for (byte c : v) {
                if (c == '"' || c == '\\') {
                    out.write('\\');
                }
                out.write(c);
            }
            out.write('"');
        }
    }
}
