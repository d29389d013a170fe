package io.tusk.internal.adapt;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.adapt.TypeInfo;
import io.tusk.errors.DataException;
import io.tusk.errors.ProgrammingException;
import io.tusk.types.PgArray;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * A List or Java array (int[], String[], Integer[][] ...) ⟶ a PostgreSQL array of its elements'
 * type (psycopg's {@code ListDumper}/{@code ListBinaryDumper}). The element dumper is chosen
 * from the non-NULL elements; integers of mixed sizes take the widest type. A list with no
 * non-NULL element has no type: in text it is sent with OID 0 ({@code '{}'}, the server infers
 * the array type, so {@code = ANY(%s)} works), in binary as text[], as psycopg does.
 * Nested lists are a multi-dimensional array and must be rectangular (PostgreSQL docs 8.15).
 */
public final class ArrayDumper implements Dumper<Object> {
    private final int oid;
    private final Format format;
    private final Dumper<Object> element;
    private final int elementOid;
    private final char delimiter;

    private ArrayDumper(int oid, Format format, Dumper<Object> element, int elementOid) {
        this(oid, format, element, elementOid, BuiltinTypes.delimiter(elementOid));
    }

    private ArrayDumper(int oid, Format format, Dumper<Object> element, int elementOid, char delimiter) {
        this.delimiter = delimiter;
        this.oid = oid;
        this.format = format;
        this.element = element;
        this.elementOid = elementOid;
    }

    /** True for a List or a Java array that is not byte[] (which is bytea). */
    public static boolean isArrayLike(Object value) {
        return value instanceof List<?> || (value.getClass().isArray() && !(value instanceof byte[]));
    }

    /** The dumper for this value's elements, in the requested format. */
    public static ArrayDumper of(Object value, Format format, Transformer tx) {
        List<Object> leaves = new ArrayList<>();
        collectLeaves(value, leaves);
        Dumper<Object> chosen = null;
        for (Object leaf : leaves) {
            Dumper<Object> d = tx.dumperFor(leaf, format);
            chosen = chosen == null ? d : wider(chosen, d, leaf);
        }
        if (chosen == null) {
            return format == Format.BINARY
                    ? new ArrayDumper(BuiltinTypes.arrayOf(BuiltinTypes.TEXT), Format.BINARY, null, BuiltinTypes.TEXT)
                    : new ArrayDumper(0, Format.TEXT, null, 0);
        }
        int arrayOid = chosen.oid() == 0 ? 0 : BuiltinTypes.arrayOf(chosen.oid());
        char delimiter = BuiltinTypes.delimiter(chosen.oid());
        if (chosen.oid() != 0 && arrayOid == 0) {
            TypeInfo info = tx.adapters().typeInfo(chosen.oid());
            if (info == null || info.arrayOid() == 0) {
                throw new ProgrammingException("cannot dump a list of " + leaves.get(0).getClass().getName()
                        + ": the array type of OID " + chosen.oid() + " is unknown: register its TypeInfo"
                        + " (TypeInfo.fetch(conn, name).register(conn.adapters()))");
            }
            arrayOid = info.arrayOid();
            delimiter = info.delimiter();
        }
        return new ArrayDumper(arrayOid, chosen.format(), chosen, chosen.oid(), delimiter);
    }

    /** Integers of several sizes share the widest; other mixes are an error. */
    private static Dumper<Object> wider(Dumper<Object> a, Dumper<Object> b, Object leaf) {
        if (a.oid() == b.oid() && a.format() == b.format()) {
            return a;
        }
        int ra = intRank(a.oid());
        int rb = intRank(b.oid());
        if (ra >= 0 && rb >= 0) {
            return ra >= rb ? a : b;
        }
        throw new DataException("cannot dump a list mixing PostgreSQL types " + BuiltinTypes.castName(a.oid()) + " and "
                + BuiltinTypes.castName(b.oid()) + " (element of " + leaf.getClass().getName()
                + "): an array holds one type");
    }

    private static int intRank(int oid) {
        return switch (oid) {
            case BuiltinTypes.INT2 -> 0;
            case BuiltinTypes.INT4 -> 1;
            case BuiltinTypes.INT8 -> 2;
            case BuiltinTypes.NUMERIC -> 3;
            default -> -1;
        };
    }

    private static void collectLeaves(Object v, List<Object> out) {
        if (v == null) {
            return;
        }
        if (isArrayLike(v)) {
            for (Object e : elements(v)) {
                collectLeaves(e, out);
            }
        } else {
            out.add(v);
        }
    }

    /** The elements of a List or a Java array (primitive arrays boxed). */
    static List<Object> elements(Object v) {
        if (v instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) l;
            return list;
        }
        int n = Array.getLength(v);
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Array.get(v, i));
        }
        return out;
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
    public byte[] dump(Object value) {
        return dump(value, AdaptContext.DEFAULT);
    }

    @Override
    public byte[] dump(Object value, AdaptContext context) {
        List<Integer> dims = new ArrayList<>();
        shape(value, 0, dims);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format == Format.BINARY) {
            writeBinary(value, dims, context, out);
        } else {
            int[] lower = dims.contains(0) ? null : lowerBounds(value, dims);
            if (lower != null) {
                // array_in's dimension decoration (PostgreSQL docs 8.15.2): [lo:hi] per dimension, then =.
                for (int i = 0; i < lower.length; i++) {
                    out.writeBytes(("[" + lower[i] + ":" + (lower[i] + dims.get(i) - 1) + "]")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
                out.write('=');
            }
            writeText(value, context, out);
        }
        return out.toByteArray();
    }

    /** A PgArray's lower bounds, checked against its dimensions; null for any other value (all 1). */
    private static int[] lowerBounds(Object value, List<Integer> dims) {
        if (!(value instanceof PgArray a) || dims.contains(0)) {
            return null;
        }
        int[] lower = a.lowerBounds();
        if (lower.length != dims.size()) {
            throw new DataException("cannot dump " + a + ": " + lower.length + " lower bounds for an array of "
                    + dims.size() + " dimensions");
        }
        for (int i = 0; i < lower.length; i++) {
            if ((long) lower[i] + dims.get(i) - 1 > Integer.MAX_VALUE) {
                throw new DataException("cannot dump " + a + ": dimension " + (i + 1) + " goes past subscript "
                        + Integer.MAX_VALUE);
            }
        }
        return lower;
    }

    /** Records each dimension's length, failing on ragged nesting (PostgreSQL arrays are rectangular). */
    private static void shape(Object v, int depth, List<Integer> dims) {
        List<Object> items = elements(v);
        if (dims.size() == depth) {
            dims.add(items.size());
        } else if (dims.get(depth) != items.size()) {
            throw new DataException("cannot dump a nested list with sub-lists of lengths " + dims.get(depth) + " and "
                    + items.size() + ": multi-dimensional arrays must be rectangular");
        }
        Boolean nested = null;
        for (Object e : items) {
            boolean isList = e != null && isArrayLike(e);
            if (e == null && depth + 1 < dims.size()) {
                throw new DataException("cannot dump a nested list with a NULL in place of a sub-list");
            }
            if (nested != null && e != null && nested != isList) {
                throw new DataException("cannot dump a nested list mixing values and sub-lists at the same level");
            }
            if (e != null) {
                nested = isList;
            }
            if (isList) {
                shape(e, depth + 1, dims);
            }
        }
    }

    private void writeBinary(Object value, List<Integer> dims, AdaptContext ctx, ByteArrayOutputStream out) {
        boolean empty = dims.contains(0);
        int ndim = empty ? 0 : dims.size();
        List<byte[]> values = new ArrayList<>();
        if (!empty) {
            flatten(value, ctx, values);
        }
        byte[] header = new byte[12 + 8 * ndim];
        Bin.put32(header, 0, ndim);
        Bin.put32(header, 4, values.contains(null) ? 1 : 0);
        Bin.put32(header, 8, elementOid);
        int[] lower = lowerBounds(value, dims);
        for (int i = 0; i < ndim; i++) {
            Bin.put32(header, 12 + 8 * i, dims.get(i));
            Bin.put32(header, 16 + 8 * i, lower == null ? 1 : lower[i]);
        }
        out.writeBytes(header);
        for (byte[] v : values) {
            out.writeBytes(Bin.of32(v == null ? -1 : v.length));
            if (v != null) {
                out.writeBytes(v);
            }
        }
    }

    private void flatten(Object v, AdaptContext ctx, List<byte[]> out) {
        for (Object e : elements(v)) {
            if (e != null && isArrayLike(e)) {
                flatten(e, ctx, out);
            } else {
                out.add(e == null ? null : element.dump(e, ctx));
            }
        }
    }

    /** The array's text form: {@code {1,2,NULL}}, elements quoted when array_in would misread them. */
    private void writeText(Object v, AdaptContext ctx, ByteArrayOutputStream out) {
        out.write('{');
        boolean first = true;
        for (Object e : elements(v)) {
            if (!first) {
                out.write(delimiter);
            }
            first = false;
            if (e == null) {
                out.writeBytes(NULL);
            } else if (isArrayLike(e)) {
                writeText(e, ctx, out);
            } else {
                writeElement(element.dump(e, ctx), out);
            }
        }
        out.write('}');
    }

    private static final byte[] NULL = {'N', 'U', 'L', 'L'};

    private void writeElement(byte[] b, ByteArrayOutputStream out) {
        if (!needsQuotes(b) && (delimiter == ',' || indexOf(b, (byte) delimiter) < 0)) {
            out.writeBytes(b);
            return;
        }
        out.write('"');
        for (byte c : b) {
            if (c == '"' || c == '\\') {
                out.write('\\');
            }
            out.write(c);
        }
        out.write('"');
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean needsQuotes(byte[] b) {
        if (b.length == 0 || (b.length == 4 && (b[0] | 0x20) == 'n' && (b[1] | 0x20) == 'u' && (b[2] | 0x20) == 'l'
                && (b[3] | 0x20) == 'l')) {
            return true;
        }
        for (byte c : b) {
            switch (c) {
                case '{', '}', ',', '"', '\\', ' ', '\t', '\n', '\r', 0x0b, '\f':
                    return true;
                default:
                    break;
            }
        }
        return false;
    }
}
