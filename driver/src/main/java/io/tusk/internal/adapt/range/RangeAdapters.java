package io.tusk.internal.adapt.range;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.adapt.MultirangeInfo;
import io.tusk.adapt.RangeInfo;
import io.tusk.errors.DataException;
import io.tusk.internal.adapt.Bin;
import io.tusk.internal.adapt.BuiltinTypes;
import io.tusk.internal.adapt.Transformer;
import io.tusk.types.Multirange;
import io.tusk.types.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ranges and multiranges (psycopg's {@code types.range}, {@code types.multirange}), built in and
 * registered from {@link RangeInfo}/{@link MultirangeInfo}. Binary range (range_send,
 * {@code utils/adt/rangetypes.c}): a flags byte, then each finite bound as int32 length and the
 * subtype's binary value; binary multirange: int32 count, then int32 length and a range each.
 */
public final class RangeAdapters {
    static final int EMPTY = 0x01, LB_INC = 0x02, UB_INC = 0x04, LB_INF = 0x08, UB_INF = 0x10;

    /** Built-in subtype ⟶ {range OID, multirange OID} (pg_range.dat). */
    static final Map<Integer, int[]> BUILTIN = Map.of(
            BuiltinTypes.INT4, new int[] {3904, 4451},
            BuiltinTypes.INT8, new int[] {3926, 4536},
            BuiltinTypes.NUMERIC, new int[] {3906, 4532},
            BuiltinTypes.DATE, new int[] {3912, 4535},
            BuiltinTypes.TIMESTAMP, new int[] {3908, 4533},
            BuiltinTypes.TIMESTAMPTZ, new int[] {3910, 4534});

    private RangeAdapters() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void registerBuiltins(AdaptersMap m) {
        BUILTIN.forEach((subtype, oids) -> {
            registerRange(m, oids[0], subtype);
            registerMultirange(m, oids[1], subtype);
        });
        for (Format f : new Format[] {Format.TEXT, Format.BINARY}) {
            m.registerDumper((Class) Range.class, f, (Dumper) new RangeDumper(f));
            m.registerDumper((Class) Multirange.class, f, (Dumper) new MultirangeDumper(f));
        }
    }

    public static void registerRange(AdaptersMap m, int oid, int subtypeOid) {
        for (Format f : new Format[] {Format.TEXT, Format.BINARY}) {
            m.registerLoader(oid, f, new Bound<Range<Object>>(subtypeOid, f) {
                @Override
                Loader<Range<Object>> with(Loader<?> element) {
                    return f == Format.BINARY ? (b, off, len) -> binaryRange(b, off, len, element)
                            : (b, off, len) -> new RangeText(b, off, len, element).range();
                }
            });
        }
    }

    public static void registerMultirange(AdaptersMap m, int oid, int subtypeOid) {
        for (Format f : new Format[] {Format.TEXT, Format.BINARY}) {
            m.registerLoader(oid, f, new Bound<Multirange<Object>>(subtypeOid, f) {
                @Override
                Loader<Multirange<Object>> with(Loader<?> element) {
                    return f == Format.BINARY ? (b, off, len) -> binaryMultirange(b, off, len, element)
                            : (b, off, len) -> new RangeText(b, off, len, element).multirange();
                }
            });
        }
    }

    /** The range type for a subtype: built in, else registered from a RangeInfo; 0 when unknown. */
    static int rangeOid(int subtypeOid, AdaptersMap adapters) {
        int[] builtin = BUILTIN.get(subtypeOid);
        if (builtin != null) {
            return builtin[0];
        }
        RangeInfo r = adapters.rangeOf(subtypeOid);
        return r == null ? 0 : r.oid();
    }

    static int multirangeOid(int subtypeOid, AdaptersMap adapters) {
        int[] builtin = BUILTIN.get(subtypeOid);
        if (builtin != null) {
            return builtin[1];
        }
        MultirangeInfo r = adapters.multirangeOf(subtypeOid);
        return r == null ? 0 : r.oid();
    }

    /** A loader that picks its subtype's loader from the adapters in force for the column. */
    private abstract static class Bound<T> implements Loader<T> {
        private final int subtypeOid;
        private final Format format;

        Bound(int subtypeOid, Format format) {
            this.subtypeOid = subtypeOid;
            this.format = format;
        }

        abstract Loader<T> with(Loader<?> element);

        @Override
        public T load(byte[] data, int offset, int length) {
            return in(AdaptContext.DEFAULT).load(data, offset, length);
        }

        @Override
        public Loader<T> in(AdaptContext context) {
            return with(new Transformer(context.adapters(), context).loaderFor(subtypeOid, format));
        }
    }

    static Range<Object> binaryRange(byte[] b, int off, int len, Loader<?> element) {
        if (len < 1) {
            throw new DataException("cannot load binary range: the value is empty");
        }
        int flags = b[off];
        if ((flags & EMPTY) != 0) {
            if (len != 1) {
                throw new DataException("cannot load binary range: an empty range of " + len + " bytes");
            }
            return Range.empty();
        }
        int[] pos = {off + 1};
        int end = off + len;
        Object lower = (flags & LB_INF) == 0 ? bound(b, pos, end, element, "lower") : null;
        Object upper = (flags & UB_INF) == 0 ? bound(b, pos, end, element, "upper") : null;
        if (pos[0] != end) {
            throw new DataException("cannot load binary range: " + (end - pos[0]) + " bytes left after its bounds");
        }
        try {
            return Range.of(lower, upper, ((flags & LB_INC) != 0 ? "[" : "(") + ((flags & UB_INC) != 0 ? "]" : ")"));
        } catch (IllegalArgumentException e) {
            throw new DataException("cannot load binary range: " + e.getMessage(), e);
        }
    }

    private static Object bound(byte[] b, int[] pos, int end, Loader<?> element, String which) {
        if (end - pos[0] < 4) {
            throw new DataException("cannot load binary range: the value ends before its " + which + " bound");
        }
        int n = Bin.int32(b, pos[0]);
        pos[0] += 4;
        if (n < 0 || n > end - pos[0]) {
            throw new DataException("cannot load binary range: its " + which + " bound declares " + n + " bytes where "
                    + (end - pos[0]) + " remain");
        }
        Object v = element.load(b, pos[0], n);
        pos[0] += n;
        return v;
    }

    static Multirange<Object> binaryMultirange(byte[] b, int off, int len, Loader<?> element) {
        if (len < 4) {
            throw new DataException("cannot load binary multirange: " + len + " bytes do not hold its range count");
        }
        int n = Bin.int32(b, off);
        // Each range takes at least its length word and a flags byte.
        if (n < 0 || n > (len - 4) / 5) {
            throw new DataException("cannot load binary multirange: the value declares " + Integer.toUnsignedString(n)
                    + " ranges but holds " + len + " bytes");
        }
        int pos = off + 4;
        int end = off + len;
        List<Range<Object>> ranges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (end - pos < 4) {
                throw new DataException("cannot load binary multirange: the value ends inside range " + (i + 1));
            }
            int rl = Bin.int32(b, pos);
            pos += 4;
            if (rl < 0 || rl > end - pos) {
                throw new DataException("cannot load binary multirange: range " + (i + 1) + " declares " + rl
                        + " bytes where " + (end - pos) + " remain");
            }
            ranges.add(binaryRange(b, pos, rl, element));
            pos += rl;
        }
        if (pos != end) {
            throw new DataException("cannot load binary multirange: " + (end - pos) + " bytes left after its ranges");
        }
        return new Multirange<>(ranges);
    }
}
