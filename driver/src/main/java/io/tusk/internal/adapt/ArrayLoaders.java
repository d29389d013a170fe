package io.tusk.internal.adapt;

import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.errors.DataException;
import io.tusk.types.PgArray;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * PostgreSQL arrays ⟶ (nested) unmodifiable Lists, NULL elements as null, each element loaded by
 * the loader of the element type (psycopg's {@code ArrayLoader}). An array whose subscripts do
 * not all start at 1 loads as a {@link PgArray}, a List that also carries the lower bounds.
 */
public final class ArrayLoaders {
    private ArrayLoaders() {
    }

    public static Loader<List<Object>> of(Format format, int elementOid, Transformer tx) {
        return of(format, elementOid, BuiltinTypes.delimiter(elementOid), tx);
    }

    /** Arrays of {@code elementOid}, whose text form separates elements with {@code delimiter}. */
    public static Loader<List<Object>> of(Format format, int elementOid, char delimiter, Transformer tx) {
        Loader<?> element = tx.loaderFor(elementOid, format);
        return format == Format.BINARY ? (b, off, len) -> binary(b, off, len, element)
                : (b, off, len) -> text(new TextArrayParser(b, off, len, element, delimiter));
    }

    /**
     * A loader for an array type that is not built in (arrays of enums, composites, ranges,
     * domains registered from {@code TypeInfo}): the element loader is chosen from the adapters
     * in force when a result column is bound ({@link Loader#in}), so a cursor's own registrations
     * apply to the elements too.
     */
    public static Loader<List<Object>> deferred(Format format, int elementOid, char delimiter) {
        return new Loader<>() {
            @Override
            public List<Object> load(byte[] data, int offset, int length) {
                return in(io.tusk.adapt.AdaptContext.DEFAULT).load(data, offset, length);
            }

            @Override
            public Loader<List<Object>> in(io.tusk.adapt.AdaptContext context) {
                return of(format, elementOid, delimiter, new Transformer(context.adapters(), context));
            }
        };
    }

    private static List<Object> text(TextArrayParser parser) {
        List<Object> out = parser.parse();
        int[] lower = parser.lowerBounds();
        if (lower != null) {
            for (int lb : lower) {
                if (lb != 1) {
                    return PgArray.of(out, lower);
                }
            }
        }
        return out;
    }

    /** PostgreSQL's MAXDIM: array_in and array_recv refuse more dimensions. */
    static final int MAX_DIMENSIONS = 6;

    /**
     * array_send ({@code utils/adt/arrayfuncs.c}): int32 ndim, int32 has-nulls, int32 element OID,
     * (int32 size, int32 lower bound) per dimension, then each element as an int32 length (-1 for
     * NULL) and its bytes. Every count is checked against the bytes the value holds before
     * anything is allocated: the server's word is not trusted.
     */
    private static List<Object> binary(byte[] b, int off, int len, Loader<?> element) {
        if (len < 12) {
            throw new DataException("cannot load binary array: " + len + " bytes is shorter than its 12-byte header");
        }
        int ndim = Bin.int32(b, off);
        if (ndim == 0) {
            return List.of();
        }
        if (ndim < 0 || ndim > MAX_DIMENSIONS) {
            throw new DataException("cannot load binary array: the value declares " + Integer.toUnsignedString(ndim)
                    + " dimensions (PostgreSQL allows 1 to " + MAX_DIMENSIONS + ")");
        }
        int header = 12 + 8 * ndim;
        if (len < header) {
            throw new DataException("cannot load binary array: " + len + " bytes do not hold the header of "
                    + ndim + " dimensions");
        }
        int[] dims = new int[ndim];
        int[] lower = new int[ndim];
        boolean fromOne = true;
        long count = 1;
        for (int i = 0; i < ndim; i++) {
            dims[i] = Bin.int32(b, off + 12 + 8 * i);
            lower[i] = Bin.int32(b, off + 16 + 8 * i);
            fromOne &= lower[i] == 1;
            if ((long) lower[i] + dims[i] - 1 > Integer.MAX_VALUE) {
                throw new DataException("cannot load binary array: dimension " + (i + 1) + " from " + lower[i]
                        + " of " + dims[i] + " elements goes past the largest subscript");
            }
            if (dims[i] < 0) {
                throw declares(Integer.toUnsignedLong(dims[i]), len);
            }
            count *= dims[i];
            // Every element takes at least its 4-byte length word.
            if (count > (len - header) / 4) {
                throw declares(count, len);
            }
        }
        if (count == 0) {
            return List.of();
        }
        int[] pos = {off + header};
        int end = off + len;
        List<Object> out = read(b, pos, end, dims, 0, element);
        if (pos[0] != end) {
            throw new DataException("cannot load binary array: " + (end - pos[0]) + " bytes left after its "
                    + count + " elements");
        }
        return fromOne ? out : PgArray.of(out, lower);
    }

    private static DataException declares(long elements, int len) {
        return new DataException("the value declares " + elements + " elements but holds " + len + " bytes");
    }

    private static List<Object> read(byte[] b, int[] pos, int end, int[] dims, int depth, Loader<?> element) {
        Object[] items = new Object[dims[depth]];
        for (int i = 0; i < items.length; i++) {
            if (depth + 1 < dims.length) {
                items[i] = read(b, pos, end, dims, depth + 1, element);
            } else {
                if (end - pos[0] < 4) {
                    throw new DataException("cannot load binary array: the value ends inside element " + (i + 1));
                }
                int n = Bin.int32(b, pos[0]);
                pos[0] += 4;
                if (n < -1 || n > end - pos[0]) {
                    throw new DataException("cannot load binary array: element " + (i + 1) + " declares " + n
                            + " bytes where " + (end - pos[0]) + " remain");
                }
                if (n >= 0) {
                    items[i] = element.load(b, pos[0], n);
                    pos[0] += n;
                }
            }
        }
        return Collections.unmodifiableList(Arrays.asList(items));
    }
}
