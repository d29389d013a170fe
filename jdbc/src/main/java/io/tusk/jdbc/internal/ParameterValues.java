package io.tusk.jdbc.internal;

import io.tusk.types.Composite;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

/**
 * Values given to {@code setObject}/{@code setXxx} turned into what Tusk's adapters dump: JDBC's
 * own classes become the java.time and plain values the native API binds (java.sql.Timestamp ⟶
 * LocalDateTime, Date ⟶ LocalDate, Time ⟶ LocalTime, Array ⟶ List, Blob ⟶ byte[], Clob ⟶
 * String, Struct ⟶ Composite); Tusk's own types ({@code Range}, {@code Interval}, {@code Json},
 * ...) and everything the adapters know pass through. With a target {@link Types} code the
 * value is converted as JDBC 4.3 Appendix B table B-5 allows ({@code setObject(i, "42",
 * Types.INTEGER)} gives Integer 42; the statement sends it as the int4 the type names).
 */
public final class ParameterValues {
    private ParameterValues() {
    }

    /** {@code x} as {@code setObject(i, x)} binds it. */
    public static Object forObject(Object x) throws SQLException {
        if (x == null || x instanceof String || x instanceof Number && !(x instanceof java.util.concurrent.atomic.AtomicLong)) {
            return x;
        }
        if (x instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (x instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (x instanceof Time t) {
            return localTime(t);
        }
        if (x instanceof java.util.Date d) {
            return LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault());
        }
        if (x instanceof Calendar c) {
            return OffsetDateTime.ofInstant(c.toInstant(), c.getTimeZone().toZoneId());
        }
        if (x instanceof Character c) {
            return c.toString();
        }
        if (x instanceof JdbcArray a) {
            return a.elements();
        }
        if (x instanceof Array a) {
            return forObject(a.getArray());
        }
        if (x instanceof Object[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (Object e : a) {
                out.add(forObject(e));
            }
            return out;
        }
        if (x instanceof JdbcBlob b) {
            return b.toBytes();
        }
        if (x instanceof Blob b) {
            return b.getBytes(1, (int) b.length());
        }
        if (x instanceof Clob c) {
            return c.getSubString(1, (int) c.length());
        }
        if (x instanceof JdbcSqlXml s) {
            return s.text();
        }
        if (x instanceof SQLXML s) {
            return s.getString();
        }
        if (x instanceof JdbcStruct s) {
            return s.composite();
        }
        if (x instanceof Struct s) {
            List<Object> values = new ArrayList<>();
            for (Object a : s.getAttributes()) {
                values.add(forObject(a));
            }
            return Composite.of(s.getSQLTypeName(), null, values);
        }
        if (x instanceof InputStream in) {
            try {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new SQLException("Reading the InputStream given as a parameter failed: " + e.getMessage(), "58030", e);
            }
        }
        if (x instanceof Reader r) {
            return readAll(r);
        }
        return x;
    }

    /** The time of day a java.sql.Time shows in the JVM's zone, milliseconds kept ({@code Time.toLocalTime} drops them). */
    private static LocalTime localTime(Time t) {
        return LocalTime.ofInstant(Instant.ofEpochMilli(t.getTime()), ZoneId.systemDefault());
    }

    static String readAll(Reader r) throws SQLException {
        try {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) > 0; ) {
                b.append(buf, 0, n);
            }
            return b.toString();
        } catch (IOException e) {
            throw new SQLException("Reading the Reader given as a parameter failed: " + e.getMessage(), "58030", e);
        }
    }

    /**
     * {@code x} converted as {@code setObject(i, x, targetSqlType, scaleOrLength)} asks
     * ({@code targetSqlType} a {@link Types} constant; {@code scaleOrLength} the scale of a
     * DECIMAL/NUMERIC, negative for none); {@code null} stays null.
     */
    public static Object forSqlType(Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        if (x == null) {
            return null;
        }
        Object v = forObject(x);
        switch (targetSqlType) {
            case Types.TINYINT:
            case Types.SMALLINT:
                return (short) integer(v, x, targetSqlType, Short.MIN_VALUE, Short.MAX_VALUE);
            case Types.INTEGER:
                return (int) integer(v, x, targetSqlType, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case Types.BIGINT:
                return integer(v, x, targetSqlType, Long.MIN_VALUE, Long.MAX_VALUE);
            case Types.REAL:
                return (float) floating(v, x, targetSqlType);
            case Types.FLOAT:
            case Types.DOUBLE:
                return floating(v, x, targetSqlType);
            case Types.DECIMAL:
            case Types.NUMERIC: {
                BigDecimal d = decimal(v, x, targetSqlType);
                return scaleOrLength >= 0 ? d.setScale(scaleOrLength, RoundingMode.HALF_UP) : d;
            }
            case Types.BIT:
            case Types.BOOLEAN:
                return bool(v, x, targetSqlType);
            case Types.CHAR:
            case Types.VARCHAR:
            case Types.LONGVARCHAR:
            case Types.NCHAR:
            case Types.NVARCHAR:
            case Types.LONGNVARCHAR:
            case Types.CLOB:
            case Types.NCLOB:
                return text(v, x);
            case Types.DATE:
                return date(v, x, targetSqlType);
            case Types.TIME:
                return time(v, x, targetSqlType);
            case Types.TIME_WITH_TIMEZONE:
                if (v instanceof OffsetTime || v instanceof String) {
                    return v;
                }
                throw cannot(x, targetSqlType);
            case Types.TIMESTAMP:
                return timestamp(v, x, targetSqlType);
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return timestamptz(v, x, targetSqlType);
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                if (v instanceof byte[]) {
                    return v;
                }
                throw cannot(x, targetSqlType);
            case Types.ARRAY:
                if (v instanceof List<?> || v.getClass().isArray() && !(v instanceof byte[])) {
                    return v;
                }
                throw cannot(x, targetSqlType);
            case Types.SQLXML:
                if (v instanceof String) {
                    return v;
                }
                throw cannot(x, targetSqlType);
            case Types.STRUCT:
                if (v instanceof Composite) {
                    return v;
                }
                throw cannot(x, targetSqlType);
            case Types.OTHER:
            case Types.JAVA_OBJECT:
            case Types.DISTINCT:
            case Types.NULL:
                // A String goes untyped and the server infers the type from the context
                // (json, uuid, an enum...), as pgjdbc binds Types.OTHER strings.
                return v;
            case Types.REF:
            case Types.REF_CURSOR:
            case Types.ROWID:
            case Types.DATALINK:
                throw new SQLFeatureNotSupportedException("setObject with " + typeName(targetSqlType)
                        + " is not supported: PostgreSQL has no such parameter type", "0A000");
            default:
                throw new SQLException("Unknown Types value: " + targetSqlType + " is not a java.sql.Types constant", "07006");
        }
    }

    static String typeName(int sqlType) {
        try {
            return "Types." + JDBCType.valueOf(sqlType).getName();
        } catch (IllegalArgumentException e) {
            return "Types value " + sqlType;
        }
    }

    private static SQLException cannot(Object x, int sqlType) {
        // pgjdbc's SQLSTATE for a parameter of the wrong type: 07006
        return new SQLException("Cannot convert an instance of " + x.getClass().getName() + " to type " + typeName(sqlType), "07006");
    }

    private static long integer(Object v, Object x, int sqlType, long min, long max) throws SQLException {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        BigDecimal d = decimal(v, x, sqlType);
        BigInteger whole = d.toBigInteger();
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new SQLException("The value " + v + " is out of range for " + typeName(sqlType), "22003");
        }
        return whole.longValue();
    }

    private static double floating(Object v, Object x, int sqlType) throws SQLException {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw notNumber(s, sqlType);
            }
        }
        throw cannot(x, sqlType);
    }

    private static SQLException notNumber(String s, int sqlType) {
        return new SQLException("Cannot convert the string \"" + s + "\" to type " + typeName(sqlType) + ": it is not a number", "07006");
    }

    private static BigDecimal decimal(Object v, Object x, int sqlType) throws SQLException {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new SQLException("The value " + v + " has no " + typeName(sqlType) + " form", "22003");
            }
            return new BigDecimal(v.toString());
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw notNumber(s, sqlType);
            }
        }
        throw cannot(x, sqlType);
    }

    private static Boolean bool(Object v, Object x, int sqlType) throws SQLException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            // pgjdbc's BooleanTypeUtil: 1 and 0 only
            double d = n.doubleValue();
            if (d == 1 || d == 0) {
                return d == 1;
            }
        } else if (v instanceof String s) {
            switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "1", "true", "t", "yes", "y", "on": return true;
                case "0", "false", "f", "no", "n", "off": return false;
                default: break;
            }
        } else {
            throw cannot(x, sqlType);
        }
        throw new SQLException("Cannot cast to boolean: \"" + v + "\"", "22018");
    }

    private static String text(Object v, Object x) {
        if (x instanceof Character || x instanceof String) {
            return x.toString();
        }
        if (v instanceof BigDecimal d) {
            return d.toString();
        }
        if (x instanceof Timestamp || x instanceof java.sql.Date || x instanceof Time) {
            return x.toString();
        }
        return v instanceof String s ? s : PgText.format(v);
    }

    private static Object date(Object v, Object x, int sqlType) throws SQLException {
        if (v instanceof LocalDate) {
            return v;
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (v instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
        }
        if (v instanceof ZonedDateTime t) {
            return t.toLocalDate();
        }
        if (v instanceof String s) {
            try {
                return LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                return s; // the server reads its own date formats
            }
        }
        throw cannot(x, sqlType);
    }

    private static Object time(Object v, Object x, int sqlType) throws SQLException {
        if (v instanceof LocalTime || v instanceof OffsetTime) {
            return v;
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalTime();
        }
        if (v instanceof String s) {
            try {
                return LocalTime.parse(s.trim());
            } catch (DateTimeParseException e) {
                return s;
            }
        }
        throw cannot(x, sqlType);
    }

    private static Object timestamp(Object v, Object x, int sqlType) throws SQLException {
        if (v instanceof LocalDateTime || v instanceof OffsetDateTime) {
            return v;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof ZonedDateTime t) {
            return t.toOffsetDateTime();
        }
        if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof String s) {
            try {
                return Timestamp.valueOf(s.trim()).toLocalDateTime();
            } catch (IllegalArgumentException e) {
                return s;
            }
        }
        throw cannot(x, sqlType);
    }

    private static Object timestamptz(Object v, Object x, int sqlType) throws SQLException {
        if (v instanceof OffsetDateTime || v instanceof String) {
            return v;
        }
        if (v instanceof ZonedDateTime t) {
            return t.toOffsetDateTime();
        }
        if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof LocalDateTime t) {
            // a java.sql.Timestamp is an instant shown in the JVM's zone
            return t.atZone(ZoneId.systemDefault()).toOffsetDateTime();
        }
        throw cannot(x, sqlType);
    }
}
