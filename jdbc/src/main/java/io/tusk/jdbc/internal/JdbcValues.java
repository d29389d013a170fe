package io.tusk.jdbc.internal;

import io.tusk.errors.TuskException;
import io.tusk.rows.Row;
import io.tusk.types.Composite;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Struct;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The value objects a {@link java.sql.Connection} makes ({@code createArrayOf}, {@code createBlob},
 * {@code createClob}, {@code createSQLXML}, {@code createStruct}), and the java.time ⟶ java.sql
 * reading of loaded values that arrays and structs share with {@code getObject}.
 */
public final class JdbcValues {
    /** JDBC and SQL spellings of built-in type names, as pgjdbc accepts them in createArrayOf. */
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("smallint", "int2"), Map.entry("integer", "int4"),
            Map.entry("int", "int4"), Map.entry("bigint", "int8"), Map.entry("float", "float8"),
            Map.entry("double precision", "float8"), Map.entry("double", "float8"), Map.entry("real", "float4"),
            Map.entry("boolean", "bool"), Map.entry("decimal", "numeric"), Map.entry("character varying", "varchar"),
            Map.entry("character", "bpchar"), Map.entry("char", "bpchar"),
            Map.entry("timestamp with time zone", "timestamptz"), Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("time with time zone", "timetz"), Map.entry("time without time zone", "time"));

    private JdbcValues() {
    }

    /** A loaded value as JDBC code expects it in arrays and structs: java.sql dates and times, Struct for composites. */
    static Object toJdbc(Object v) {
        if (v instanceof LocalDate d) {
            return JdbcTimes.date(d, null);
        }
        if (v instanceof LocalDateTime t) {
            return JdbcTimes.timestamp(t, null);
        }
        if (v instanceof OffsetDateTime t) {
            return java.sql.Timestamp.from(t.toInstant());
        }
        if (v instanceof LocalTime t) {
            return JdbcTimes.time(t, null);
        }
        if (v instanceof OffsetTime t) {
            return new java.sql.Time(t.atDate(LocalDate.of(1970, 1, 1)).toInstant().toEpochMilli());
        }
        if (v instanceof Composite c) {
            return new JdbcStruct(c);
        }
        return v;
    }

    /**
     * {@code Connection.createArrayOf(typeName, elements)}: an array of the named element type
     * ({@code int4}, {@code integer}, {@code text}, {@code uuid}, a user type...); nested Object[]
     * make several dimensions. Elements are converted as {@code setObject} converts parameters.
     */
    public static Array createArrayOf(JdbcConnection connection, String typeName, Object[] elements) throws SQLException {
        if (typeName == null) {
            throw new SQLException("createArrayOf needs the element type's name (int4, text, ...)", "22023");
        }
        if (elements == null) {
            throw new SQLException("createArrayOf needs the elements (an Object[], possibly empty)", "22023");
        }
        String name = typeName.trim();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("[]")) {
            name = name.substring(0, name.length() - 2);
            lower = lower.substring(0, lower.length() - 2);
        }
        PgTypes.Known k = PgTypes.byName(ALIASES.getOrDefault(lower, lower));
        int oid;
        String baseName;
        if (k != null) {
            oid = k.oid();
            baseName = k.name();
        } else {
            oid = lookUpOid(connection, name);
            baseName = TypeCatalog.of(connection.conn).entry(oid).name();
        }
        return new JdbcArray(connection, oid, baseName, toList(elements));
    }

    private static int lookUpOid(JdbcConnection connection, String name) throws SQLException {
        Row r;
        try {
            r = connection.conn.execute("SELECT pg_catalog.to_regtype(%s)::oid::int8", name).fetchone();
        } catch (TuskException e) {
            throw JdbcErrors.translate(e);
        }
        if (r == null || r.get(0) == null) {
            throw new SQLException("Unable to find server array type for provided name " + name + ": no type of that name"
                    + " is on the search path", "42704");
        }
        return r.getLong(0).intValue();
    }

    private static List<Object> toList(Object[] elements) throws SQLException {
        List<Object> out = new ArrayList<>(elements.length);
        for (Object e : elements) {
            out.add(e instanceof Object[] inner ? toList(inner) : ParameterValues.forObject(e));
        }
        return out;
    }

    public static Blob createBlob() {
        return new JdbcBlob(new byte[0]);
    }

    public static Clob createClob() {
        return new JdbcClob("");
    }

    public static NClob createNClob() {
        return new JdbcClob("");
    }

    public static SQLXML createSQLXML() {
        return new JdbcSqlXml();
    }

    /** {@code Connection.createStruct(typeName, attributes)}: a row of that composite type, bound as its text form. */
    public static Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        if (typeName == null || attributes == null) {
            throw new SQLException("createStruct needs the composite type's name and its attributes", "22023");
        }
        List<Object> values = new ArrayList<>();
        for (Object a : attributes) {
            values.add(ParameterValues.forObject(a));
        }
        return new JdbcStruct(Composite.of(typeName, null, values));
    }
}
