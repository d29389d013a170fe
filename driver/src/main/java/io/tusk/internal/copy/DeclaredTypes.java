package io.tusk.internal.copy;

import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.BuiltinTypes;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The column types a COPY FROM STDIN was told with {@code setTypes} (psycopg's
 * {@code copy.set_types()}, which governs writing as well as reading): each value is converted
 * to the Java class whose dumper writes the declared type (an Integer into an int8 column is
 * written as a Long, 8 bytes), and in FORMAT BINARY a value whose dumper still writes another
 * type is refused before anything is sent, naming the column and both types. Why it matters in
 * binary: each field is read by the column type's receive function, which takes the bytes as
 * they are (4 bytes for an int8 column is "insufficient data left in message", a protocol error
 * that aborts the COPY); in text the server parses the characters, so only the conversion applies.
 */
final class DeclaredTypes {
    private final int[] oids;

    DeclaredTypes(int[] oids) {
        this.oids = oids.clone();
    }

    int count() {
        return oids.length;
    }

    int oid(int column) {
        return oids[column];
    }

    /** {@code v} as the Java value whose dumper writes the declared type of {@code column}, or {@code v}. */
    Object convert(int column, Object v) {
        int oid = oids[column];
        try {
            if (v instanceof Number n && !(v instanceof BigDecimal && oid == BuiltinTypes.NUMERIC)) {
                switch (oid) {
                    case BuiltinTypes.INT2:
                        return exact(n).shortValueExact();
                    case BuiltinTypes.INT4:
                        return exact(n).intValueExact();
                    case BuiltinTypes.INT8:
                        return exact(n).longValueExact();
                    case BuiltinTypes.FLOAT4:
                        return n.floatValue();
                    case BuiltinTypes.FLOAT8:
                        return n.doubleValue();
                    case BuiltinTypes.NUMERIC:
                        return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()) : exact(n);
                    default:
                        break;
                }
            }
        } catch (ArithmeticException e) {
            throw new ProgrammingException("COPY column " + (column + 1) + " is declared " + name(oid) + " by setTypes, but the"
                    + " value " + v + " does not fit it: pass a value in the range of " + name(oid) + ", or declare a wider type");
        }
        if (isText(oid) && (v instanceof Number || v instanceof Character || v instanceof Boolean)) {
            return v.toString();
        }
        return v;
    }

    /**
     * The binary form of a value {@link #convert converted} to a fixed-size numeric column
     * (int2, int4, int8, float4, float8), or null for other columns. Why not the dumper: the
     * integer dumpers choose the smallest type that holds the value (psycopg's int dumper: 1 is
     * an int2), right for a parameter whose type the server infers, wrong for a COPY column.
     */
    byte[] binary(int column, Object v) {
        int oid = oids[column];
        if (oid == BuiltinTypes.INT2 && v instanceof Short x) {
            return java.nio.ByteBuffer.allocate(2).putShort(x).array();
        } else if (oid == BuiltinTypes.INT4 && v instanceof Integer x) {
            return java.nio.ByteBuffer.allocate(4).putInt(x).array();
        } else if (oid == BuiltinTypes.INT8 && v instanceof Long x) {
            return java.nio.ByteBuffer.allocate(8).putLong(x).array();
        } else if (oid == BuiltinTypes.FLOAT4 && v instanceof Float x) {
            return java.nio.ByteBuffer.allocate(4).putFloat(x).array();
        } else if (oid == BuiltinTypes.FLOAT8 && v instanceof Double x) {
            return java.nio.ByteBuffer.allocate(8).putDouble(x).array();
        }
        return null; // not converted (another class): its dumper decides, and checkBinary judges
    }

    /**
     * Refuses, in binary, a value whose dumper writes type {@code dumped} into a column declared
     * another type: the server would misread its bytes.
     */
    void checkBinary(int column, Object v, int dumped) {
        int oid = oids[column];
        if (oid == 0 || dumped == 0 || dumped == oid || isText(oid) && isText(dumped)) {
            return;
        }
        throw new ProgrammingException("COPY column " + (column + 1) + " is declared " + name(oid) + " by setTypes, but the"
                + " value of class " + v.getClass().getName() + " is written as " + name(dumped) + " in FORMAT BINARY, which"
                + " the server would misread: pass a value of the column's type, register a binary Dumper that writes "
                + name(oid) + ", or use the text format");
    }

    private static BigDecimal exact(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static boolean isText(int oid) {
        return oid == BuiltinTypes.TEXT || oid == BuiltinTypes.VARCHAR || oid == BuiltinTypes.BPCHAR || oid == BuiltinTypes.NAME;
    }

    static String name(int oid) {
        String n = BuiltinTypes.castName(oid);
        return n != null ? n : "type " + oid;
    }
}
