package io.tusk.internal.adapt.array;

import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.errors.DataException;
import io.tusk.internal.adapt.Bin;
import io.tusk.internal.adapt.BuiltinTypes;
import io.tusk.internal.adapt.Transformer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * PostgreSQL arrays ⟶ (nested) unmodifiable Lists, NULL elements as null, each element loaded by
 * the loader of the element type (psycopg's {@code ArrayLoader}). Lower bounds other than 1 are
 * not kept: element i of the list is the array's i-th element whatever its subscript.
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
                : (b, off, len) -> new TextArrayParser(b, off, len, element, delimiter).parse();
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

    /** array_send: int32 ndim, int32 has-nulls, int32 element OID, (int32 size, int32 lower bound) per dimension, then elements. */
    private static List<Object> binary(byte[] b, int off, int len, Loader<?> element) {
        if (len < 12) {
            throw new DataException("cannot load binary array: " + len + " bytes is shorter than its header");
        }
        int ndim = Bin.int32(b, off);
        if (ndim == 0) {
            return List.of();
        }
        int[] dims = new int[ndim];
        for (int i = 0; i < ndim; i++) {
            dims[i] = Bin.int32(b, off + 12 + 8 * i);
        }
        int[] pos = {off + 12 + 8 * ndim};
        return read(b, pos, dims, 0, element);
    }

    private static List<Object> read(byte[] b, int[] pos, int[] dims, int depth, Loader<?> element) {
        Object[] items = new Object[dims[depth]];
        for (int i = 0; i < items.length; i++) {
            if (depth + 1 < dims.length) {
                items[i] = read(b, pos, dims, depth + 1, element);
            } else {
                int n = Bin.int32(b, pos[0]);
                pos[0] += 4;
                if (n >= 0) {
                    items[i] = element.load(b, pos[0], n);
                    pos[0] += n;
                }
            }
        }
        return Collections.unmodifiableList(Arrays.asList(items));
    }
}
