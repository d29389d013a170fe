package io.tusk.jdbc.internal;

import io.tusk.Column;
import io.tusk.types.BitString;
import io.tusk.types.Composite;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Calendar;
import java.util.List;
import java.util.UUID;

/**
 * JDBC's getter conversion table (JDBC 4.3 Appendix B, table B-6) applied to the Java values Tusk's
 * loaders made, with pgjdbc's answers where JDBC leaves a choice: {@code getInt} truncates a
 * numeric that fits, {@code getBoolean} reads 1/0 and the words PostgreSQL reads as booleans,
 * {@code getString} is the server's text form, {@code getObject} returns pgjdbc's classes for
 * the standard types and Tusk's own ({@code io.tusk.types}) for the others. A value that
 * cannot convert raises SQLException naming the column, the value and both types: SQLSTATE
 * 22003 for numbers out of range or unreadable (pgjdbc's "Bad value for type int : abc"),
 * 22018 for a type that does not convert.
 */
final class ValueConversions {
    private final JdbcConnection connection;

    ValueConversions(JdbcConnection connection) {
        this.connection = connection;
    }

    static String typeName(Column c) {
        PgTypes.Known k = PgTypes.known(c.typeOid());
        if (k != null) {
            return k.name();
        }
        PgTypes.Known e = PgTypes.elementOf(c.typeOid());
        return e != null ? e.name() + "[]" : "type " + Integer.toUnsignedString(c.typeOid());
    }

    private static String where(Column c, int i) {
        return " (column " + i + " \"" + c.name() + "\" of type " + typeName(c) + ")";
    }

    /** pgjdbc's message and SQLSTATE for a value the asked-for type cannot hold. */
    static SQLException badValue(String javaType, Object v, Column c, int i) {
        String text = v instanceof String s ? s : PgText.format(v);
        if (text.length() > 60) {
            text = text.substring(0, 60) + "...";
        }
        return new SQLException("Bad value for type " + javaType + " : " + text + where(c, i), "22003");
    }

    static SQLException cannotConvert(String javaType, Object v, Column c, int i) {
        return new SQLException("Cannot convert the column of type " + typeName(c) + " to requested type " + javaType
                + where(c, i) + ": the value is a " + v.getClass().getName(), "22018");
    }

    String toString(Object v, Column c, int i) {
        if (c.typeOid() == PgTypes.MONEY && v instanceof BigDecimal d) {
            return PgText.money(d);
        }
        return PgText.format(v);
    }

    boolean toBoolean(Object v, Column c, int i) throws SQLException {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof BitString b && b.length() == 1) {
            return b.get(0);
        }
        if (v instanceof Number n) {
            // pgjdbc's BooleanTypeUtil: exactly 1 or 0
            double d = n.doubleValue();
            if (d == 1) {
                return true;
            }
            if (d == 0) {
                return false;
            }
        } else if (v instanceof String || v instanceof Character) {
            switch (v.toString().trim().toLowerCase(java.util.Locale.ROOT)) {
                case "1", "true", "t", "yes", "y", "on": return true;
                case "0", "false", "f", "no", "n", "off": return false;
                default: break;
            }
        } else {
            throw cannotConvert("boolean", v, c, i);
        }
        return failBoolean(v, c, i);
    }

    private static boolean failBoolean(Object v, Column c, int i) throws SQLException {
        // pgjdbc's "Cannot cast to boolean" is 42846 (cannot coerce).
        throw new SQLException("Cannot cast to boolean: \"" + PgText.format(v) + "\"" + where(c, i), "42846");
    }

    /** An integer of the Java type named {@code javaType} within min..max; fractions are truncated as pgjdbc does. */
    long toLong(Object v, Column c, int i, long min, long max, String javaType) throws SQLException {
        if (v == null) {
            return 0;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            long l = ((Number) v).longValue();
            if (l < min || l > max) {
                throw badValue(javaType, v, c, i);
            }
            return l;
        }
        BigDecimal d = decimal(v, c, i, javaType);
        if (d == null) {
            throw badValue(javaType, v, c, i);
        }
        BigInteger whole = d.toBigInteger();
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            throw badValue(javaType, v, c, i);
        }
        return whole.longValue();
    }

    /** The exact decimal of a number or numeric text; null for NaN/Infinity; raises for other types. */
    private static BigDecimal decimal(Object v, Column c, int i, String javaType) throws SQLException {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Double || v instanceof Float) {
            // the value the server's text shows (pgjdbc reads that text): 1e+20, not 1.0E+20
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(PgText.format(v)) : null;
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw badValue(javaType, v, c, i);
            }
        }
        throw badValue(javaType, v, c, i);
    }

    double toDouble(Object v, Column c, int i, String javaType) throws SQLException {
        if (v == null) {
            return 0;
        }
        if (v instanceof Float f) {
            // the float4's shortest text, as the server prints it: 0.1, not 0.10000000149011612
            return Double.parseDouble(f.toString());
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw badValue(javaType, v, c, i);
            }
        }
        throw badValue(javaType, v, c, i);
    }

    BigDecimal toBigDecimal(Object v, Column c, int i, int scale) throws SQLException {
        if (v == null) {
            return null;
        }
        BigDecimal d = decimal(v, c, i, "BigDecimal");
        if (d == null) {
            throw badValue("BigDecimal", v, c, i);
        }
        if (scale < 0) {
            return d;
        }
        try {
            // pgjdbc's getBigDecimal(i, scale) refuses a value that would need rounding
            return d.setScale(scale);
        } catch (ArithmeticException e) {
            throw badValue("BigDecimal", v, c, i);
        }
    }

    byte[] toBytes(Object v, Column c, int i) {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return b;
        }
        // pgjdbc returns the bytes of the value's text for other types
        return PgText.format(v).getBytes(StandardCharsets.UTF_8);
    }

    Timestamp toTimestamp(Object v, Column c, int i, Calendar cal) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof OffsetDateTime t) {
            return Timestamp.from(t.toInstant());
        }
        if (v instanceof LocalDateTime t) {
            return JdbcTimes.timestamp(t, cal);
        }
        if (v instanceof LocalDate d) {
            return JdbcTimes.timestamp(d.atStartOfDay(), cal);
        }
        if (v instanceof LocalTime t) {
            return JdbcTimes.timestamp(t.atDate(LocalDate.of(1970, 1, 1)), cal);
        }
        if (v instanceof String s) {
            try {
                return Timestamp.valueOf(s.trim());
            } catch (IllegalArgumentException e) {
                throw badValue("timestamp", v, c, i);
            }
        }
        throw cannotConvert("java.sql.Timestamp", v, c, i);
    }

    Date toDate(Object v, Column c, int i, Calendar cal) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDate d) {
            return JdbcTimes.date(d, cal);
        }
        if (v instanceof LocalDateTime t) {
            return JdbcTimes.date(t.toLocalDate(), cal);
        }
        if (v instanceof OffsetDateTime t) {
            return JdbcTimes.date(t.atZoneSameInstant(JdbcTimes.zone(cal)).toLocalDate(), cal);
        }
        if (v instanceof LocalTime) {
            return JdbcTimes.date(LocalDate.of(1970, 1, 1), cal);
        }
        if (v instanceof String s) {
            try {
                return Date.valueOf(s.trim());
            } catch (IllegalArgumentException e) {
                throw badValue("date", v, c, i);
            }
        }
        throw cannotConvert("java.sql.Date", v, c, i);
    }

    Time toTime(Object v, Column c, int i, Calendar cal) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof LocalTime t) {
            return JdbcTimes.time(t, cal);
        }
        if (v instanceof OffsetTime t) {
            return new Time(t.atDate(LocalDate.of(1970, 1, 1)).toInstant().toEpochMilli());
        }
        if (v instanceof LocalDateTime t) {
            return JdbcTimes.time(t.toLocalTime(), cal);
        }
        if (v instanceof LocalDate) {
            return JdbcTimes.time(LocalTime.MIDNIGHT, cal);
        }
        if (v instanceof OffsetDateTime t) {
            return JdbcTimes.time(t.atZoneSameInstant(JdbcTimes.zone(cal)).toLocalTime(), cal);
        }
        if (v instanceof String s) {
            try {
                return Time.valueOf(s.trim());
            } catch (IllegalArgumentException e) {
                throw badValue("time", v, c, i);
            }
        }
        throw cannotConvert("java.sql.Time", v, c, i);
    }

    /** {@code getObject(i)}: pgjdbc's class for the standard types, Tusk's value for the others. */
    Object toObject(Object v, Column c, int i) throws SQLException {
        if (v == null) {
            return null;
        }
        int oid = c.typeOid();
        if (v instanceof Short s) {
            return (int) s;
        }
        if (oid == PgTypes.MONEY && v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof BitString b && b.length() == 1) {
            return b.get(0);
        }
        if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof OffsetDateTime) {
            return v instanceof LocalDate ? toDate(v, c, i, null) : toTimestamp(v, c, i, null);
        }
        if (v instanceof LocalTime || v instanceof OffsetTime) {
            return toTime(v, c, i, null);
        }
        if (v instanceof List<?>) {
            return toArray(v, c, i);
        }
        if (oid == PgTypes.XML && v instanceof String s) {
            return new JdbcSqlXml(s);
        }
        if (v instanceof Composite comp) {
            return new JdbcStruct(comp);
        }
        return v;
    }

    /** {@code getObject(i, type)}. */
    @SuppressWarnings("unchecked")
    <T> T toClass(Object v, Column c, int i, Class<T> type) throws SQLException {
        if (v == null) {
            if (type.isPrimitive()) {
                throw new SQLException("Cannot read NULL as " + type.getName() + where(c, i) + ": ask for its boxed class", "22004");
            }
            return null;
        }
        Object out = convert(v, c, i, type);
        return (T) out;
    }

    private Object convert(Object v, Column c, int i, Class<?> type) throws SQLException {
        if (type == String.class) {
            return toString(v, c, i);
        }
        if (type == Integer.class || type == int.class) {
            return (int) toLong(v, c, i, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
        }
        if (type == Long.class || type == long.class) {
            return toLong(v, c, i, Long.MIN_VALUE, Long.MAX_VALUE, "long");
        }
        if (type == Short.class || type == short.class) {
            return (short) toLong(v, c, i, Short.MIN_VALUE, Short.MAX_VALUE, "short");
        }
        if (type == Byte.class || type == byte.class) {
            return (byte) toLong(v, c, i, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
        }
        if (type == Boolean.class || type == boolean.class) {
            return toBoolean(v, c, i);
        }
        if (type == Double.class || type == double.class) {
            return toDouble(v, c, i, "double");
        }
        if (type == Float.class || type == float.class) {
            return (float) toDouble(v, c, i, "float");
        }
        if (type == BigDecimal.class) {
            return toBigDecimal(v, c, i, -1);
        }
        if (type == BigInteger.class) {
            BigDecimal d = toBigDecimal(v, c, i, -1);
            try {
                return d.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw badValue("BigInteger", v, c, i);
            }
        }
        if (type == byte[].class) {
            return toBytes(v, c, i);
        }
        if (type == Timestamp.class) {
            return toTimestamp(v, c, i, null);
        }
        if (type == Date.class) {
            return toDate(v, c, i, null);
        }
        if (type == Time.class) {
            return toTime(v, c, i, null);
        }
        if (type == java.util.Date.class) {
            return v instanceof LocalDate ? toDate(v, c, i, null) : toTimestamp(v, c, i, null);
        }
        if (type == Calendar.class) {
            Calendar cal = Calendar.getInstance();
            cal.setTimeInMillis(toTimestamp(v, c, i, null).getTime());
            return cal;
        }
        Object t = JdbcTimes.toJavaTime(v, type);
        if (t != null) {
            return t;
        }
        if (JdbcTimes.isJavaTime(type)) {
            // pgjdbc's SQLSTATE for a date/time class the column's type does not give (42821).
            SQLException e = cannotConvert(type.getName(), v, c, i);
            throw new SQLException(e.getMessage(), "42821");
        }
        if (type == UUID.class && v instanceof String s) {
            try {
                return UUID.fromString(s.trim());
            } catch (IllegalArgumentException e) {
                throw new SQLException("conversion to java.util.UUID from " + typeName(c) + " not supported" + where(c, i)
                        + ": " + e.getMessage(), "22023");
            }
        }
        if (type == java.sql.Array.class) {
            return toArray(v, c, i);
        }
        if (type == Blob.class) {
            return toBlob(v, c, i);
        }
        if (type == Clob.class || type == java.sql.NClob.class) {
            return toClob(v, c, i);
        }
        if (type == SQLXML.class) {
            return toSqlXml(v, c, i);
        }
        if (type == java.sql.Struct.class && v instanceof Composite comp) {
            return new JdbcStruct(comp);
        }
        if (type == InputStream.class) {
            return new ByteArrayInputStream(toBytes(v, c, i));
        }
        if (type == Reader.class) {
            return new StringReader(toString(v, c, i));
        }
        if (type == URL.class) {
            return toUrl(v, c, i);
        }
        if (type.isArray() && v instanceof List<?> l) {
            return javaArray(l, type.getComponentType(), c, i);
        }
        if (type == Object.class) {
            return toObject(v, c, i);
        }
        if (type.isInstance(v)) {
            return v;
        }
        throw new SQLException("conversion to " + type.getName() + " from " + typeName(c) + " not supported" + where(c, i)
                + ": the value is a " + v.getClass().getName(), "22023");
    }

    /** A PostgreSQL array as a Java array of {@code component} ({@code int[]}, {@code Integer[]}, {@code String[][]}...). */
    private Object javaArray(List<?> list, Class<?> component, Column c, int i) throws SQLException {
        Object out = java.lang.reflect.Array.newInstance(component, list.size());
        for (int k = 0; k < list.size(); k++) {
            Object e = list.get(k);
            Object converted;
            if (e == null) {
                if (component.isPrimitive()) {
                    throw new SQLException("The array" + where(c, i) + " holds NULL at index " + (k + 1) + ", which "
                            + component.getName() + "[] cannot hold: ask for " + boxed(component) + "[]", "22004");
                }
                converted = null;
            } else if (component.isArray()) {
                if (!(e instanceof List<?> inner)) {
                    throw cannotConvert(component.getName(), e, c, i);
                }
                converted = javaArray(inner, component.getComponentType(), c, i);
            } else {
                converted = convert(e, c, i, component);
            }
            java.lang.reflect.Array.set(out, k, converted);
        }
        return out;
    }

    private static String boxed(Class<?> p) {
        return java.lang.invoke.MethodType.methodType(p).wrap().returnType().getSimpleName();
    }

    JdbcArray toArray(Object v, Column c, int i) throws SQLException {
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> l)) {
            throw cannotConvert("java.sql.Array", v, c, i);
        }
        int elementOid = PgTypes.baseOid(c.typeOid());
        String baseName;
        if (elementOid != c.typeOid()) {
            baseName = PgTypes.known(elementOid).name();
        } else {
            TypeCatalog.Entry e = connection == null ? null : TypeCatalog.of(connection.conn).entry(c.typeOid());
            elementOid = e == null ? 0 : e.elementOid();
            baseName = elementOid == 0 ? "unknown" : connection == null ? "unknown"
                    : TypeCatalog.of(connection.conn).entry(elementOid).name();
        }
        return new JdbcArray(connection, elementOid, baseName, l);
    }

    Blob toBlob(Object v, Column c, int i) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return new JdbcBlob(b);
        }
        // pgjdbc: a Blob column holds the OID of a large object
        long oid = toLong(v, c, i, 0, 0xFFFFFFFFL, "long");
        return JdbcBlob.ofLargeObject(connection, oid);
    }

    java.sql.NClob toClob(Object v, Column c, int i) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof String s && c.typeOid() != PgTypes.OID) {
            return new JdbcClob(s);
        }
        long oid = toLong(v, c, i, 0, 0xFFFFFFFFL, "long");
        return JdbcClob.ofLargeObject(connection, oid);
    }

    SQLXML toSqlXml(Object v, Column c, int i) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return new JdbcSqlXml(s);
        }
        throw cannotConvert("java.sql.SQLXML", v, c, i);
    }

    URL toUrl(Object v, Column c, int i) throws SQLException {
        if (v == null) {
            return null;
        }
        String s = toString(v, c, i);
        try {
            return new URI(s.trim()).toURL();
        } catch (MalformedURLException | java.net.URISyntaxException | IllegalArgumentException e) {
            throw new SQLException("Bad value for type URL : " + s + where(c, i) + ": " + e.getMessage(), "22003");
        }
    }
}
