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
        String type = value == null ? null : nameOfClass(value.getClass());
        return type == null ? value : new Typed(value, type);
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
