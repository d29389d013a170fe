package io.tusk.internal.adapt.range;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.internal.adapt.Bin;
import io.tusk.types.Multirange;
import io.tusk.types.Range;
import java.io.ByteArrayOutputStream;

/**
 * Multirange ⟶ the multirange type of its ranges' subtype (PostgreSQL 14+); an empty multirange,
 * or one of a subtype with no known multirange type, is sent as untyped text ({@code {}}).
 */
final class MultirangeDumper implements Dumper<Multirange<?>> {
    private final Format format;

    MultirangeDumper(Format format) {
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
    public byte[] dump(Multirange<?> value) {
        return dump(value, AdaptContext.DEFAULT);
    }

    @Override
    public byte[] dump(Multirange<?> value, AdaptContext context) {
        return upgrade(value, context).dump(value, context);
    }

    @Override
    public Dumper<Multirange<?>> upgrade(Multirange<?> value, AdaptContext context) {
        Range<?> widest = widest(value);
        var element = widest == null ? null : RangeDumper.elementDumper(widest, format, context);
        int oid = element == null ? 0 : RangeAdapters.multirangeOid(element.oid(), context.adapters());
        if (oid == 0 && element != null && element.format() == Format.BINARY) {
            element = RangeDumper.elementDumper(widest, Format.TEXT, context);
        }
        RangeDumper.Typed range = new RangeDumper.Typed(0, oid == 0 ? Format.TEXT : element.format(), element);
        int multirangeOid = oid;
        Format f = oid == 0 ? Format.TEXT : element.format();
        return new Dumper<>() {
            @Override
            public int oid() {
                return multirangeOid;
            }

            @Override
            public Format format() {
                return f;
            }

            @Override
            public byte[] dump(Multirange<?> m) {
                return dump(m, AdaptContext.DEFAULT);
            }

            @Override
            public byte[] dump(Multirange<?> m, AdaptContext ctx) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (f == Format.BINARY) {
                    out.writeBytes(Bin.of32(m.ranges().size()));
                    for (Range<?> r : m.ranges()) {
                        ByteArrayOutputStream one = new ByteArrayOutputStream();
                        range.writeBinary(r, ctx, one);
                        out.writeBytes(Bin.of32(one.size()));
                        out.writeBytes(one.toByteArray());
                    }
                } else {
                    out.write('{');
                    for (int i = 0; i < m.ranges().size(); i++) {
                        if (i > 0) {
                            out.write(',');
                        }
                        range.writeText(m.ranges().get(i), ctx, out);
                    }
                    out.write('}');
                }
                return out.toByteArray();
            }
        };
    }

    /**
     * A range standing for the whole multirange's bound type: the first and last finite bounds
     * (integers take the wider, so {@code [1,2)} and {@code [3, 2^40)} make an int8multirange).
     */
    private static Range<?> widest(Multirange<?> m) {
        Object lo = null;
        Object hi = null;
        for (Range<?> r : m.ranges()) {
            for (Object b : new Object[] {r.lower(), r.upper()}) {
                if (b == null) {
                    continue;
                }
                if (lo == null) {
                    lo = b;
                } else if (hi == null || wider(b, hi)) {
                    hi = b;
                }
            }
        }
        return lo == null ? null : Range.of(lo, hi);
    }

    private static boolean wider(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && !(a instanceof java.math.BigDecimal)) {
            return Math.abs(x.doubleValue()) > Math.abs(y.doubleValue());
        }
        return false;
    }
}
