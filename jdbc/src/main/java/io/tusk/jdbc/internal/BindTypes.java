package io.tusk.jdbc.internal;

import io.tusk.types.Typed;
import java.math.BigDecimal;
import java.sql.Types;

/**
 * The PostgreSQL type a JDBC parameter is sent as, as pgjdbc sends it: {@code setInt} an int4,
 * {@code setLong} an int8, {@code setString} a varchar, {@code setNull(i, Types.DATE)} a date
 * NULL. Tusk's native API sends a bare Java integer as the smallest type that holds it and a
 * string as text (psycopg's rules); JDBC code (Hibernate, Spring, ...) expects pgjdbc's, e.g.
 * that a varchar is not silently accepted by an integer column.
 */
final class BindTypes {
    private BindTypes() {
    }

    /** {@code value} with the type its Java class has in JDBC; other values unchanged. */
    static Object byClass(Object value) {
        if (value instanceof java.util.List<?> list) {
            return arrayOf(list);
        }
        String type = value == null ? null : nameOfClass(value.getClass());
        return type == null ? value : new Typed(value, type);
    }

    /**
     * A one-dimensional list of numbers, booleans or strings as the array of their JDBC type
     * ({@code Integer[]} an int4[], {@code String[]} a varchar[], as pgjdbc sends them), in
     * PostgreSQL's array literal text; anything else (nested, mixed, other classes, all NULL)
     * is left to Tusk's own array adaptation.
     */
    private static Object arrayOf(java.util.List<?> list) {
        Class<?> element = null;
        for (Object e : list) {
            if (e == null) {
                continue;
            }
            if (element != null && e.getClass() != element) {
                return list;
            }
            element = e.getClass();
        }
        String type = element == null ? null : nameOfClass(element);
        return type == null ? list : new Typed(literal(list), type + "[]");
    }

    /** A {@code java.sql.Array} made by createArrayOf: the array of the element type it was made for. */
    static Object arrayOf(java.util.List<?> elements, String baseTypeName) {
        for (Object e : elements) {
            if (e instanceof java.util.List<?> || e != null && e.getClass().isArray()) {
                return elements;   // nested: Tusk's array adaptation handles dimensions
            }
        }
        return new Typed(literal(elements), baseTypeName + "[]");
    }

    /** The array literal ({@code {1,NULL,"a b"}}): numbers and booleans as they are, the rest quoted. */
    private static String literal(java.util.List<?> list) {
        StringBuilder b = new StringBuilder("{");
        for (Object e : list) {
            if (b.length() > 1) {
                b.append(',');
            }
            if (e == null) {
                b.append("NULL");
            } else if (e instanceof Number || e instanceof Boolean) {
                b.append(e);
            } else {
                String str = String.valueOf(e);
                b.append('"').append(str.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return b.append('}').toString();
    }

    /** Primitive arrays ({@code int[]}, ...) as the list of their boxed values; other values unchanged. */
    static Object boxed(Object value) {
        if (value == null || !value.getClass().isArray() || !value.getClass().getComponentType().isPrimitive()
                || value instanceof byte[]) {
            return value;
        }
        int n = java.lang.reflect.Array.getLength(value);
        java.util.List<Object> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(java.lang.reflect.Array.get(value, i));
        }
        return out;
    }

    /** {@code value} sent as the type {@code sqlType} names; unchanged when that type has no fixed PostgreSQL type. */
    static Object bySqlType(Object value, int sqlType) {
        String type = nameOf(sqlType);
        return type == null || value instanceof Typed ? value : new Typed(value, type);
    }

    /** A NULL of the PostgreSQL type for {@code sqlType}, or a NULL the server types itself (OTHER, TIMESTAMP, ...). */
    static Object nullOf(int sqlType) {
        String type = nameOf(sqlType);
        return type == null ? null : new Typed(null, type);
    }

    private static String nameOfClass(Class<?> c) {
        if (c == Integer.class) {
            return "int4";
        } else if (c == Long.class) {
            return "int8";
        } else if (c == Short.class || c == Byte.class) {
            return "int2";
        } else if (c == String.class) {
            return "varchar";
        } else if (c == Boolean.class) {
            return "bool";
        } else if (c == Double.class) {
            return "float8";
        } else if (c == Float.class) {
            return "float4";
        } else if (c == BigDecimal.class) {
            return "numeric";
        }
        return null;
    }

    /**
     * The PostgreSQL type pgjdbc binds for a {@link Types} code; null where it lets the server
     * decide (OTHER, JAVA_OBJECT, the timestamp kinds whose zone the server must judge, ...).
     */
    static String nameOf(int sqlType) {
        return switch (sqlType) {
            case Types.INTEGER -> "int4";
            case Types.BIGINT -> "int8";
            case Types.SMALLINT, Types.TINYINT -> "int2";
            case Types.VARCHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> "varchar";
            case Types.CHAR, Types.NCHAR -> "bpchar";
            case Types.DATE -> "date";
            case Types.BOOLEAN, Types.BIT -> "bool";
            case Types.NUMERIC, Types.DECIMAL -> "numeric";
            case Types.DOUBLE, Types.FLOAT -> "float8";
            case Types.REAL -> "float4";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> "bytea";
            default -> null;
        };
    }
}
